package org.officialblogs.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.demo.SyntheticNames;

/**
 * Writes a synthetic registry straight into SQLite in batches: officials with one blog each, crawl state, posts and
 * their reply facts, all drawn from one seed (the same seed gives the same database). Shapes are plausible rather
 * than real: most blogs post weekly-ish with some bursts and pauses, some went dormant, a few are leads, offline or
 * unreachable; comments and replies are common on some blogs and absent on others.
 */
public final class SyntheticRegistry {

    /** How much was written. */
    public record Counts(int officials, int blogs, long posts, long replyFacts) {}

    private final long seed;

    public SyntheticRegistry(long seed) {
        this.seed = seed;
    }

    /** Writes {@code blogs} officials and blogs and about {@code posts} posts, dated up to {@code now}. */
    public Counts write(Jdbi jdbi, int blogs, long posts, Instant now) {
        return jdbi.withHandle(h -> {
            try {
                return write(h.getConnection(), blogs, posts, now);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write the synthetic registry: " + e.getMessage(), e);
            }
        });
    }

    private Counts write(Connection c, int blogs, long targetPosts, Instant now) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        long nowMs = now.toEpochMilli();
        long day = Duration.ofDays(1).toMillis();
        try (Statement s = c.createStatement()) {
            // a throwaway benchmark database: durability is not the point, speed of writing it is
            s.execute("PRAGMA synchronous = OFF");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long posts = 0;
        long facts = 0;
        try (PreparedStatement official = c.prepareStatement("""
                INSERT INTO official (id, name, office, country, region, level, branch, identity_key, origin,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?)""");
             PreparedStatement blog = c.prepareStatement("""
                INSERT INTO blog (id, official_id, site_url, site_url_key, feed_url, feed_url_key, platform, authorship,
                    status, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'wordpress', 'self', ?, 'seed', ?, ?)""");
             PreparedStatement state = c.prepareStatement("""
                INSERT INTO crawl_state (blog_id, next_attempt_at, last_attempt_at, last_success_at, last_http_status,
                    failure_kind, failure_message, consecutive_failures, unreachable, backfill_done)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""");
             PreparedStatement post = c.prepareStatement("""
                INSERT INTO post (id, blog_id, guid, url, title, published_at, summary, first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement reply = c.prepareStatement("""
                INSERT INTO post_comments (post_id, source, comments_state, reported_count, seen_count, reader_comments,
                    official_comments, first_reader_comment_at, first_official_reply_at, reader_comments_answered,
                    checked_at) VALUES (?, 'wordpress-feed', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            long meanPosts = Math.max(1, targetPosts / Math.max(1, blogs));
            long postId = 0;
            int pending = 0;
            for (int i = 1; i <= blogs; i++) {
                String country = SyntheticNames.COUNTRIES.get(random.nextInt(SyntheticNames.COUNTRIES.size()));
                String name = SyntheticNames.FIRST.get(random.nextInt(SyntheticNames.FIRST.size())) + " " + SyntheticNames.LAST.get(random.nextInt(SyntheticNames.LAST.size()))
                        + " " + i;
                String office = SyntheticNames.OFFICES.get(random.nextInt(SyntheticNames.OFFICES.size()));
                long created = nowMs - (long) (random.nextDouble() * 900) * day;
                official.setLong(1, i);
                official.setString(2, name);
                official.setString(3, office);
                official.setString(4, country);
                official.setString(5, random.nextInt(3) == 0 ? "Region " + random.nextInt(20) : null);
                official.setString(6, SyntheticNames.LEVELS.get(random.nextInt(SyntheticNames.LEVELS.size())));
                official.setString(7, SyntheticNames.BRANCHES.get(random.nextInt(SyntheticNames.BRANCHES.size())));
                official.setString(8, name.toLowerCase(java.util.Locale.ROOT) + "|" + country + "|" + i);
                official.setLong(9, created);
                official.setLong(10, created);
                official.addBatch();

                int kind = random.nextInt(100);
                String status = kind < 3 ? "lead" : kind < 5 ? "offline" : kind < 12 ? "dormant" : "active";
                String url = "https://blog" + i + ".example.org/";
                blog.setLong(1, i);
                blog.setLong(2, i);
                blog.setString(3, "lead".equals(status) ? null : url);
                blog.setString(4, "lead".equals(status) ? null : "blog" + i + ".example.org/");
                blog.setString(5, "lead".equals(status) ? null : url + "feed/");
                blog.setString(6, "lead".equals(status) ? null : "blog" + i + ".example.org/feed/");
                blog.setString(7, status);
                blog.setLong(8, created);
                blog.setLong(9, created);
                blog.addBatch();
                if ("lead".equals(status)) {
                    continue;
                }

                int health = random.nextInt(100);
                boolean unreachable = health < 2;
                boolean neverCrawled = health >= 2 && health < 4;
                state.setLong(1, i);
                state.setLong(2, nowMs + random.nextInt(86_400_000));
                state.setLong(3, nowMs - random.nextInt(86_400_000));
                if (neverCrawled) state.setNull(4, java.sql.Types.BIGINT); else state.setLong(4, nowMs - random.nextInt(86_400_000));
                state.setInt(5, unreachable ? 503 : 200);
                state.setString(6, unreachable ? "http" : null);
                state.setString(7, unreachable ? "HTTP 503 Service Unavailable" : null);
                state.setInt(8, unreachable ? 9 : 0);
                state.setInt(9, unreachable ? 1 : 0);
                state.addBatch();

                // posts: a per-blog rhythm; dormant blogs stopped 100 to 700 days ago
                int count = (int) Math.max(1, Math.round(meanPosts * (0.2 + 1.6 * random.nextDouble())));
                long stopDaysAgo = "dormant".equals(status) ? 100 + random.nextInt(600) : random.nextInt(60) < 50
                        ? random.nextInt(5) : 5 + random.nextInt(80);
                double gapDays = 1 + random.nextDouble() * 12;
                double replyProbability = random.nextInt(4) == 0 ? 0 : random.nextDouble();
                boolean commentsClosed = random.nextInt(15) == 0;
                long at = nowMs - stopDaysAgo * day - random.nextInt(86_400_000);
                for (int k = 0; k < count; k++) {
                    postId++;
                    post.setLong(1, postId);
                    post.setLong(2, i);
                    post.setString(3, "https://blog" + i + ".example.org/?p=" + postId);
                    post.setString(4, "https://blog" + i + ".example.org/post-" + postId + "/");
                    post.setString(5, "Post " + postId + " on the work of " + office.toLowerCase(java.util.Locale.ROOT));
                    post.setLong(6, at);
                    post.setString(7, "A summary of post " + postId + ", as the feed gave it.");
                    post.setLong(8, at + 3_600_000);
                    post.setLong(9, nowMs);
                    post.addBatch();
                    posts++;
                    if (nowMs - at < 400 * day && random.nextInt(10) < 8) {
                        int comments = commentsClosed ? 0 : random.nextInt(7);
                        boolean replied = comments > 0 && random.nextDouble() < replyProbability;
                        long firstComment = at + (1 + random.nextInt(48)) * 3_600_000L;
                        reply.setLong(1, postId);
                        reply.setString(2, commentsClosed ? "closed" : "open");
                        reply.setInt(3, comments + (replied ? 1 : 0));
                        reply.setInt(4, comments + (replied ? 1 : 0));
                        reply.setInt(5, comments);
                        reply.setInt(6, replied ? 1 : 0);
                        if (comments > 0) reply.setLong(7, firstComment); else reply.setNull(7, java.sql.Types.BIGINT);
                        if (replied) reply.setLong(8, firstComment + (1 + random.nextInt(72)) * 1_800_000L);
                        else reply.setNull(8, java.sql.Types.BIGINT);
                        reply.setInt(9, replied ? 1 + random.nextInt(comments) : 0);
                        reply.setLong(10, nowMs);
                        reply.addBatch();
                        facts++;
                    }
                    at -= (long) (gapDays * day * (0.3 + 1.4 * random.nextDouble()));
                    if (++pending >= 20_000) {
                        flush(c, official, blog, state, post, reply);
                        pending = 0;
                    }
                }
            }
            flush(c, official, blog, state, post, reply);
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new Counts(blogs, blogs, posts, facts);
    }

    private static void flush(Connection c, PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
        c.commit();
    }
}
