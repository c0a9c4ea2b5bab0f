package org.officialblogs.web.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.db.Columns;
import org.officialblogs.db.FirstRowsPerKey;
import org.officialblogs.metrics.CommentsState;

/**
 * SQL for what the public pages show of the crawled data: the river of recent posts, a blog's recent posts with
 * their reply facts, how each comment's authorship was decided (never who the reader was), reply delays, newly
 * listed blogs and the last crawl time.
 */
public final class ActivityDao {

    /** Readers' names recur across comments and requests; compiling their pattern once saves most of the cost. */
    private static final int IDENTITY_PATTERNS_KEPT = 1024;

    private final Jdbi jdbi;
    private final Map<String, Pattern> identityPatterns = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                    return size() > IDENTITY_PATTERNS_KEPT;
                }
            });

    public ActivityDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A post as the public pages show it.
     *
     * @param readerComments reader comments seen, {@code null} when the post's comments were not collected
     * @param officialReplied the official replied after a reader comment
     */
    public record PublicPost(long postId, String title, String url, Instant publishedAt, String summary, long blogId,
                             String blogAddress, long officialId, String officialName, String office, String country,
                             Integer readerComments, boolean officialReplied, CommentsState commentsState) {}

    private static final String POST_SELECT = """
            SELECT p.id, p.title, p.url, p.published_at, p.summary, b.id AS blog_id,
                coalesce(b.site_url, b.feed_url) AS address, o.id AS official_id, o.name, o.office, o.country,
                pc.post_id IS NOT NULL AS collected, pc.reader_comments, pc.first_official_reply_at,
                pc.comments_state
            FROM post p
            JOIN blog b ON b.id = p.blog_id
            JOIN official o ON o.id = b.official_id
            LEFT JOIN post_comments pc ON pc.post_id = p.id
            """;

    private static PublicPost post(ResultSet rs) throws SQLException {
        boolean collected = rs.getBoolean("collected");
        String state = rs.getString("comments_state");
        return new PublicPost(rs.getLong("id"), rs.getString("title"), rs.getString("url"),
                Columns.instant(rs, "published_at"), rs.getString("summary"), rs.getLong("blog_id"),
                rs.getString("address"), rs.getLong("official_id"), rs.getString("name"), rs.getString("office"),
                rs.getString("country"), collected ? rs.getInt("reader_comments") : null,
                collected && Columns.instant(rs, "first_official_reply_at") != null,
                CommentsState.fromCode(state));
    }

    /**
     * The newest posts of all listed blogs (active, dormant or offline in the registry), newest first; posts dated
     * after {@code now} (scheduled posts, wrong clocks) and undated posts are left out.
     */
    public List<PublicPost> recentPosts(Instant now, int offset, int limit) {
        // The page's post ids come from a backward walk of the published-date index that stops after the page;
        // joining first would let SQLite start from the blogs and sort a million posts (the hint is SQLite's,
        // defined by Database; PostgreSQL's planner walks the index without it).
        return jdbi.withHandle(h -> h.createQuery(POST_SELECT + """
                WHERE p.id IN (
                    SELECT q.id FROM post q <postPublishedIndex>
                    WHERE q.published_at <= :now
                      AND q.blog_id IN (SELECT id FROM crawlable_blog)
                    ORDER BY q.published_at DESC, q.id DESC
                    LIMIT :limit OFFSET :offset)
                ORDER BY p.published_at DESC, p.id DESC
                """).bind("now", now).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> post(rs)).list());
    }

    /** An official's newest posts on their listed blogs (not dated after {@code now}), newest first. */
    public List<PublicPost> postsOfOfficial(long officialId, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(POST_SELECT + """
                WHERE p.blog_id IN (SELECT id FROM crawlable_blog WHERE official_id = :official)
                  AND p.published_at <= :now
                ORDER BY p.published_at DESC, p.id DESC
                LIMIT :limit
                """).bind("official", officialId).bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> post(rs)).list());
    }

    /** Each blog's newest posts (not dated after {@code now}), newest first, at most {@code limit} a blog; one query. */
    public Map<Long, List<PublicPost>> postsOfBlogs(List<Long> blogIds, Instant now, int limit) {
        Map<Long, List<PublicPost>> out = new LinkedHashMap<>();
        if (blogIds.isEmpty()) return out;
        String arm = POST_SELECT + """
                WHERE p.blog_id = :perKey AND p.published_at <= :now
                ORDER BY p.published_at DESC, p.id DESC
                LIMIT :limit
                """;
        jdbi.useHandle(h -> FirstRowsPerKey.bind(h.createQuery(FirstRowsPerKey.sql(arm, blogIds.size(),
                        "blog_id, published_at DESC, id DESC")), blogIds).bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> post(rs))
                .forEach(p -> out.computeIfAbsent(p.blogId(), id -> new java.util.ArrayList<>()).add(p)));
        return out;
    }

    /**
     * How one comment's authorship was decided. Who wrote a reader's comment is private: only "the official" or
     * "a reader" is known here; the reader's name and profile are removed from the note.
     *
     * @param byOfficial the comment counted as the official's
     * @param decidedBy which rule decided (as the comment collector recorded it)
     * @param note the collector's explanation, with the reader's name and profile address replaced by "a reader"
     * @param replyToOfficial {@code true}/{@code false} when the comment answers a known comment by the official / a
     *     reader; {@code null} for a top-level comment or an unknown parent
     */
    public record CommentDecision(long commentId, long postId, Instant publishedAt, boolean byOfficial,
                                  String decidedBy, String note, Boolean replyToOfficial) {}

    /** The comments of the given posts, oldest first per post, at most {@code perPost} each. */
    public Map<Long, List<CommentDecision>> decisions(Collection<Long> postIds, int perPost) {
        Map<Long, List<CommentDecision>> out = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                SELECT c.id, c.post_id, c.published_at, c.is_official, c.decided_by, c.decision_note,
                    c.author_name, c.author_ref, parent.is_official AS parent_official
                FROM comment c
                LEFT JOIN comment parent ON parent.post_id = c.post_id AND parent.source = c.source
                    AND parent.source_comment_id = c.parent_source_id
                WHERE c.post_id IN (<posts>)
                ORDER BY c.post_id, c.published_at, c.id
                """).bindList("posts", List.copyOf(postIds))
                .map((rs, ctx) -> {
                    boolean official = rs.getInt("is_official") != 0;
                    String note = rs.getString("decision_note");
                    if (!official) {
                        note = redactWith(note, this::cachedIdentityPattern, rs.getString("author_name"),
                                rs.getString("author_ref"));
                    }
                    int parent = rs.getInt("parent_official");
                    Boolean replyToOfficial = rs.wasNull() ? null : parent != 0;
                    return new CommentDecision(rs.getLong("id"), rs.getLong("post_id"),
                            Columns.instant(rs, "published_at"), official, rs.getString("decided_by"), note,
                            replyToOfficial);
                })
                .forEach(d -> {
                    List<CommentDecision> list = out.computeIfAbsent(d.postId(), id -> new java.util.ArrayList<>());
                    if (list.size() < perPost) {
                        list.add(d);
                    }
                }));
        return out;
    }

    /** Replaces each (case-insensitive) occurrence of the reader's name or profile in a note by "a reader". */
    static String redact(String note, String... identities) {
        return redactWith(note, ActivityDao::identityPattern, identities);
    }

    private static String redactWith(String note, java.util.function.Function<String, Pattern> patterns,
                                     String... identities) {
        if (note == null) {
            return null;
        }
        String out = note;
        for (String identity : identities) {
            if (identity != null && identity.strip().length() >= 2) {
                out = patterns.apply(identity.strip()).matcher(out).replaceAll(Matcher.quoteReplacement("a reader"));
            }
        }
        return out;
    }

    private Pattern cachedIdentityPattern(String identity) {
        return identityPatterns.computeIfAbsent(identity, ActivityDao::identityPattern);
    }

    private static Pattern identityPattern(String identity) {
        // whole words only, so a short name does not cut into other words of the note
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(identity) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The delay between the first reader comment and the official's first reply on one post. */
    public record ReplyDelay(long postId, String title, Instant publishedAt, Instant firstReaderCommentAt,
                             Instant firstOfficialReplyAt) {

        public java.time.Duration delay() {
            return java.time.Duration.between(firstReaderCommentAt, firstOfficialReplyAt);
        }
    }

    /**
     * Each blog's newest replied posts published since {@code since}, newest first, at most {@code limit} a blog;
     * one query.
     */
    public Map<Long, List<ReplyDelay>> replyDelays(List<Long> blogIds, Instant since, int limit) {
        Map<Long, List<ReplyDelay>> out = new LinkedHashMap<>();
        if (blogIds.isEmpty()) return out;
        String arm = """
                SELECT p.blog_id, p.id, p.title, p.published_at, pc.first_reader_comment_at, pc.first_official_reply_at
                FROM post p JOIN post_comments pc ON pc.post_id = p.id
                WHERE p.blog_id = :perKey AND p.published_at >= :since AND pc.first_official_reply_at IS NOT NULL
                  AND pc.first_reader_comment_at IS NOT NULL
                  AND pc.first_official_reply_at >= pc.first_reader_comment_at
                ORDER BY p.published_at DESC, p.id DESC
                LIMIT :limit
                """;
        jdbi.useHandle(h -> FirstRowsPerKey.bind(h.createQuery(FirstRowsPerKey.sql(arm, blogIds.size(),
                        "blog_id, published_at DESC, id DESC")), blogIds).bind("since", since).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new ReplyDelay(rs.getLong(2), rs.getString(3),
                        Columns.instant(rs, 4), Columns.instant(rs, 5), Columns.instant(rs, 6))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), id -> new java.util.ArrayList<>()).add(e.getValue())));
        return out;
    }

    /** A blog as the "new blogs" feed lists it. */
    public record NewBlog(long blogId, String address, Instant addedAt, long officialId, String officialName,
                          String office, String country) {}

    /** The most recently added listed blogs with an address (active, dormant or offline), newest first. */
    public List<NewBlog> newBlogs(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT b.id, coalesce(b.site_url, b.feed_url) AS address, b.created_at, o.id AS official_id, o.name,
                    o.office, o.country
                FROM crawlable_blog b JOIN official o ON o.id = b.official_id
                ORDER BY b.created_at DESC, b.id DESC
                LIMIT :limit
                """).bind("limit", limit)
                .map((rs, ctx) -> new NewBlog(rs.getLong("id"), rs.getString("address"),
                        Columns.instant(rs, "created_at"), rs.getLong("official_id"), rs.getString("name"),
                        rs.getString("office"), rs.getString("country")))
                .list());
    }

    /** The last successful crawl of any blog. */
    public Optional<Instant> lastCrawlSuccess() {
        return jdbi.withHandle(h -> Optional.ofNullable(h.createQuery("SELECT max(last_success_at) FROM crawl_state")
                .map((rs, ctx) -> Columns.instant(rs, 1)).one()));
    }
}
