package org.officialblogs.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.crawl.CrawlLogEntry;
import org.officialblogs.crawl.CrawlState;
import org.officialblogs.crawl.PostRecord;
import org.officialblogs.db.Database;
import org.officialblogs.registry.Authorship;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.ListingStatus;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.RegistryEntry;
import org.officialblogs.registry.RegistryService;

/**
 * Writes test data the way the other parts of the application do: registry entries through RegistryService,
 * crawl state and posts through CrawlDao, and comments with their per-post reply facts as the comment collector
 * stores them (V3 tables).
 */
public final class MetricsFixture {

    public final Jdbi jdbi;
    public final RegistryDao registry;
    public final RegistryService registryService;
    public final CrawlDao crawl;

    public MetricsFixture(Database database) {
        this.jdbi = database.jdbi();
        this.registry = new RegistryDao(jdbi);
        this.registryService = new RegistryService(registry, Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"),
                ZoneOffset.UTC));
        this.crawl = new CrawlDao(jdbi);
    }

    /** An official with one blog at {@code url} (null: a lead); returns the blog id. */
    public long blog(String name, String office, String country, Level level, Branch branch, String url) {
        RegistryEntry e = new RegistryEntry(name, office, country, null, null, level, branch, null, null, null, null,
                url, null, null, null, Authorship.SELF, null, List.of(), null);
        return registryService.upsert(e, Origin.IMPORT, "test").blogId();
    }

    public long blog(String name, String country, String url) {
        return blog(name, "Mayor of " + name, country, Level.LOCAL, Branch.EXECUTIVE, url);
    }

    public long officialOf(long blogId) {
        return registry.blogById(blogId).orElseThrow().officialId();
    }

    /** A crawl state row whose last crawl succeeded at {@code at}. */
    public void crawled(long blogId, Instant at) {
        crawl.makeDueNow(blogId, at);
        crawl.saveState(new CrawlState(blogId, at.plus(Duration.ofHours(6)), at, at, 200, null, null, null, null, 0,
                null, false, true, null, 0, null, "Feed", "rss", 21_600L, 10));
        crawl.log(new CrawlLogEntry(blogId, at, "feed", "https://example.org/feed", 200, 1234L, 80L, 10, 2, null, null));
    }

    /** A crawl state row that never succeeded, failing with {@code kind}; {@code unreachable} as the crawler set it. */
    public void failing(long blogId, Instant at, String kind, String message, int failures, boolean unreachable) {
        crawl.makeDueNow(blogId, at);
        crawl.saveState(new CrawlState(blogId, at.plus(Duration.ofHours(12)), at, null, 503, null, null, kind, message,
                failures, at.minus(Duration.ofDays(3)), unreachable, false, null, 0, null, null, null, null, null));
        crawl.log(new CrawlLogEntry(blogId, at, "feed", "https://example.org/feed", 503, 0L, 40L, null, null, kind,
                message));
    }

    public void setStatus(long blogId, String status) {
        crawl.setListingStatus(blogId, ListingStatus.parse(status).orElseThrow(), Instant.parse("2024-01-01T00:00:00Z"));
    }

    /**
     * Stores posts at the given dates, titled "Post N", and for each reply input a post_comments row with its facts;
     * returns the post ids by published instant.
     */
    public Map<Instant, Long> posts(long blogId, List<Instant> published, List<PostReplyInput> replies) {
        List<PostRecord> records = new ArrayList<>();
        int n = 0;
        for (Instant at : published) {
            n++;
            records.add(new PostRecord("guid-" + blogId + "-" + n, "https://example.org/" + blogId + "/post-" + n,
                    "Post " + n, at, null, null, null, "Summary " + n, null, null, null, null, null));
        }
        crawl.upsertPosts(blogId, records, Instant.parse("2024-06-16T12:00:00Z"));
        Map<Instant, Long> ids = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, published_at FROM post WHERE blog_id = :b").bind("b", blogId)
                .map((rs, ctx) -> Map.entry(Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(1)))
                .forEach(e -> ids.put(e.getKey(), e.getValue())));
        jdbi.useTransaction(h -> {
            for (PostReplyInput r : replies) {
                replyFacts(h, ids.get(r.published()), r);
            }
        });
        return ids;
    }

    /** Writes (or replaces) a post's reply facts. */
    public void replyFacts(long postId, PostReplyInput r) {
        jdbi.useHandle(h -> replyFacts(h, postId, r));
    }

    private static void replyFacts(org.jdbi.v3.core.Handle h, long postId, PostReplyInput r) {
        h.createUpdate("""
                INSERT INTO post_comments (post_id, source, comments_state, reported_count, seen_count,
                    reader_comments, official_comments, first_reader_comment_at, first_official_reply_at,
                    reader_comments_answered, checked_at)
                VALUES (:post, 'wordpress-feed', :state, :count, :count, :readers, :officials, :firstReader,
                    :firstReply, :answered, :checked)
                ON CONFLICT (post_id) DO UPDATE SET source = excluded.source, comments_state = excluded.comments_state,
                    reported_count = excluded.reported_count, seen_count = excluded.seen_count,
                    reader_comments = excluded.reader_comments, official_comments = excluded.official_comments,
                    first_reader_comment_at = excluded.first_reader_comment_at,
                    first_official_reply_at = excluded.first_official_reply_at,
                    reader_comments_answered = excluded.reader_comments_answered, checked_at = excluded.checked_at
                """)
                .bind("post", postId).bind("state", r.commentsState().name().toLowerCase(java.util.Locale.ROOT))
                .bind("count", r.readerComments() + (r.officialReplied() ? 1 : 0))
                .bind("readers", r.readerComments()).bind("officials", r.officialReplied() ? 1 : 0)
                .bind("firstReader", r.firstReaderCommentAt()).bind("firstReply", r.firstOfficialReplyAt())
                .bind("answered", r.readerCommentsAnswered()).bind("checked", Instant.parse("2024-06-16T00:00:00Z"))
                .execute();
    }

    /** A comment as the comment collector stores it (author name and ref are private). */
    public void comment(long postId, String sourceId, Instant at, String authorName, boolean official, String decidedBy,
                        String note) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO comment (post_id, source, source_comment_id, published_at, author_name, author_ref,
                    is_official, decided_by, decision_note, first_seen_at, last_seen_at)
                VALUES (:post, 'wordpress-html', :sid, :at, :name, :ref, :official, :by, :note, :at, :at)
                """)
                .bind("post", postId).bind("sid", sourceId).bind("at", at).bind("name", authorName)
                .bind("ref", "https://profiles.example/" + authorName.replace(' ', '-'))
                .bind("official", official ? 1 : 0).bind("by", decidedBy).bind("note", note).execute());
    }

    /** The reply facts of a post answered 3 hours after its first reader comment, a day after publication. */
    public static PostReplyInput answered(Instant published, int comments) {
        Instant first = published.plus(Duration.ofDays(1));
        return new PostReplyInput(published, comments, first, first.plus(Duration.ofHours(3)), comments,
                CommentsState.OPEN);
    }
}
