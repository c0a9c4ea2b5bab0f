package org.officialblogs.crawl.archive;

import static org.officialblogs.db.Columns.instant;
import static org.officialblogs.db.Columns.integer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.officialblogs.crawl.PostRecord;
import org.officialblogs.metrics.CommentsState;
import org.officialblogs.metrics.PeriodMetrics;
import org.officialblogs.metrics.PostReplyInput;
import org.officialblogs.metrics.ResponsivenessMetrics;

/** SQL of archive reads: the read's state, every capture read, the posts it found, coverage and period figures. */
public final class ArchiveDao {

    private final Jdbi jdbi;

    public ArchiveDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A blog as an archive read needs it.
     *
     * @param failureKind the live crawl's last failure, or null
     * @param unreachable the live crawl has failed for a month
     * @param readState   the archive read's state, or null when never asked
     * @param retryAt     when a stopped read may go on, or null
     */
    public record Target(long blogId, String siteUrl, String feedUrl, String platform, String activeYears,
                         String listingStatus, String failureKind, boolean unreachable, String readState,
                         Instant retryAt) {
    }

    private static final String TARGET = """
            SELECT b.id, b.site_url, b.feed_url, b.platform, b.active_years, b.status, s.failure_kind,
                coalesce(s.unreachable, 0) AS unreachable, r.state, r.retry_at
            FROM blog b LEFT JOIN crawl_state s ON s.blog_id = b.id LEFT JOIN archive_read r ON r.blog_id = b.id
            """;

    private static Target target(ResultSet rs) throws SQLException {
        return new Target(rs.getLong("id"), rs.getString("site_url"), rs.getString("feed_url"),
                rs.getString("platform"), rs.getString("active_years"), rs.getString("status"),
                rs.getString("failure_kind"), rs.getInt("unreachable") != 0, rs.getString("state"),
                instant(rs, "retry_at"));
    }

    public Optional<Target> target(long blogId) {
        return jdbi.withHandle(h -> h.createQuery(TARGET + " WHERE b.id = :id").bind("id", blogId)
                .map((rs, ctx) -> target(rs)).findOne());
    }

    /**
     * Listed blogs with an address that were never read from the archive, were asked to be, or whose read the
     * archive stopped and may go on now; the caller decides which of them the archive should be read for.
     */
    public List<Target> candidates(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(TARGET + """
                WHERE b.id IN (SELECT id FROM crawlable_blog)
                  AND (b.site_url IS NOT NULL OR b.feed_url IS NOT NULL)
                  AND (r.state IS NULL OR r.state = 'requested'
                       OR (r.state = 'stopped' AND (r.retry_at IS NULL OR r.retry_at <= :now)))
                ORDER BY CASE WHEN r.state = 'requested' THEN 0 ELSE 1 END, b.id LIMIT :limit
                """).bind("now", now).bind("limit", limit).map((rs, ctx) -> target(rs)).list());
    }

    /** Every blog that has an archive read row, for `crawl --archive --all` after the first pass. */
    public List<Target> all(int limit) {
        return jdbi.withHandle(h -> h.createQuery(TARGET + """
                WHERE b.id IN (SELECT id FROM crawlable_blog) AND (b.site_url IS NOT NULL OR b.feed_url IS NOT NULL)
                ORDER BY b.id LIMIT :limit
                """).bind("limit", limit).map((rs, ctx) -> target(rs)).list());
    }

    /** Asks for a read (a moderator, the scheduler); a read under way is left alone. */
    public void request(long blogId, String reason, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO archive_read (blog_id, state, reason, requested_at) VALUES (:id, 'requested', :reason, :now)
                ON CONFLICT (blog_id) DO UPDATE SET state = CASE WHEN archive_read.state = 'reading' THEN archive_read.state ELSE 'requested' END,
                    reason = excluded.reason, requested_at = excluded.requested_at
                """).bind("id", blogId).bind("reason", reason).bind("now", now).execute());
    }

    public void start(long blogId, String reason, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO archive_read (blog_id, state, reason, requested_at, started_at)
                VALUES (:id, 'reading', :reason, :now, :now)
                ON CONFLICT (blog_id) DO UPDATE SET state = 'reading', reason = excluded.reason,
                    started_at = excluded.started_at, finished_at = NULL, retry_at = NULL, message = NULL
                """).bind("id", blogId).bind("reason", reason).bind("now", now).execute());
    }

    /** One capture read, as stored. */
    public record Document(String timestamp, Instant capturedAt, String originalUrl, String archiveUrl, String kind,
                           String outcome, Integer items, String message) {
    }

    /** Stores the documents (a capture read again keeps its row, with the latest outcome); their ids by source. */
    public Map<String, Long> saveDocuments(long blogId, List<Document> documents, Instant now) {
        return jdbi.inTransaction(h -> {
            Map<String, Long> ids = new HashMap<>();
            for (Document d : documents) {
                long id = h.createQuery("""
                        INSERT INTO archive_document (blog_id, capture_timestamp, captured_at, original_url, archive_url,
                            kind, outcome, items, message, read_at)
                        VALUES (:blog, :ts, :at, :original, :archive, :kind, :outcome, :items, :message, :now)
                        ON CONFLICT (blog_id, capture_timestamp, original_url) DO UPDATE SET
                            outcome = excluded.outcome, items = excluded.items, message = excluded.message,
                            read_at = excluded.read_at
                        RETURNING id
                        """).bind("blog", blogId).bind("ts", d.timestamp()).bind("at", d.capturedAt())
                        .bind("original", d.originalUrl()).bind("archive", d.archiveUrl()).bind("kind", d.kind())
                        .bind("outcome", d.outcome()).bind("items", d.items()).bind("message", d.message())
                        .bind("now", now).mapTo(Long.class).one();
                ids.put(key(d.timestamp(), d.originalUrl()), id);
            }
            return ids;
        });
    }

    static String key(String timestamp, String original) {
        return timestamp + " " + original;
    }

    /** A post found in the archive with the captures that listed it first and last. */
    public record ArchivedRow(PostRecord post, Instant firstListedAt, Instant lastListedAt, long firstDocument,
                              long lastDocument) {
    }

    /**
     * Stores posts found in the archive; returns how many were new. A post the live crawl already read keeps its
     * live source (and its text); one already found in the archive widens its first and last capture.
     */
    public int upsertPosts(long blogId, List<ArchivedRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            int before = count(h, blogId);
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO post (blog_id, guid, url, title, published_at, updated_at, author_name, author_uri,
                        summary, comments_url, comment_feed_url, replies_url, platform_post_id, reported_comments,
                        first_seen_at, last_seen_at, archive_first_document_id, archive_last_document_id)
                    VALUES (:blog, :guid, :url, :title, :published, :updated, :authorName, :authorUri, :summary,
                        :commentsUrl, :commentFeedUrl, :repliesUrl, :platformPostId, :reported, :first, :last,
                        :firstDoc, :lastDoc)
                    ON CONFLICT (blog_id, guid) DO UPDATE SET
                        published_at = coalesce(post.published_at, excluded.published_at),
                        url = coalesce(post.url, excluded.url), title = coalesce(post.title, excluded.title),
                        reported_comments = coalesce(post.reported_comments, excluded.reported_comments),
                        archive_first_document_id = CASE WHEN post.archive_first_document_id IS NULL
                            AND post.archive_last_document_id IS NULL AND post.first_seen_at <= excluded.first_seen_at
                            THEN NULL ELSE coalesce(post.archive_first_document_id, excluded.archive_first_document_id) END,
                        archive_last_document_id = CASE WHEN post.archive_first_document_id IS NULL
                            AND post.archive_last_document_id IS NULL AND post.first_seen_at <= excluded.first_seen_at
                            THEN NULL ELSE excluded.archive_last_document_id END
                    """);
            for (ArchivedRow r : rows) {
                PostRecord p = r.post();
                batch.bind("blog", blogId).bind("guid", p.guid()).bind("url", p.url()).bind("title", p.title())
                        .bind("published", p.publishedAt()).bind("updated", p.updatedAt())
                        .bind("authorName", p.authorName()).bind("authorUri", p.authorUri())
                        .bind("summary", p.summary()).bind("commentsUrl", p.commentsUrl())
                        .bind("commentFeedUrl", p.commentFeedUrl()).bind("repliesUrl", p.repliesUrl())
                        .bind("platformPostId", p.platformPostId()).bind("reported", p.reportedComments())
                        .bind("first", r.firstListedAt()).bind("last", r.lastListedAt())
                        .bind("firstDoc", r.firstDocument()).bind("lastDoc", r.lastDocument()).add();
            }
            batch.execute();
            return count(h, blogId) - before;
        });
    }

    private static int count(org.jdbi.v3.core.Handle h, long blogId) {
        return h.createQuery("SELECT count(*) FROM post WHERE blog_id = :id").bind("id", blogId)
                .mapTo(Integer.class).one();
    }

    /** A post whose archived page may hold its comments. */
    public record PostPage(long postId, String url, Instant published, String authorName, String authorUri,
                           Integer reportedComments) {
    }

    /** The blog's archive posts with a link whose comments were not read yet, oldest first. */
    public List<PostPage> postPagesToRead(long blogId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT p.id, p.url, p.published_at, p.author_name, p.author_uri, p.reported_comments FROM post p
                WHERE p.blog_id = :id AND p.url IS NOT NULL AND p.published_at IS NOT NULL
                  AND p.archive_first_document_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM post_comments pc WHERE pc.post_id = p.id AND pc.checked_at IS NOT NULL)
                ORDER BY p.published_at, p.id LIMIT :limit
                """).bind("id", blogId).bind("limit", limit)
                .map((rs, ctx) -> new PostPage(rs.getLong("id"), rs.getString("url"), instant(rs, "published_at"),
                        rs.getString("author_name"), rs.getString("author_uri"), integer(rs, "reported_comments")))
                .list());
    }

    /** Marks the post's comments as read from the capture. */
    public void setCommentSource(long postId, long documentId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE comment SET archive_document_id = :doc WHERE post_id = :post")
                .bind("doc", documentId).bind("post", postId).execute());
    }

    /** Publication dates of every post of the blog (null for an undated one). */
    public List<Instant> published(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT published_at FROM post WHERE blog_id = :id")
                .bind("id", blogId).map((rs, ctx) -> instant(rs, "published_at")).list());
    }

    /** Reply facts of the blog's posts whose comments were read. */
    public List<PostReplyInput> replies(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT p.published_at, pc.reader_comments, pc.first_reader_comment_at, pc.first_official_reply_at,
                    pc.reader_comments_answered, pc.comments_state
                FROM post p JOIN post_comments pc ON pc.post_id = p.id
                WHERE p.blog_id = :id AND p.published_at IS NOT NULL AND pc.checked_at IS NOT NULL
                """).bind("id", blogId).map((rs, ctx) -> new PostReplyInput(instant(rs, "published_at"),
                        rs.getInt("reader_comments"), instant(rs, "first_reader_comment_at"),
                        instant(rs, "first_official_reply_at"), rs.getInt("reader_comments_answered"),
                        CommentsState.fromCode(rs.getString("comments_state")))).list());
    }

    public void saveCoverage(long blogId, List<ArchiveCoverage.MonthCoverage> months) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM archive_coverage_month WHERE blog_id = :id").bind("id", blogId).execute();
            if (months.isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO archive_coverage_month (blog_id, month, captures_listed, feed_captures,
                        posts_may_be_missing) VALUES (:id, :month, :listed, :feeds, :missing)
                    """);
            for (ArchiveCoverage.MonthCoverage m : months) {
                batch.bind("id", blogId).bind("month", m.month().toString()).bind("listed", m.capturesListed())
                        .bind("feeds", m.feedCaptures()).bind("missing", m.postsMayBeMissing() ? 1 : 0).add();
            }
            batch.execute();
        });
    }

    /** What a read came to, for its row. */
    public record Finished(String state, Instant finishedAt, Instant retryAt, int capturesListed, int capturesRead,
                           int feedCaptures, int postPagesRead, int postsFound, boolean complete, String message) {
    }

    public void finish(long blogId, Finished f, PeriodMetrics period, ArchiveCoverage coverage) {
        ResponsivenessMetrics replies = period == null ? null : period.replies().orElse(null);
        boolean rated = replies != null && replies.replyRate().isPresent();
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE archive_read SET state = :state, finished_at = :finished, retry_at = :retry,
                    captures_listed = :listed, captures_read = :read, feed_captures = :feeds,
                    post_pages_read = :pages, posts_found = :posts, complete = :complete, message = :message,
                    first_post_at = :firstPost, last_post_at = :lastPost, period_days = :days,
                    period_weeks = :weeks, period_posts = :periodPosts, posts_per_week = :perWeek,
                    weeks_with_post = :withPost, longest_gap_days = :longest, median_gap_days = :medianGap,
                    reply_rate = :rate, reply_rate_low = :low, reply_rate_high = :high, replies_judged = :judged,
                    median_reply_hours = :replyHours, lower_bound = :lowerBound, months = :months,
                    months_without_capture = :without, first_feed_capture_at = :firstFeed,
                    last_feed_capture_at = :lastFeed
                WHERE blog_id = :id
                """).bind("id", blogId).bind("state", f.state()).bind("finished", f.finishedAt())
                .bind("retry", f.retryAt()).bind("listed", f.capturesListed()).bind("read", f.capturesRead())
                .bind("feeds", f.feedCaptures()).bind("pages", f.postPagesRead()).bind("posts", f.postsFound())
                .bind("complete", f.complete() ? 1 : 0).bind("message", f.message())
                .bind("firstPost", period == null ? null : period.firstPostAt())
                .bind("lastPost", period == null ? null : period.lastPostAt())
                .bind("days", period == null ? null : period.days())
                .bind("weeks", period == null ? null : period.weeks())
                .bind("periodPosts", period == null ? null : period.posts())
                .bind("perWeek", period == null ? null : period.postsPerWeek())
                .bind("withPost", period == null ? null : period.weeksWithPost())
                .bind("longest", period == null || period.longestGapDays().isEmpty() ? null
                        : period.longestGapDays().getAsDouble())
                .bind("medianGap", period == null || period.medianGapDays().isEmpty() ? null
                        : period.medianGapDays().getAsDouble())
                .bind("rate", rated ? replies.replyRate().getAsDouble() : null)
                .bind("low", rated ? replies.replyRateInterval().lower() : null)
                .bind("high", rated ? replies.replyRateInterval().upper() : null)
                .bind("judged", replies == null ? null : replies.judgedPostsWithReaderComments())
                .bind("replyHours", replies == null || replies.medianTimeToFirstReply().isEmpty() ? null
                        : replies.medianTimeToFirstReply().get().toMinutes() / 60.0)
                .bind("lowerBound", coverage == null || coverage.figuresAreLowerBounds() ? 1 : 0)
                .bind("months", coverage == null ? null : coverage.months().size())
                .bind("without", coverage == null ? null : coverage.monthsWithoutFeedCapture().size())
                .bind("firstFeed", coverage == null ? null : coverage.firstFeedCapture())
                .bind("lastFeed", coverage == null ? null : coverage.lastFeedCapture()).execute());
    }

    /** The stored read of a blog, for pages, the command line and exports. */
    public record StoredRead(long blogId, String state, String reason, Instant startedAt, Instant finishedAt,
                             Instant retryAt, int capturesListed, int capturesRead, int feedCaptures,
                             int postPagesRead, int postsFound, boolean complete, String message,
                             Instant firstPostAt, Instant lastPostAt, Integer periodDays, Integer periodWeeks,
                             Integer periodPosts, Double postsPerWeek, Integer weeksWithPost, Double longestGapDays,
                             Double medianGapDays, Double replyRate, Double replyRateLow, Double replyRateHigh,
                             Integer repliesJudged, Double medianReplyHours, boolean lowerBound, Integer months,
                             Integer monthsWithoutCapture) {
    }

    public Optional<StoredRead> read(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM archive_read WHERE blog_id = :id")
                .bind("id", blogId).map((rs, ctx) -> storedRead(rs)).findOne());
    }

    /** Ended blogs with period figures, the most posts a week first. */
    public List<StoredRead> measured() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.* FROM archive_read r JOIN crawlable_blog b ON b.id = r.blog_id
                WHERE r.first_post_at IS NOT NULL
                ORDER BY r.first_post_at, r.blog_id
                """).map((rs, ctx) -> storedRead(rs)).list());
    }

    /** An ended blog with its period figures and its official, for the public list. */
    public record EndedBlog(StoredRead read, long officialId, String name, String office, String country) {
    }

    /** Listed blogs read from the archive with a dated post, the earliest period first. */
    public List<EndedBlog> endedBlogs() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.*, o.id AS official_id, o.name, o.office, o.country
                FROM archive_read r JOIN crawlable_blog b ON b.id = r.blog_id JOIN official o ON o.id = b.official_id
                WHERE r.first_post_at IS NOT NULL
                ORDER BY r.first_post_at, r.blog_id
                """).map((rs, ctx) -> new EndedBlog(storedRead(rs), rs.getLong("official_id"), rs.getString("name"),
                        rs.getString("office"), rs.getString("country"))).list());
    }

    static StoredRead storedRead(ResultSet rs) throws SQLException {
        return new StoredRead(rs.getLong("blog_id"), rs.getString("state"), rs.getString("reason"),
                instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "retry_at"),
                rs.getInt("captures_listed"), rs.getInt("captures_read"), rs.getInt("feed_captures"),
                rs.getInt("post_pages_read"), rs.getInt("posts_found"), rs.getInt("complete") != 0,
                rs.getString("message"), instant(rs, "first_post_at"), instant(rs, "last_post_at"),
                integer(rs, "period_days"), integer(rs, "period_weeks"), integer(rs, "period_posts"),
                real(rs, "posts_per_week"), integer(rs, "weeks_with_post"), real(rs, "longest_gap_days"),
                real(rs, "median_gap_days"), real(rs, "reply_rate"), real(rs, "reply_rate_low"),
                real(rs, "reply_rate_high"), integer(rs, "replies_judged"), real(rs, "median_reply_hours"),
                rs.getInt("lower_bound") != 0, integer(rs, "months"), integer(rs, "months_without_capture"));
    }

    private static Double real(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The blog's coverage, month by month. */
    public List<ArchiveCoverage.MonthCoverage> coverage(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT month, captures_listed, feed_captures, posts_may_be_missing FROM archive_coverage_month
                WHERE blog_id = :id ORDER BY month
                """).bind("id", blogId).map((rs, ctx) -> new ArchiveCoverage.MonthCoverage(
                        java.time.YearMonth.parse(rs.getString("month")), rs.getInt("captures_listed"),
                        rs.getInt("feed_captures"), rs.getInt("posts_may_be_missing") != 0)).list());
    }

    /** The captures read as feeds or post pages, newest first, for the profile's links. */
    public List<Document> documents(long blogId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM archive_document WHERE blog_id = :id AND outcome = 'read'
                ORDER BY captured_at DESC, id DESC LIMIT :limit
                """).bind("id", blogId).bind("limit", limit).map((rs, ctx) -> new Document(
                        rs.getString("capture_timestamp"), instant(rs, "captured_at"), rs.getString("original_url"),
                        rs.getString("archive_url"), rs.getString("kind"), rs.getString("outcome"),
                        integer(rs, "items"), rs.getString("message"))).list());
    }
}
