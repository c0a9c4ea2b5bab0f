package org.officialblogs.crawl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.db.SingleWriter;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentKey;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.PostReplyFacts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.RepliesMeasurable;
import org.officialblogs.db.Coded;
import org.officialblogs.json.Json;
import org.officialblogs.db.Columns;
import org.officialblogs.metrics.CommentsState;

/**
 * SQL for comments, the per-post comment facts the metrics read, and the blog's reply-detection aliases.
 * Commenters' names and account references are stored only to decide authorship; nothing here publishes them.
 */
public final class CommentDao {

    /**
     * Reads and writes a comment system's settings (a JSON object of strings). Made once: a mapper made for each
     * read or write built Jackson's (de)serializers again every time, once per crawl.
     */
    private static final ObjectMapper JSON = Json.mapper();
    private static final ObjectReader SETTINGS_READER = JSON.readerFor(new TypeReference<Map<String, String>>() { });

    private final Jdbi jdbi;
    private final SingleWriter writer;

    public CommentDao(Jdbi jdbi) {
        this(jdbi, new SingleWriter(jdbi));
    }

    /** @param writer the database's one writer, shared with the other crawl writes */
    public CommentDao(Jdbi jdbi, SingleWriter writer) {
        this.writer = writer;
        this.jdbi = jdbi;
    }

    /**
     * A post whose comments may be collected, with what the last check left.
     *
     * @param published   the post's time (its first-seen time when the feed gives none)
     * @param checkedAt   null when its comments were never read
     */
    public record PostToCheck(long postId, String url, Instant published, String commentsUrl, String commentFeedUrl,
                              String repliesUrl, String platformPostId, Integer reportedComments, String authorName,
                              String authorUri, Instant checkedAt, String commentsState, String etag,
                              String lastModified, String guid, String title) {}

    private static final String POST_TO_CHECK = """
            SELECT p.id, p.url, coalesce(p.published_at, p.first_seen_at) AS published, p.comments_url,
                p.comment_feed_url, p.replies_url, p.platform_post_id, p.reported_comments, p.author_name,
                p.author_uri, pc.checked_at, pc.comments_state, pc.etag, pc.last_modified, p.guid, p.title
            """;

    private static PostToCheck postToCheck(ResultSet rs) throws SQLException {
        return new PostToCheck(rs.getLong("id"), rs.getString("url"), Columns.instant(rs, "published"),
                rs.getString("comments_url"), rs.getString("comment_feed_url"), rs.getString("replies_url"),
                rs.getString("platform_post_id"), Columns.integer(rs, "reported_comments"),
                rs.getString("author_name"), rs.getString("author_uri"), Columns.instant(rs, "checked_at"),
                rs.getString("comments_state"), rs.getString("etag"), rs.getString("last_modified"),
                rs.getString("guid"), rs.getString("title"));
    }

    /** The blog's posts inside the window whose comments are due, never-checked and longest-waiting first. */
    public List<PostToCheck> duePosts(long blogId, Instant windowStart, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(POST_TO_CHECK + """
                FROM post p LEFT JOIN post_comments pc ON pc.post_id = p.id
                WHERE p.blog_id = :blog AND coalesce(p.published_at, p.first_seen_at) >= :windowStart
                  AND coalesce(p.published_at, p.first_seen_at) <= :now
                  AND (pc.post_id IS NULL OR (pc.next_check_at IS NOT NULL AND pc.next_check_at <= :now))
                ORDER BY pc.checked_at IS NOT NULL, coalesce(pc.next_check_at, 0), published DESC
                LIMIT :limit
                """).bind("blog", blogId).bind("windowStart", windowStart).bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> postToCheck(rs))
                .list());
    }

    /** The moderator-set names the blog's official comments under. */
    public List<String> aliases(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT alias FROM blog_alias WHERE blog_id = :id ORDER BY alias")
                .bind("id", blogId).mapTo(String.class).list());
    }

    /** A stored comment with the time it was first seen. */
    public record StoredComment(Comment comment, Instant firstSeenAt) {}

    /** Every comment kept for a post. */
    public List<StoredComment> comments(long postId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM comment WHERE post_id = :id ORDER BY published_at, id")
                .bind("id", postId).map((rs, ctx) -> new StoredComment(comment(rs), Columns.instant(rs, "first_seen_at")))
                .list());
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        String ref = rs.getString("author_ref");
        String userId = null;
        String profile = null;
        if (ref != null) {
            for (String part : ref.split(" ")) {
                if (part.startsWith("id:")) userId = part.substring(3);
                if (part.startsWith("profile:")) profile = part.substring(8);
            }
        }
        Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
        String stored = rs.getString("platform_flags");
        if (stored != null && !stored.isBlank()) {
            for (String f : stored.split(",")) flags.add(Coded.of(PlatformFlag.class, f));
        }
        return new Comment(Coded.of(CommentSourceKind.class, rs.getString("source")),
                rs.getString("source_comment_id"), rs.getString("parent_source_id"), Columns.instant(rs, "published_at"),
                rs.getString("author_name"), profile, userId, flags, rs.getInt("is_official") != 0,
                Coded.of(AuthorshipSignal.class, rs.getString("decided_by")));
    }

    /**
     * What one check of a post's comments concluded; stored with the comments in one transaction.
     *
     * @param source       the sources read, e.g. {@code html_wordpress+wordpress_rss_feed}
     * @param nextCheckAt  null when the post has left the measurement window
     */
    public record CheckResult(String source, CommentsState state, Integer reportedCount, boolean truncated,
                              Instant checkedAt, Instant nextCheckAt, String etag, String lastModified,
                              String failureKind, String failureMessage) {}

    /** Replaces the post's comments by {@code decided} (a superset of what was kept) and saves the post's facts. */
    public void save(long postId, List<Comment> decided, Map<CommentKey, Instant> firstSeen, PostReplyFacts facts,
                     CheckResult check) {
        writer.useTransaction(h -> {
            h.createUpdate("DELETE FROM comment WHERE post_id = :id").bind("id", postId).execute();
            if (!decided.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("""
                        INSERT INTO comment (post_id, source, source_comment_id, parent_source_id, published_at,
                            author_name, author_ref, platform_flags, is_official, decided_by, decision_note,
                            first_seen_at, last_seen_at)
                        VALUES (:post, :source, :id, :parent, :published, :name, :ref, :flags, :official, :decidedBy,
                            :note, :firstSeen, :now)
                        """);
                Set<String> written = new java.util.HashSet<>();
                for (Comment c : decided) {
                    String source = c.source().code();
                    if (!written.add(source + "\u0000" + c.id())) continue;
                    batch.bind("post", postId).bind("source", source).bind("id", c.id())
                            .bind("parent", c.parentId()).bind("published", c.published()).bind("name", c.authorName())
                            .bind("ref", ref(c)).bind("flags", c.flags().stream().map(PlatformFlag::code)
                                    .sorted().collect(Collectors.joining(",")))
                            .bind("official", c.isOfficial() ? 1 : 0)
                            .bind("decidedBy", c.decidedBy().code())
                            .bind("note", c.decidedBy().explanation())
                            .bind("firstSeen", firstSeen.getOrDefault(c.key(), check.checkedAt()))
                            .bind("now", check.checkedAt()).add();
                }
                batch.execute();
            }
            h.createUpdate("""
                    INSERT INTO post_comments (post_id, source, comments_state, reported_count, seen_count,
                        reader_comments, official_comments, first_reader_comment_at, first_official_reply_at,
                        reader_comments_answered, truncated, checked_at, next_check_at, etag, last_modified,
                        failure_kind, failure_message)
                    VALUES (:post, :source, :state, :reported, :seen, :readers, :officials, :firstReader, :firstReply,
                        :answered, :truncated, :checked, :next, :etag, :lastModified, :kind, :message)
                    ON CONFLICT (post_id) DO UPDATE SET source = excluded.source,
                        comments_state = excluded.comments_state, reported_count = excluded.reported_count,
                        seen_count = excluded.seen_count, reader_comments = excluded.reader_comments,
                        official_comments = excluded.official_comments,
                        first_reader_comment_at = excluded.first_reader_comment_at,
                        first_official_reply_at = excluded.first_official_reply_at,
                        reader_comments_answered = excluded.reader_comments_answered, truncated = excluded.truncated,
                        checked_at = excluded.checked_at, next_check_at = excluded.next_check_at,
                        etag = excluded.etag, last_modified = excluded.last_modified,
                        failure_kind = excluded.failure_kind, failure_message = excluded.failure_message
                    """).bind("post", postId).bind("source", check.source())
                    .bind("state", check.state().code()).bind("reported", check.reportedCount())
                    .bind("seen", decided.size()).bind("readers", facts.readerComments())
                    .bind("officials", facts.officialComments()).bind("firstReader", facts.firstReaderCommentAt())
                    .bind("firstReply", facts.firstReplyAt()).bind("answered", facts.readerCommentsAnswered())
                    .bind("truncated", check.truncated() ? 1 : 0).bind("checked", check.checkedAt())
                    .bind("next", check.nextCheckAt()).bind("etag", check.etag()).bind("lastModified", check.lastModified())
                    .bind("kind", check.failureKind()).bind("message", check.failureMessage()).execute();
        });
    }

    /** Records a failed check without touching what earlier checks found. */
    public void saveFailure(long postId, String source, Instant checkedAt, Instant nextCheckAt, String kind, String message) {
        writer.useTransaction(h -> h.createUpdate("""
                INSERT INTO post_comments (post_id, source, checked_at, next_check_at, failure_kind, failure_message)
                VALUES (:post, :source, :checked, :next, :kind, :message)
                ON CONFLICT (post_id) DO UPDATE SET checked_at = excluded.checked_at,
                    next_check_at = excluded.next_check_at, failure_kind = excluded.failure_kind,
                    failure_message = excluded.failure_message
                """).bind("post", postId).bind("source", source).bind("checked", checkedAt).bind("next", nextCheckAt)
                .bind("kind", kind).bind("message", message).execute());
    }

    /** First-seen times by comment identity, for {@link #save}. */
    public static Map<CommentKey, Instant> firstSeen(List<StoredComment> stored) {
        Map<CommentKey, Instant> out = new HashMap<>();
        for (StoredComment s : stored) out.merge(s.comment().key(), s.firstSeenAt(), (a, b) -> a.isBefore(b) ? a : b);
        return out;
    }

    public static List<Comment> commentsOf(List<StoredComment> stored) {
        List<Comment> out = new ArrayList<>(stored.size());
        stored.forEach(s -> out.add(s.comment()));
        return out;
    }

    private static String ref(Comment c) {
        String ref = (c.authorUserId() == null ? "" : "id:" + c.authorUserId().replace(' ', '_'))
                + (c.authorProfileUrl() == null ? "" : " profile:" + c.authorProfileUrl().replace(" ", "%20"));
        return ref.isBlank() ? null : ref.strip();
    }

    /** The blog's posts inside the window that have comments, for re-deciding authorship after an alias change. */
    public List<PostToCheck> commentedPosts(long blogId, Instant windowStart) {
        return jdbi.withHandle(h -> h.createQuery(POST_TO_CHECK + """
                FROM post p JOIN post_comments pc ON pc.post_id = p.id
                WHERE p.blog_id = :blog AND coalesce(p.published_at, p.first_seen_at) >= :windowStart
                  AND pc.seen_count > 0
                """).bind("blog", blogId).bind("windowStart", windowStart)
                .map((rs, ctx) -> postToCheck(rs))
                .list());
    }

    /** Stores new authorship decisions for a post's comments and its reply facts; nothing else changes. */
    public void saveDecisions(long postId, List<Comment> decided, PostReplyFacts facts) {
        writer.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE comment SET is_official = :official, decided_by = :decidedBy, decision_note = :note
                    WHERE post_id = :post AND source = :source AND source_comment_id = :id
                    """);
            for (Comment c : decided) {
                batch.bind("official", c.isOfficial() ? 1 : 0).bind("decidedBy", c.decidedBy().code())
                        .bind("note", c.decidedBy().explanation()).bind("post", postId)
                        .bind("source", c.source().code()).bind("id", c.id()).add();
            }
            if (!decided.isEmpty()) batch.execute();
            h.createUpdate("""
                    UPDATE post_comments SET reader_comments = :readers, official_comments = :officials,
                        first_reader_comment_at = :firstReader, first_official_reply_at = :firstReply,
                        reader_comments_answered = :answered
                    WHERE post_id = :post
                    """).bind("readers", facts.readerComments()).bind("officials", facts.officialComments())
                    .bind("firstReader", facts.firstReaderCommentAt()).bind("firstReply", facts.firstReplyAt())
                    .bind("answered", facts.readerCommentsAnswered()).bind("post", postId).execute();
        });
    }

    /** Where the blog's comments live, as stored; empty before a post page was examined. */
    public Optional<BlogCommentSystem> commentSystem(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM blog_comment_system WHERE blog_id = :id")
                .bind("id", blogId).map((rs, ctx) -> commentSystem(rs)).findOne());
    }

    private static BlogCommentSystem commentSystem(ResultSet rs) throws SQLException {
        CommentService service = CommentService.valueOf(rs.getString("service").toUpperCase(java.util.Locale.ROOT));
        RepliesMeasurable.Verdict verdict = RepliesMeasurable.Verdict.valueOf(
                rs.getString("replies_measurable").toUpperCase(java.util.Locale.ROOT));
        return new BlogCommentSystem(rs.getLong("blog_id"), rs.getString("platform"),
                rs.getString("platform_evidence"), service, rs.getString("service_evidence"),
                settings(rs.getString("settings")), rs.getString("working_source"),
                Columns.instant(rs, "working_since"),
                new RepliesMeasurable(verdict, service, rs.getString("replies_reason")),
                rs.getString("official_signal"), rs.getString("official_signal_detail"),
                Columns.instant(rs, "detected_at"), Columns.instant(rs, "checked_at"));
    }

    private static Map<String, String> settings(String json) {
        try {
            return json == null || json.isBlank() ? Map.of()
                    : SETTINGS_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored comment system settings are not a JSON object: " + json, e);
        }
    }

    /** Stores (replaces) where the blog's comments live and the verdict on its replies. */
    public void saveCommentSystem(BlogCommentSystem s) {
        String settings;
        try {
            settings = JSON.writeValueAsString(new java.util.TreeMap<>(s.settings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        writer.useTransaction(h -> h.createUpdate("""
                INSERT INTO blog_comment_system (blog_id, platform, platform_evidence, service, service_evidence,
                    settings, working_source, working_since, replies_measurable, replies_reason, official_signal,
                    official_signal_detail, detected_at, checked_at)
                VALUES (:blog, :platform, :platformEvidence, :service, :serviceEvidence, :settings, :working,
                    :workingSince, :measurable, :reason, :signal, :signalDetail, :detected, :checked)
                ON CONFLICT (blog_id) DO UPDATE SET platform = excluded.platform,
                    platform_evidence = excluded.platform_evidence, service = excluded.service,
                    service_evidence = excluded.service_evidence, settings = excluded.settings,
                    working_source = excluded.working_source, working_since = excluded.working_since,
                    replies_measurable = excluded.replies_measurable, replies_reason = excluded.replies_reason,
                    official_signal = excluded.official_signal,
                    official_signal_detail = excluded.official_signal_detail, detected_at = excluded.detected_at,
                    checked_at = excluded.checked_at
                """).bind("blog", s.blogId()).bind("platform", s.platform())
                .bind("platformEvidence", s.platformEvidence())
                .bind("service", s.service().name().toLowerCase(java.util.Locale.ROOT))
                .bind("serviceEvidence", s.serviceEvidence()).bind("settings", settings)
                .bind("working", s.workingSource()).bind("workingSince", s.workingSince())
                .bind("measurable", s.measurable().code()).bind("reason", s.measurable().reason())
                .bind("signal", s.officialSignal()).bind("signalDetail", s.officialSignalDetail())
                .bind("detected", s.detectedAt()).bind("checked", s.checkedAt()).execute());
    }
}
