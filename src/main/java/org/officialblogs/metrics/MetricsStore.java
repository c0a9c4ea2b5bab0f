package org.officialblogs.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.officialblogs.db.Coded;
import org.officialblogs.db.DataVersion;
import org.officialblogs.db.SingleWriter;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.ListingStatus;

import static org.officialblogs.db.Columns.instant;
import static org.officialblogs.metrics.MetricsColumns.placement;
import static org.officialblogs.metrics.MetricsColumns.sortKey;
import static org.officialblogs.metrics.MetricsColumns.strip;

/**
 * The recompute's SQL: its inputs (listed blogs, crawl state, post dates and reply facts) and the blog_metrics rows
 * and daily metrics_snapshot rows it writes. The pages read what it wrote through their own queries
 * ({@code web.query}).
 */
public final class MetricsStore {

    private final Jdbi jdbi;
    private final SingleWriter writer;
    private final MetricsSettings settings;

    public MetricsStore(Jdbi jdbi, MetricsSettings settings) {
        this(jdbi, new SingleWriter(jdbi), settings);
    }

    /** @param writer the database's one writer: a recompute's writes queue with the crawl's instead of racing them */
    public MetricsStore(Jdbi jdbi, SingleWriter writer, MetricsSettings settings) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.settings = settings;
    }

    // ---------------------------------------------------------------- recompute inputs

    private static final String LISTED_BLOG_SELECT = """
            SELECT b.id AS blog_id, b.official_id, b.status AS registry_status,
                s.blog_id IS NOT NULL AS crawled, s.last_success_at, coalesce(s.unreachable, 0) AS unreachable,
                o.name, o.office, o.country, o.region, o.locality, o.level, o.branch,
                cs.replies_measurable, cs.replies_reason
            FROM listed_blog b
            JOIN official o ON o.id = b.official_id
            LEFT JOIN crawl_state s ON s.blog_id = b.id
            LEFT JOIN blog_comment_system cs ON cs.blog_id = b.id
            """;

    private static ListedBlog listedBlog(ResultSet rs) throws SQLException {
        long success = rs.getLong("last_success_at");
        Instant lastSuccess = rs.wasNull() ? null : Instant.ofEpochMilli(success);
        String country = rs.getString("country");
        return new ListedBlog(rs.getLong("blog_id"), rs.getLong("official_id"), Coded.of(ListingStatus.class, rs.getString("registry_status")),
                rs.getBoolean("crawled"), lastSuccess, rs.getInt("unreachable") != 0,
                new ListedBlog.OfficialKeys(rs.getString("name"), rs.getString("office"), country,
                        Countries.name(country), rs.getString("region"), rs.getString("locality"),
                        rs.getString("level"), rs.getString("branch")),
                rs.getString("replies_measurable"), rs.getString("replies_reason"));
    }

    /** Every listed blog (registry status lead, active, dormant or offline), by id. */
    public List<ListedBlog> listedBlogs() {
        return jdbi.withHandle(h -> h.createQuery(LISTED_BLOG_SELECT + " ORDER BY b.id")
                .map((rs, ctx) -> listedBlog(rs)).list());
    }

    /** The blog when it is listed; empty when it does not exist or is pending or rejected. */
    public Optional<ListedBlog> listedBlog(long blogId) {
        return jdbi.withHandle(h -> h.createQuery(LISTED_BLOG_SELECT + " WHERE b.id = :id").bind("id", blogId)
                .map((rs, ctx) -> listedBlog(rs)).findOne());
    }

    /** A blog's post dates (one per stored post) and the reply facts of the posts that have them. */
    public record PostFacts(List<Instant> published, List<PostReplyInput> replies) {

        public static final PostFacts NONE = new PostFacts(List.of(), List.of());
    }

    /** Receives the post facts of one blog during {@link #scanPostFacts}. */
    @FunctionalInterface
    public interface PostFactsSink {
        void accept(long blogId, PostFacts facts);
    }

    private static final String POST_FACTS_SELECT = """
            SELECT p.blog_id, p.published_at, pc.post_id IS NOT NULL AS has_replies, pc.comments_state,
                pc.reader_comments, pc.first_reader_comment_at, pc.first_official_reply_at,
                pc.reader_comments_answered
            FROM post p LEFT JOIN post_comments pc ON pc.post_id = p.id
            """;

    /**
     * One pass over every post, ordered by blog, handing each blog that has posts to the sink once. Posts of blogs
     * that are not listed are passed too; the caller ignores them.
     *
     * @return the number of posts read
     */
    public long scanPostFacts(PostFactsSink sink) {
        return jdbi.withHandle(h -> h.createQuery(POST_FACTS_SELECT + " ORDER BY p.blog_id")
                .scanResultSet((supplier, ctx) -> {
                    try (ResultSet rs = supplier.get()) {
                        return readGrouped(rs, sink);
                    }
                }));
    }

    /** The post facts of one blog. */
    public PostFacts postFactsOf(long blogId) {
        return jdbi.withHandle(h -> h.createQuery(POST_FACTS_SELECT + " WHERE p.blog_id = :id").bind("id", blogId)
                .scanResultSet((supplier, ctx) -> {
                    PostFacts[] out = {PostFacts.NONE};
                    try (ResultSet rs = supplier.get()) {
                        readGrouped(rs, (id, facts) -> out[0] = facts);
                    }
                    return out[0];
                }));
    }

    private static long readGrouped(ResultSet rs, PostFactsSink sink) throws SQLException {
        long rows = 0;
        long current = Long.MIN_VALUE;
        List<Instant> published = new ArrayList<>();
        List<PostReplyInput> replies = new ArrayList<>();
        while (rs.next()) {
            rows++;
            long blogId = rs.getLong(1);
            if (blogId != current) {
                if (current != Long.MIN_VALUE) {
                    sink.accept(current, new PostFacts(published, replies));
                    published = new ArrayList<>();
                    replies = new ArrayList<>();
                }
                current = blogId;
            }
            Instant at = instant(rs, 2);
            published.add(at);
            if (rs.getBoolean(3)) {
                replies.add(new PostReplyInput(at, Math.max(0, rs.getInt(5)), instant(rs, 6), instant(rs, 7),
                        Math.max(0, rs.getInt(8)), CommentsState.fromCode(rs.getString(4))));
            }
        }
        if (current != Long.MIN_VALUE) {
            sink.accept(current, new PostFacts(published, replies));
        }
        return rows;
    }

    // ---------------------------------------------------------------- writes, in one transaction

    /**
     * Runs {@code work} in one write transaction, raising the {@link DataVersion} in it: pages rendered from the
     * metrics before are stale on every node once it commits. Writers queue: SQLite takes its lock at BEGIN; on
     * PostgreSQL the transaction first locks blog_metrics against other writers (readers go on), since a recompute
     * re-ranks every blog and two nodes updating the same rows in different orders would deadlock. The transaction
     * is the database's one writer's, so a recompute waits its turn behind the crawl's writes rather than waiting
     * out the busy timeout against them.
     */
    public <T> T inTransaction(Function<Transaction, T> work) {
        return writer.inTransaction(h -> {
            Object lock = h.getConfig(SqlStatements.class).getAttribute("serializeMetricsWrites");
            if (lock != null && !lock.toString().isEmpty()) h.execute(lock.toString());
            T result = work.apply(new Transaction(h));
            // last, so on a server database the version's row is locked only for the commit
            DataVersion.bump(h);
            return result;
        });
    }

    /** A listed blog and its freshly computed metrics, to store. */
    public record MetricsWrite(ListedBlog blog, StoredMetrics metrics) {}

    /** The recompute's statements inside one transaction. */
    public final class Transaction {

        private final Handle h;

        private Transaction(Handle h) {
            this.h = h;
        }

        /**
         * Ranks by blog id in the latest snapshot day before {@code day}: the "previous day's" ranking that
         * movement compares with. Empty when there is no earlier snapshot.
         */
        public Map<Long, Integer> ranksBefore(LocalDate day) {
            Map<Long, Integer> ranks = new HashMap<>();
            h.createQuery("""
                    SELECT blog_id, rank FROM metrics_snapshot
                    WHERE day = (SELECT max(day) FROM metrics_snapshot WHERE day < :day) AND rank IS NOT NULL
                    """).bind("day", day.toString())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                    .forEach(e -> ranks.put(e.getKey(), e.getValue()));
            return ranks;
        }

        /** Every stored blog as a ranking candidate (status, shown score, last post). */
        public List<RankingCandidate> candidates() {
            return h.createQuery("SELECT blog_id, status, score, last_post_at FROM blog_metrics")
                    .map((rs, ctx) -> new RankingCandidate(rs.getLong(1), Coded.of(MeasuredStatus.class, rs.getString(2)), rs.getDouble(3),
                            instant(rs, 4)))
                    .list();
        }

        /** The stored placement of every blog. */
        public Map<Long, Placement> placements() {
            Map<Long, Placement> out = new HashMap<>();
            h.createQuery("SELECT blog_id, rank, position, previous_rank, movement, movement_places FROM blog_metrics")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), placement(rs)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }

        /** Inserts or replaces the rows (one statement, batched). */
        public void upsert(Collection<MetricsWrite> rows) {
            if (rows.isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch(UPSERT);
            for (MetricsWrite row : rows) {
                batch.bindMap(columns(row, settings));
                batch.add();
            }
            batch.execute();
        }

        /** Writes new placements (rank, position, movement) for the given blogs. */
        public void updatePlacements(Map<Long, Placement> placements) {
            if (placements.isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE blog_metrics SET rank = :rank, position = :position, previous_rank = :previous_rank,
                        movement = :movement, movement_places = :movement_places, movement_sort = :movement_sort
                    WHERE blog_id = :id
                    """);
            placements.forEach((id, p) -> {
                Map<String, Object> values = new HashMap<>();
                bindPlacement(values, p);
                values.put("id", id);
                batch.bindMap(values).add();
            });
            batch.execute();
        }

        /** Deletes the rows of blogs that are no longer listed (pending, rejected, deleted); returns how many. */
        public int deleteUnlisted() {
            return h.createUpdate("""
                    DELETE FROM blog_metrics WHERE blog_id NOT IN (SELECT id FROM listed_blog)
                    """).execute();
        }

        /** Deletes one blog's row. */
        public void delete(long blogId) {
            h.createUpdate("DELETE FROM blog_metrics WHERE blog_id = :id").bind("id", blogId).execute();
        }

        /** True when {@code day} already has snapshot rows. */
        public boolean hasSnapshot(LocalDate day) {
            return h.createQuery("SELECT EXISTS (SELECT 1 FROM metrics_snapshot WHERE day = :day)")
                    .bind("day", day.toString()).mapTo(Boolean.class).one();
        }

        /** Writes (or replaces) {@code day}'s snapshot row of every stored blog from its blog_metrics row. */
        public int snapshotAll(LocalDate day) {
            return h.createUpdate(SNAPSHOT + " WHERE true" + SNAPSHOT_CONFLICT).bind("day", day.toString()).execute();
        }

        /** Writes (or replaces) {@code day}'s snapshot rows of the given blogs. */
        public int snapshot(LocalDate day, Collection<Long> blogIds) {
            if (blogIds.isEmpty()) {
                return 0;
            }
            return h.createUpdate(SNAPSHOT + " WHERE blog_id IN (<ids>)" + SNAPSHOT_CONFLICT)
                    .bind("day", day.toString()).bindList("ids", List.copyOf(blogIds)).execute();
        }

        /** Recounts the blogs of each list, in all and per filter value (metrics_facet), from blog_metrics. */
        public void refreshFacets() {
            h.execute("DELETE FROM metrics_facet");
            h.execute("INSERT INTO metrics_facet SELECT ranked, 'all', '', count(*) FROM blog_metrics GROUP BY ranked");
            for (String field : List.of("country", "level", "branch", "status")) {
                // the field names are the constants of this list, never input
                h.execute("INSERT INTO metrics_facet SELECT ranked, '" + field + "', " + field + ", count(*)"
                        + " FROM blog_metrics GROUP BY ranked, " + field);
            }
        }

        /** Refreshes the query planner's statistics after a full recompute (sort and filter indexes). */
        public void analyze() {
            h.execute("ANALYZE blog_metrics");
        }
    }

    private static final String SNAPSHOT = """
            INSERT INTO metrics_snapshot (blog_id, day, computed_at, status, posts_last_90_days, posts_per_week,
                weeks_with_post_12, judged_with_comments, reply_rate, median_reply_seconds, score, rank)
            SELECT blog_id, :day, computed_at, status, posts_last_90_days, posts_per_week, weeks_with_post_12,
                judged_with_comments, reply_rate, median_reply_seconds, score, rank
            FROM blog_metrics
            """;

    private static final String SNAPSHOT_CONFLICT = """

            ON CONFLICT (blog_id, day) DO UPDATE SET computed_at = excluded.computed_at, status = excluded.status,
                posts_last_90_days = excluded.posts_last_90_days, posts_per_week = excluded.posts_per_week,
                weeks_with_post_12 = excluded.weeks_with_post_12, judged_with_comments = excluded.judged_with_comments,
                reply_rate = excluded.reply_rate, median_reply_seconds = excluded.median_reply_seconds,
                score = excluded.score, rank = excluded.rank
            """;

    /** Every column of blog_metrics, in table order; the upsert binds a parameter of the same name to each. */
    private static final List<String> COLUMNS = List.of(
            "blog_id", "official_id", "computed_at", "status", "ranked", "status_order",
            "country", "level", "branch", "name_key", "office_key", "jurisdiction_key",
            "posts_last_7_days", "posts_last_30_days", "posts_last_90_days", "posts_last_365_days", "posts_per_week",
            "weeks_with_post_12", "weeks_with_post_52", "strip_12", "strip_52", "last_post_at", "days_since_last_post",
            "median_gap_days", "longest_gap_days", "undated_ignored", "future_ignored",
            "judged_posts", "posts_too_recent", "judged_with_comments", "judged_replied", "reply_rate",
            "reply_rate_low", "reply_rate_high", "reply_rate_shown", "median_reply_seconds", "reader_comments",
            "reader_comments_answered", "judged_known_state", "judged_comments_open",
            "score", "score_exact", "consistency_value", "consistency_points", "consistency_text",
            "responsiveness_value", "responsiveness_points", "responsiveness_text",
            "recency_value", "recency_points", "recency_text", "volume_value", "volume_points", "volume_text",
            "not_enough_data", "comments_closed", "replies_measurable", "replies_reason",
            "rank", "position", "previous_rank", "movement", "movement_places", "movement_sort");

    // Built once from the constant column list above (no outside input), so the long statement cannot drift from it.
    private static final String UPSERT = "INSERT INTO blog_metrics (" + String.join(", ", COLUMNS) + ")\nVALUES ("
            + COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")\n"
            + "ON CONFLICT (blog_id) DO UPDATE SET "
            + COLUMNS.stream().filter(c -> !c.equals("blog_id")).map(c -> c + " = excluded." + c)
                    .collect(Collectors.joining(", "));

    private static Map<String, Object> columns(MetricsWrite row, MetricsSettings settings) {
        ListedBlog blog = row.blog();
        StoredMetrics m = row.metrics();
        PostingMetrics p = m.metrics().posting();
        ResponsivenessMetrics r = m.metrics().responsiveness();
        Score s = m.score();
        Map<String, Object> v = new HashMap<>(COLUMNS.size() * 2);
        v.put("blog_id", m.blogId());
        v.put("official_id", m.officialId());
        v.put("computed_at", m.metrics().asOf().toEpochMilli());
        v.put("status", m.status().code());
        v.put("ranked", m.status().isRanked() ? 1 : 0);
        v.put("status_order", Placements.historicalOrder(m.status()));
        ListedBlog.OfficialKeys o = blog.official();
        v.put("country", o.country());
        v.put("level", o.level());
        v.put("branch", o.branch());
        v.put("name_key", sortKey(o.name()));
        v.put("office_key", sortKey(o.office()));
        v.put("jurisdiction_key", sortKey(o.countryName() + " " + nonNull(o.region()) + " " + nonNull(o.locality())));
        v.put("posts_last_7_days", p.postsLast7Days());
        v.put("posts_last_30_days", p.postsLast30Days());
        v.put("posts_last_90_days", p.postsLast90Days());
        v.put("posts_last_365_days", p.postsLast365Days());
        v.put("posts_per_week", p.postsPerWeekLast90Days());
        v.put("weeks_with_post_12", p.weeksWithPostLast12());
        v.put("weeks_with_post_52", p.weeksWithPostLast52());
        v.put("strip_12", strip(p.weeklyPostsLast12()));
        v.put("strip_52", strip(p.weeklyPostsLast52()));
        v.put("last_post_at", p.lastPostAt().map(Instant::toEpochMilli).orElse(null));
        v.put("days_since_last_post", p.daysSinceLastPost().isPresent() ? p.daysSinceLastPost().getAsInt() : null);
        v.put("median_gap_days", orNull(p.medianGapDays()));
        v.put("longest_gap_days", orNull(p.longestGapDays()));
        v.put("undated_ignored", p.undatedIgnored());
        v.put("future_ignored", p.futureIgnored());
        v.put("judged_posts", r.judgedPosts());
        v.put("posts_too_recent", r.postsTooRecent());
        v.put("judged_with_comments", r.judgedPostsWithReaderComments());
        v.put("judged_replied", r.judgedPostsReplied());
        v.put("reply_rate", orNull(r.replyRate()));
        v.put("reply_rate_low", r.replyRateInterval().lower());
        v.put("reply_rate_high", r.replyRateInterval().upper());
        v.put("reply_rate_shown", orNull(m.shownReplyRate()));
        v.put("median_reply_seconds", r.medianTimeToFirstReply().map(Duration::toSeconds).orElse(null));
        v.put("reader_comments", r.readerComments());
        v.put("reader_comments_answered", r.readerCommentsAnswered());
        v.put("judged_known_state", r.judgedPostsWithKnownCommentsState());
        v.put("judged_comments_open", r.judgedPostsWithCommentsOpen());
        v.put("score", s.points());
        v.put("score_exact", s.exactPoints());
        for (ScoreComponent c : s.components()) {
            String prefix = c.part().name().toLowerCase(Locale.ROOT);
            v.put(prefix + "_value", c.value());
            v.put(prefix + "_points", c.points());
            v.put(prefix + "_text", c.explanation());
        }
        v.put("not_enough_data", s.notEnoughDataYet() ? 1 : 0);
        v.put("comments_closed", s.commentsClosedPolicyApplied() ? 1 : 0);
        v.put("replies_measurable", blog.repliesMeasurable());
        v.put("replies_reason", blog.repliesMeasured() ? null : blog.repliesReason());
        bindPlacement(v, m.placement());
        return v;
    }

    private static void bindPlacement(Map<String, Object> v, Placement p) {
        v.put("rank", p.rank());
        v.put("position", p.position());
        v.put("previous_rank", p.previousRank());
        Movement mv = p.movement();
        v.put("movement", mv == null ? null : mv.direction().code());
        v.put("movement_places", mv == null ? null : mv.places());
        Integer sort = mv == null ? null : switch (mv.direction()) {
            case UP -> mv.places();
            case DOWN -> -mv.places();
            case SAME -> 0;
            case NEW -> null;
        };
        v.put("movement_sort", sort);
    }


    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Double orNull(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
