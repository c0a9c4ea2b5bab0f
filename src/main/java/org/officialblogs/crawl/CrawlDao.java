package org.officialblogs.crawl;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.db.Coded;
import org.officialblogs.db.DataVersion;
import org.officialblogs.db.FirstRowsPerKey;
import org.officialblogs.db.SingleWriter;
import org.officialblogs.registry.ListingStatus;

import static org.officialblogs.db.Columns.instant;
import static org.officialblogs.db.Columns.integer;
import static org.officialblogs.db.Columns.longOrNull;

/** SQL for crawl state, posts and the crawl log. */
public final class CrawlDao {

    private final Jdbi jdbi;
    private final SingleWriter writer;

    public CrawlDao(Jdbi jdbi) {
        this(jdbi, new SingleWriter(jdbi));
    }

    /** @param writer the database's one writer, shared with the other crawl writes */
    public CrawlDao(Jdbi jdbi, SingleWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    /**
     * Makes the writes {@code work} does (through this DAO or another sharing the writer) one transaction: a crawl
     * step's log rows, posts and state commit together instead of one transaction each.
     */
    public <T> T writeTogether(java.util.function.Supplier<T> work) {
        return writer.inTransaction(h -> work.get());
    }

    static CrawlState state(ResultSet rs) throws SQLException {
        return new CrawlState(rs.getLong("blog_id"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                instant(rs, "last_success_at"), integer(rs, "last_http_status"), rs.getString("etag"),
                rs.getString("last_modified"), rs.getString("failure_kind"), rs.getString("failure_message"),
                rs.getInt("consecutive_failures"), instant(rs, "failing_since"), rs.getInt("unreachable") != 0,
                rs.getInt("backfill_done") != 0, rs.getString("redirect_target"), rs.getInt("redirect_count"),
                integer(rs, "ttl_minutes"), rs.getString("feed_title"), rs.getString("feed_format"),
                longOrNull(rs, "interval_seconds"), integer(rs, "posts_seen_last"));
    }

    private static final String TARGET_SELECT = """
            SELECT b.id AS b_id, b.official_id, b.site_url, b.feed_url, b.platform, b.status, s.*
            FROM %s b JOIN crawl_state s ON s.blog_id = b.id
            """;

    private static CrawlTarget target(ResultSet rs) throws SQLException {
        return new CrawlTarget(rs.getLong("b_id"), rs.getLong("official_id"), rs.getString("site_url"),
                rs.getString("feed_url"), rs.getString("platform"), Coded.of(ListingStatus.class, rs.getString("status")),
                state(rs));
    }

    /** Gives every crawlable blog (listed, with an address) a schedule, due now; returns how many were added. */
    public int scheduleNewBlogs(Instant now) {
        return writer.inTransaction(h -> h.createUpdate("""
                INSERT INTO crawl_state (blog_id, next_attempt_at)
                SELECT b.id, :now FROM crawlable_blog b
                WHERE (b.site_url IS NOT NULL OR b.feed_url IS NOT NULL)
                  AND NOT EXISTS (SELECT 1 FROM crawl_state s WHERE s.blog_id = b.id)
                """).bind("now", now).execute());
    }

    /** Makes a blog due now (a moderator's "recrawl now", an approval). */
    public void makeDueNow(long blogId, Instant now) {
        writer.useTransaction(h -> {
            int n = h.createUpdate("UPDATE crawl_state SET next_attempt_at = :now WHERE blog_id = :id")
                    .bind("now", now).bind("id", blogId).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO crawl_state (blog_id, next_attempt_at) VALUES (:id, :now)")
                        .bind("now", now).bind("id", blogId).execute();
            }
        });
    }

    /** Blogs whose next attempt is due and that no process holds a claim on, oldest first. */
    public List<CrawlTarget> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(TARGET_SELECT.formatted("crawlable_blog") + """
                WHERE s.next_attempt_at <= :now AND (s.claim_until IS NULL OR s.claim_until <= :now)
                ORDER BY s.next_attempt_at, b.id LIMIT :limit
                """).bind("now", now).bind("limit", limit).map((rs, ctx) -> target(rs)).list());
    }

    /**
     * How many requests each blog's last crawl made (its crawl log from the start of its last attempt), for blogs
     * crawled before: what a run expects of their next crawl.
     */
    public java.util.Map<Long, Integer> requestsOfLastCrawl() {
        java.util.Map<Long, Integer> n = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT s.blog_id, count(l.id) AS n FROM crawl_state s
                JOIN crawl_log l ON l.blog_id = s.blog_id AND l.at >= s.last_attempt_at
                WHERE s.last_attempt_at IS NOT NULL
                GROUP BY s.blog_id
                """).map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(e -> n.put(e.getKey(), e.getValue())));
        return n;
    }

    /** Every crawlable blog, for `crawl --all`. */
    public List<CrawlTarget> all() {
        return jdbi.withHandle(h -> h.createQuery(TARGET_SELECT.formatted("crawlable_blog") + """
                ORDER BY b.id
                """).map((rs, ctx) -> target(rs)).list());
    }

    public Optional<CrawlTarget> target(long blogId) {
        return jdbi.withHandle(h -> h.createQuery(TARGET_SELECT.formatted("blog") + " WHERE b.id = :id").bind("id", blogId)
                .map((rs, ctx) -> target(rs)).findOne());
    }

    public Optional<CrawlState> state(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM crawl_state WHERE blog_id = :id").bind("id", blogId)
                .map((rs, ctx) -> state(rs)).findOne());
    }

    /** Number of blogs due now (the queue depth). */
    public int countDue(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM crawl_state s JOIN crawlable_blog b ON b.id = s.blog_id
                WHERE s.next_attempt_at <= :now
                """).bind("now", now).mapTo(Integer.class).one());
    }

    /** Writes the whole state row (after an attempt). */
    public void saveState(CrawlState s) {
        writer.useTransaction(h -> h.createUpdate("""
                UPDATE crawl_state SET next_attempt_at = :next, last_attempt_at = :lastAttempt,
                    last_success_at = :lastSuccess, last_http_status = :status, etag = :etag,
                    last_modified = :lastModified, failure_kind = :kind, failure_message = :message,
                    consecutive_failures = :failures, failing_since = :failingSince, unreachable = :unreachable,
                    backfill_done = :backfill, redirect_target = :redirectTarget, redirect_count = :redirectCount,
                    ttl_minutes = :ttl, feed_title = :title, feed_format = :format, interval_seconds = :interval,
                    posts_seen_last = :postsSeen
                WHERE blog_id = :id
                """)
                .bind("next", s.nextAttemptAt()).bind("lastAttempt", s.lastAttemptAt())
                .bind("lastSuccess", s.lastSuccessAt()).bind("status", s.lastHttpStatus()).bind("etag", s.etag())
                .bind("lastModified", s.lastModified()).bind("kind", s.failureKind()).bind("message", s.failureMessage())
                .bind("failures", s.consecutiveFailures()).bind("failingSince", s.failingSince())
                .bind("unreachable", s.unreachable() ? 1 : 0).bind("backfill", s.backfillDone() ? 1 : 0)
                .bind("redirectTarget", s.redirectTarget()).bind("redirectCount", s.redirectCount())
                .bind("ttl", s.ttlMinutes()).bind("title", s.feedTitle()).bind("format", s.feedFormat())
                .bind("interval", s.intervalSeconds()).bind("postsSeen", s.postsSeenLast())
                .bind("id", s.blogId()).execute());
    }

    /** Stores the blog's feed address (found by discovery, or after consistent permanent redirects). */
    public void setFeedUrl(long blogId, String feedUrl, String feedUrlKey, String platform, Instant now) {
        writer.useTransaction(h -> {
            DataVersion.bump(h); // the registry's pages show a blog's feed where it has no site address
            h.createUpdate("""
                    UPDATE blog SET feed_url = :feed, feed_url_key = :key, platform = coalesce(:platform, platform),
                        updated_at = :now
                    WHERE id = :id AND NOT EXISTS (SELECT 1 FROM blog o WHERE o.feed_url_key = :key AND o.id <> :id)
                    """).bind("feed", feedUrl).bind("key", feedUrlKey).bind("platform", platform).bind("now", now)
                    .bind("id", blogId).execute();
        });
    }

    public void setPlatformIfUnknown(long blogId, String platform, Instant now) {
        writer.useTransaction(h -> h.createUpdate("""
                UPDATE blog SET platform = :platform, updated_at = :now WHERE id = :id AND (platform IS NULL OR platform = '')
                """).bind("platform", platform).bind("now", now).bind("id", blogId).execute());
    }

    /** Sets the registry status (offline on 410; back to active when an offline blog answers again). */
    public void setListingStatus(long blogId, ListingStatus status, Instant now) {
        writer.useTransaction(h -> {
            DataVersion.bump(h); // the pages show a blog that went offline as such
            h.createUpdate("UPDATE blog SET status = :status, updated_at = :now WHERE id = :id")
                    .bind("status", status.code()).bind("now", now).bind("id", blogId).execute();
        });
    }

    private static final String UPSERT_POST = """
            INSERT INTO post (blog_id, guid, url, title, published_at, updated_at, author_name, author_uri, summary,
                comments_url, comment_feed_url, replies_url, platform_post_id, reported_comments, first_seen_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (blog_id, guid) DO UPDATE SET
                url = coalesce(excluded.url, post.url), title = coalesce(excluded.title, post.title),
                published_at = coalesce(post.published_at, excluded.published_at),
                updated_at = coalesce(excluded.updated_at, post.updated_at),
                author_name = coalesce(excluded.author_name, post.author_name),
                author_uri = coalesce(excluded.author_uri, post.author_uri),
                summary = coalesce(excluded.summary, post.summary),
                comments_url = coalesce(excluded.comments_url, post.comments_url),
                comment_feed_url = coalesce(excluded.comment_feed_url, post.comment_feed_url),
                replies_url = coalesce(excluded.replies_url, post.replies_url),
                platform_post_id = coalesce(excluded.platform_post_id, post.platform_post_id),
                reported_comments = coalesce(excluded.reported_comments, post.reported_comments),
                last_seen_at = excluded.last_seen_at
            """;

    private static void text(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, value);
    }

    /** An instant as every *_at column stores it: epoch milliseconds. */
    private static void millis(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, value.toEpochMilli());
    }

    /**
     * Adds new posts and refreshes known ones (same guid) in one transaction; returns how many were new.
     * A post never disappears because a later feed no longer lists it: that is how history accumulates.
     */
    public int upsertPosts(long blogId, List<PostRecord> posts, Instant now) {
        if (posts.isEmpty()) return 0;
        return writer.inTransaction(h -> {
            // the posts already held, among these: one index lookup per post instead of counting the blog's posts
            // before and after
            java.util.Set<String> guids = new java.util.HashSet<>();
            for (PostRecord p : posts) guids.add(p.guid());
            java.util.Set<String> held = new java.util.HashSet<>(h.createQuery(
                            "SELECT guid FROM post WHERE blog_id = :id AND guid IN (<guids>)")
                    .bind("id", blogId).bindList("guids", List.copyOf(guids)).mapTo(String.class).list());
            // plain JDBC for the crawl's largest write (every post of every page): binding 16 values a post through
            // JDBI's argument machinery cost the one writer more than SQLite spent storing them
            try (PreparedStatement ps = h.getConnection().prepareStatement(UPSERT_POST)) {
                for (PostRecord p : posts) {
                    int i = 0;
                    ps.setLong(++i, blogId);
                    text(ps, ++i, p.guid());
                    text(ps, ++i, p.url());
                    text(ps, ++i, p.title());
                    millis(ps, ++i, p.publishedAt());
                    millis(ps, ++i, p.updatedAt());
                    text(ps, ++i, p.authorName());
                    text(ps, ++i, p.authorUri());
                    text(ps, ++i, p.summary());
                    text(ps, ++i, p.commentsUrl());
                    text(ps, ++i, p.commentFeedUrl());
                    text(ps, ++i, p.repliesUrl());
                    text(ps, ++i, p.platformPostId());
                    if (p.reportedComments() == null) ps.setNull(++i, Types.INTEGER);
                    else ps.setInt(++i, p.reportedComments());
                    millis(ps, ++i, now);
                    millis(ps, ++i, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("storing the posts of blog " + blogId + " failed: " + e.getMessage(), e);
            }
            guids.removeAll(held);
            return guids.size();
        });
    }

    /** Published times of the blog's posts since the given instant (for the schedule and metrics). */
    public List<Instant> publishedSince(long blogId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT published_at FROM post WHERE blog_id = :id AND published_at >= :since ORDER BY published_at
                """).bind("id", blogId).bind("since", since).mapTo(Instant.class).list());
    }

    public int countPosts(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM post WHERE blog_id = :id").bind("id", blogId)
                .mapTo(Integer.class).one());
    }

    public void log(CrawlLogEntry e) {
        writer.useTransaction(h -> h.createUpdate("""
                INSERT INTO crawl_log (blog_id, at, purpose, url, http_status, bytes, duration_ms, items_seen, new_items,
                    failure_kind, error)
                VALUES (:blog, :at, :purpose, :url, :status, :bytes, :duration, :seen, :new, :kind, :error)
                """).bind("blog", e.blogId()).bind("at", e.at()).bind("purpose", e.purpose()).bind("url", e.url())
                .bind("status", e.httpStatus()).bind("bytes", e.bytes()).bind("duration", e.durationMs())
                .bind("seen", e.itemsSeen()).bind("new", e.newItems()).bind("kind", e.failureKind())
                .bind("error", e.error()).execute());
    }

    /** Each blog's latest attempts, newest first, at most {@code limit} a blog (shown on its page); one query. */
    public java.util.Map<Long, List<CrawlLogEntry>> recentLogs(List<Long> blogIds, int limit) {
        java.util.Map<Long, List<CrawlLogEntry>> out = new java.util.LinkedHashMap<>();
        if (blogIds.isEmpty()) return out;
        String arm = "SELECT * FROM crawl_log WHERE blog_id = :perKey ORDER BY at DESC, id DESC LIMIT :n";
        jdbi.useHandle(h -> FirstRowsPerKey.bind(h.createQuery(FirstRowsPerKey.sql(arm, blogIds.size(),
                        "blog_id, at DESC, id DESC")), blogIds).bind("n", limit)
                .map((rs, ctx) -> new CrawlLogEntry(longOrNull(rs, "blog_id"), instant(rs, "at"), rs.getString("purpose"),
                        rs.getString("url"), integer(rs, "http_status"), longOrNull(rs, "bytes"), longOrNull(rs, "duration_ms"),
                        integer(rs, "items_seen"), integer(rs, "new_items"), rs.getString("failure_kind"), rs.getString("error")))
                .forEach(e -> out.computeIfAbsent(e.blogId(), id -> new java.util.ArrayList<>()).add(e)));
        return out;
    }

    /** The crawler's schedule and health of each of the blogs that has one; one query. */
    public java.util.Map<Long, CrawlState> states(List<Long> blogIds) {
        java.util.Map<Long, CrawlState> out = new java.util.HashMap<>();
        if (blogIds.isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM crawl_state WHERE blog_id IN (<ids>)").bindList("ids", blogIds)
                .map((rs, ctx) -> state(rs)).forEach(s -> out.put(s.blogId(), s)));
        return out;
    }

    /**
     * The crawler's health: counts over every scheduled blog, and one page of failing blogs (optionally of one
     * failure kind), longest failing first.
     */
    public CrawlHealth health(Instant now, String kind, int offset, int limit) {
        return jdbi.withHandle(h -> {
            var counts = h.createQuery("""
                    SELECT count(*) AS scheduled,
                        coalesce(sum(CASE WHEN s.next_attempt_at <= :now THEN 1 ELSE 0 END), 0) AS due,
                        coalesce(sum(CASE WHEN s.consecutive_failures > 0 THEN 1 ELSE 0 END), 0) AS failing,
                        coalesce(sum(s.unreachable), 0) AS unreachable,
                        max(s.last_success_at) AS last_success
                    FROM crawl_state s JOIN crawlable_blog b ON b.id = s.blog_id
                    """).bind("now", now).mapToMap().one();
            java.util.Map<String, Integer> byKind = new java.util.LinkedHashMap<>();
            h.createQuery("""
                    SELECT s.failure_kind, count(*) AS n FROM crawl_state s JOIN crawlable_blog b ON b.id = s.blog_id
                    WHERE s.consecutive_failures > 0
                    GROUP BY s.failure_kind ORDER BY n DESC, s.failure_kind
                    """).map((rs, ctx) -> java.util.Map.entry(String.valueOf(rs.getString("failure_kind")), rs.getInt("n")))
                    .forEach(e -> byKind.put(e.getKey(), e.getValue()));
            String where = """
                    FROM crawl_state s JOIN crawlable_blog b ON b.id = s.blog_id JOIN official o ON o.id = b.official_id
                    WHERE s.consecutive_failures > 0
                      AND (:kind IS NULL OR s.failure_kind = :kind)
                    """;
            int total = h.createQuery("SELECT count(*) " + where).bind("kind", kind).mapTo(Integer.class).one();
            List<CrawlHealth.FailingBlog> blogs = h.createQuery("""
                    SELECT b.id AS blog_id, o.id AS official_id, o.name, coalesce(b.feed_url, b.site_url) AS address,
                        b.status, s.failure_kind, s.failure_message, s.consecutive_failures, s.failing_since,
                        s.last_success_at, s.next_attempt_at, s.unreachable
                    """ + where + " ORDER BY s.failing_since, b.id LIMIT :limit OFFSET :offset")
                    .bind("kind", kind).bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new CrawlHealth.FailingBlog(rs.getLong("blog_id"), rs.getLong("official_id"),
                            rs.getString("name"), rs.getString("address"), rs.getString("failure_kind"),
                            rs.getString("failure_message"), rs.getInt("consecutive_failures"),
                            instant(rs, "failing_since"), instant(rs, "last_success_at"),
                            instant(rs, "next_attempt_at"), rs.getInt("unreachable") != 0, rs.getString("status")))
                    .list();
            Object last = counts.get("last_success");
            return new CrawlHealth(((Number) counts.get("scheduled")).intValue(), ((Number) counts.get("due")).intValue(),
                    ((Number) counts.get("failing")).intValue(), ((Number) counts.get("unreachable")).intValue(),
                    last == null ? null : Instant.ofEpochMilli(((Number) last).longValue()), byKind, blogs, total);
        });
    }
}
