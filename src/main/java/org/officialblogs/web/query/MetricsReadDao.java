package org.officialblogs.web.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.officialblogs.db.Coded;
import org.officialblogs.metrics.BlogMetrics;
import org.officialblogs.metrics.Listing;
import org.officialblogs.metrics.MeasuredStatus;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.metrics.Movement;
import org.officialblogs.metrics.PostingMetrics;
import org.officialblogs.metrics.RankingSort;
import org.officialblogs.metrics.ResponsivenessMetrics;
import org.officialblogs.metrics.Score;
import org.officialblogs.metrics.ScoreComponent;
import org.officialblogs.metrics.ScorePart;
import org.officialblogs.metrics.StoredMetrics;
import org.officialblogs.metrics.WilsonInterval;
import org.officialblogs.registry.ListingStatus;

import static org.officialblogs.db.Columns.instant;
import static org.officialblogs.db.Columns.integer;
import static org.officialblogs.db.Columns.optionalDouble;
import static org.officialblogs.metrics.MetricsColumns.movement;
import static org.officialblogs.metrics.MetricsColumns.parseStrip;
import static org.officialblogs.metrics.MetricsColumns.placement;
import static org.officialblogs.metrics.MetricsColumns.sortKey;

/**
 * What the pages and the API read of the stored metrics: one blog's or one official's row of blog_metrics, a blog's
 * daily snapshots, and a page of the rankings with its totals.
 */
public final class MetricsReadDao {

    private final Jdbi jdbi;
    private final MetricsSettings settings;

    public MetricsReadDao(Jdbi jdbi, MetricsSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    /** Rebuilds the stored measurements, score and placement from a blog_metrics row. */
    private StoredMetrics storedMetrics(ResultSet rs) throws SQLException {
        Instant asOf = instant(rs, "computed_at");
        Integer days = integer(rs, "days_since_last_post");
        PostingMetrics posting = new PostingMetrics(
                rs.getInt("posts_last_7_days"), rs.getInt("posts_last_30_days"), rs.getInt("posts_last_90_days"),
                rs.getInt("posts_last_365_days"), rs.getDouble("posts_per_week"), rs.getInt("weeks_with_post_12"),
                rs.getInt("weeks_with_post_52"), parseStrip(rs.getString("strip_12")),
                parseStrip(rs.getString("strip_52")), Optional.ofNullable(instant(rs, "last_post_at")),
                days == null ? OptionalInt.empty() : OptionalInt.of(days), optionalDouble(rs, "median_gap_days"),
                optionalDouble(rs, "longest_gap_days"), rs.getInt("undated_ignored"), rs.getInt("future_ignored"));
        long medianSeconds = rs.getLong("median_reply_seconds");
        Optional<Duration> medianReply = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(medianSeconds));
        int comments = rs.getInt("reader_comments");
        int answered = rs.getInt("reader_comments_answered");
        int known = rs.getInt("judged_known_state");
        int open = rs.getInt("judged_comments_open");
        ResponsivenessMetrics replies = new ResponsivenessMetrics(
                rs.getInt("judged_posts"), rs.getInt("posts_too_recent"), rs.getInt("judged_with_comments"),
                rs.getInt("judged_replied"), optionalDouble(rs, "reply_rate"),
                new WilsonInterval(rs.getDouble("reply_rate_low"), rs.getDouble("reply_rate_high")), medianReply,
                comments, answered,
                comments == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) answered / comments),
                known, open, known == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) open / known));
        List<ScoreComponent> components = new ArrayList<>();
        for (ScorePart part : ScorePart.values()) {
            String prefix = part.name().toLowerCase(Locale.ROOT);
            components.add(new ScoreComponent(part, rs.getDouble(prefix + "_value"), part.weight(),
                    rs.getDouble(prefix + "_points"), rs.getString(prefix + "_text")));
        }
        Score score = new Score(rs.getDouble("score"), rs.getDouble("score_exact"), components,
                rs.getInt("not_enough_data") != 0, rs.getInt("comments_closed") != 0,
                rs.getString("responsiveness_text"));
        return new StoredMetrics(rs.getLong("blog_id"), rs.getLong("official_id"), Coded.of(MeasuredStatus.class, rs.getString("status")),
                new BlogMetrics(asOf, settings.zone(), posting, replies), score, placement(rs),
                rs.getString("replies_measurable"), rs.getString("replies_reason"));
    }

    /**
     * Listed blogs by measured status, every status present (0 when none): the counts the ranking's tabs use, so
     * "active" means here what it means there.
     */
    public Map<MeasuredStatus, Integer> blogsByStatus() {
        Map<MeasuredStatus, Integer> counts = new java.util.EnumMap<>(MeasuredStatus.class);
        for (MeasuredStatus st : MeasuredStatus.values()) counts.put(st, 0);
        jdbi.useHandle(h -> h.createQuery("SELECT value, sum(blogs) FROM metrics_facet WHERE field = 'status' GROUP BY value")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> Coded.parse(MeasuredStatus.class, e.getKey()).ifPresent(st -> counts.put(st, e.getValue()))));
        return counts;
    }

    /** The stored metrics of one blog. */
    public Optional<StoredMetrics> metricsOf(long blogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM blog_metrics WHERE blog_id = :id").bind("id", blogId)
                .map((rs, ctx) -> storedMetrics(rs)).findOne());
    }

    /** The stored metrics of an official's blogs, by blog id. */
    public Map<Long, StoredMetrics> metricsOfOfficial(long officialId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM blog_metrics WHERE official_id = :id ORDER BY blog_id")
                .bind("id", officialId).map((rs, ctx) -> storedMetrics(rs)).list())
                .stream().collect(Collectors.toMap(StoredMetrics::blogId, m -> m, (a, b) -> a, TreeMap::new));
    }

    /** One day of a blog's history. */
    public record Snapshot(LocalDate day, MeasuredStatus status, double postsPerWeek, int weeksWithPostLast12,
                           OptionalDouble replyRate, int judgedPostsWithReaderComments, double score, Integer rank) {}

    /** A blog's daily snapshots, newest first, at most {@code limit}. */
    public List<Snapshot> history(long blogId, int limit) {
        return histories(List.of(blogId), limit).getOrDefault(blogId, List.of());
    }

    /** Each blog's daily snapshots, newest first, at most {@code limit} a blog; one query. */
    public Map<Long, List<Snapshot>> histories(List<Long> blogIds, int limit) {
        Map<Long, List<Snapshot>> out = new java.util.LinkedHashMap<>();
        if (blogIds.isEmpty()) return out;
        String arm = """
                SELECT blog_id, day, status, posts_per_week, weeks_with_post_12, reply_rate, judged_with_comments,
                    score, rank
                FROM metrics_snapshot WHERE blog_id = :perKey ORDER BY day DESC LIMIT :limit
                """;
        jdbi.useHandle(h -> org.officialblogs.db.FirstRowsPerKey.bind(h.createQuery(org.officialblogs.db.FirstRowsPerKey
                        .sql(arm, blogIds.size(), "blog_id, day DESC")), blogIds).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getLong("blog_id"), new Snapshot(LocalDate.parse(rs.getString("day")),
                        Coded.of(MeasuredStatus.class, rs.getString("status")),
                        rs.getDouble("posts_per_week"), rs.getInt("weeks_with_post_12"),
                        optionalDouble(rs, "reply_rate"), rs.getInt("judged_with_comments"), rs.getDouble("score"),
                        integer(rs, "rank"))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue())));
        return out;
    }

    /** The filters, order and page of a rankings view; null filters mean "any". */
    public record RankingFilter(Listing listing, String country, String level, String branch, MeasuredStatus status,
                                String search, RankingSort sort, boolean descending, int page, int pageSize) {

        public RankingFilter {
            java.util.Objects.requireNonNull(listing, "listing");
            java.util.Objects.requireNonNull(sort, "sort");
            page = Math.max(1, page);
            pageSize = Math.max(1, Math.min(500, pageSize));
        }
    }

    /**
     * One row of the rankings: the columns the list shows (not the whole blog_metrics row, which the profile reads),
     * with the official's current name, office and place.
     *
     * @param replyRateShown the reply rate as shown and sorted on; null while there is not enough data yet or
     *     comments were closed on every judged post
     * @param commentsClosedEverywhere comments were closed on every judged post with a known comment state
     * @param weeklyPostsLast12 posts per week over the last 12 weeks, oldest first
     * @param rank the competition rank, null for a blog listed apart
     * @param movement the change of rank since the previous day, null for a blog listed apart
     * @param blogTitle the title the blog's feed gives itself, null before its first successful crawl
     * @param activeYears when the registry says the official blogged, in its sources' words; may be null
     * @param listingStatus the blog's place in the registry (lead, active, dormant, offline)
     * @param sources the public pages behind the blog's entry (else the official's), at most three
     */
    public record RankingRow(long blogId, long officialId, MeasuredStatus status, String name, String office,
                             String country, String region, String locality, String siteUrl, String feedUrl,
                             double postsPerWeek, int weeksWithPostLast12, List<Integer> weeklyPostsLast12,
                             Instant lastPostAt, int judgedPostsWithReaderComments, int judgedPostsReplied,
                             Double replyRateShown, WilsonInterval replyRateInterval,
                             boolean commentsClosedEverywhere, Duration medianTimeToFirstReply, double score,
                             Integer rank, Movement movement, String blogTitle, String activeYears,
                             ListingStatus listingStatus, List<String> sources, Instant lastCrawlSuccessAt,
                             String repliesMeasurable, String repliesReason) {

        /** Whether the blog's replies can be measured (see {@code replies_measurable}). */
        public boolean repliesMeasured() {
            return repliesMeasurable == null || "measurable".equals(repliesMeasurable);
        }

        /** The address people should visit: the site, else the feed; null for a lead. */
        public String address() {
            return siteUrl != null ? siteUrl : feedUrl;
        }

        /**
         * True for a blog never read: a lead, no data yet, or a blog that is offline or unreachable without a
         * single successful crawl or known post. Its score would be the formula's priors alone: it has none.
         */
        public boolean neverMeasured() {
            return MetricsReadDao.neverMeasured(status, lastPostAt, lastCrawlSuccessAt);
        }
    }

    /** The rule of {@link RankingRow#neverMeasured()}, for the profile too. */
    public static boolean neverMeasured(MeasuredStatus status, Instant lastPostAt, Instant lastCrawlSuccessAt) {
        return status == MeasuredStatus.NO_DATA || status == MeasuredStatus.LEAD
                || lastPostAt == null && lastCrawlSuccessAt == null;
    }

    // The list's columns, read by position: a rankings page maps 50 of these rows on every request.
    private static final String ROW_COLUMNS = """
            m.blog_id, m.official_id, m.status, o.name, o.office, o.country, o.region, o.locality, b.site_url,
            b.feed_url, m.posts_per_week, m.weeks_with_post_12, m.strip_12, m.last_post_at, m.judged_with_comments,
            m.judged_replied, m.reply_rate_shown, m.reply_rate_low, m.reply_rate_high, m.judged_known_state,
            m.judged_comments_open, m.median_reply_seconds, m.score, m.rank, m.movement, m.movement_places,
            cs.feed_title, b.active_years, b.status, cs.last_success_at,
            (SELECT group_concat(url, '\u001f') FROM (SELECT url FROM source WHERE official_id = m.official_id
                AND (blog_id = m.blog_id OR blog_id IS NULL) ORDER BY blog_id IS NULL, id LIMIT 3) AS s),
            m.replies_measurable, m.replies_reason
            """;

    private static RankingRow rankingRow(ResultSet rs) throws SQLException {
        double shown = rs.getDouble(17);
        Double replyShown = rs.wasNull() ? null : shown;
        long seconds = rs.getLong(22);
        Duration median = rs.wasNull() ? null : Duration.ofSeconds(seconds);
        int rank = rs.getInt(24);
        Integer rankOrNull = rs.wasNull() ? null : rank;
        Movement mv = movement(rs.getString(25), rs.getInt(26));
        return new RankingRow(rs.getLong(1), rs.getLong(2), Coded.of(MeasuredStatus.class, rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getDouble(11), rs.getInt(12), parseStrip(rs.getString(13)), instant(rs, 14),
                rs.getInt(15), rs.getInt(16), replyShown, new WilsonInterval(rs.getDouble(18), rs.getDouble(19)),
                rs.getInt(20) > 0 && rs.getInt(21) == 0, median, rs.getDouble(23), rankOrNull, mv, rs.getString(27),
                rs.getString(28), Coded.of(ListingStatus.class, rs.getString(29)),
                rs.getString(31) == null ? List.of() : List.of(rs.getString(31).split("\u001f")), instant(rs, 30),
                rs.getString(32), rs.getString(33));
    }

    /**
     * A page of the rankings, the number of rows matching, and for the tabs and the country filter: how many blogs
     * each list holds and how many of them each country has.
     */
    public record RankingResult(List<RankingRow> rows, int total, Map<Listing, Integer> listingTotals,
                                Map<Listing, Map<String, Integer>> countries) {}

    /**
     * Reads one page of a list. The page's blog ids come from one sort index (walked in order, filters checked on
     * the index columns), then only those rows are joined to blog and official.
     */
    public RankingResult rankings(RankingFilter f) {
        StringBuilder where = new StringBuilder("WHERE ranked = :ranked");
        Map<String, Object> values = new HashMap<>();
        values.put("ranked", f.listing() == Listing.RANKED ? 1 : 0);
        // the WHERE is built from these constant fragments only; every value is bound
        if (f.country() != null) {
            where.append(" AND country = :country");
            values.put("country", f.country());
        }
        if (f.level() != null) {
            where.append(" AND level = :level");
            values.put("level", f.level());
        }
        if (f.branch() != null) {
            where.append(" AND branch = :branch");
            values.put("branch", f.branch());
        }
        if (f.status() != null) {
            where.append(" AND status = :status");
            values.put("status", f.status().code());
        }
        if (f.search() != null && !sortKey(f.search()).isEmpty()) {
            where.append(" AND (name_key LIKE :q ESCAPE '!' OR office_key LIKE :q ESCAPE '!')");
            values.put("q", "%" + sortKey(f.search()).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        String order = order(f.sort(), f.descending());
        int ranked = f.listing() == Listing.RANKED ? 1 : 0;
        return jdbi.withHandle(h -> {
            Map<Listing, Integer> totals = new java.util.EnumMap<>(Listing.class);
            Map<Listing, Map<String, Integer>> countries = new java.util.EnumMap<>(Listing.class);
            Map<String, Integer> facets = new HashMap<>();
            for (Listing l : Listing.values()) {
                totals.put(l, 0);
                countries.put(l, new TreeMap<>());
            }
            h.createQuery("SELECT ranked, field, value, blogs FROM metrics_facet")
                    .map((rs, ctx) -> new Facet(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .forEach(facet -> {
                        Listing l = facet.ranked() == 1 ? Listing.RANKED : Listing.HISTORICAL;
                        if (facet.field().equals("all")) totals.put(l, facet.blogs());
                        if (facet.field().equals("country")) countries.get(l).put(facet.value(), facet.blogs());
                        if (facet.ranked() == ranked) facets.put(facet.field() + "=" + facet.value(), facet.blogs());
                    });
            // one filter or none: the total is a stored count; more filters or a search: count the matches
            List<String> set = new ArrayList<>();
            if (f.country() != null) set.add("country=" + f.country());
            if (f.level() != null) set.add("level=" + f.level());
            if (f.branch() != null) set.add("branch=" + f.branch());
            if (f.status() != null) set.add("status=" + f.status().code());
            int total;
            if (values.containsKey("q") || set.size() > 1) {
                Query count = h.createQuery("SELECT count(*) FROM blog_metrics " + where);
                count.bindMap(values);
                total = count.mapTo(Integer.class).one();
            } else {
                total = facets.getOrDefault(set.isEmpty() ? "all=" : set.get(0), 0);
            }
            Query page = h.createQuery("""
                    SELECT %s
                    FROM (SELECT blog_id FROM blog_metrics %s ORDER BY %s LIMIT :limit OFFSET :offset) AS p
                    JOIN blog_metrics m ON m.blog_id = p.blog_id
                    JOIN blog b ON b.id = m.blog_id
                    JOIN official o ON o.id = m.official_id
                    LEFT JOIN crawl_state cs ON cs.blog_id = m.blog_id
                    ORDER BY %s
                    """.formatted(ROW_COLUMNS, where, order, qualified(order)));
            page.bindMap(values);
            List<RankingRow> rows = page.bind("limit", f.pageSize()).bind("offset", (f.page() - 1) * f.pageSize())
                    .map((rs, ctx) -> rankingRow(rs))
                    .list();
            return new RankingResult(rows, total, totals, countries);
        });
    }

    private record Facet(int ranked, String field, String value, int blogs) {}

    /** The ORDER BY of a sort: written to match one index of V4__metrics.sql exactly, so no sort step is needed. */
    private static String order(RankingSort sort, boolean descending) {
        String dir = descending ? " DESC" : "";
        return switch (sort) {
            case RANK -> "position" + dir;
            case SCORE -> descending ? "position" : "position DESC";
            case NAME -> "name_key" + dir + ", position";
            case OFFICE -> "office_key" + dir + ", position";
            case JURISDICTION -> "jurisdiction_key" + dir + ", position";
            case POSTS_PER_WEEK -> "posts_per_week" + dir + ", position";
            case CONSISTENCY -> "weeks_with_post_12" + dir + ", position";
            case REPLY_RATE -> "reply_rate_shown IS NULL, reply_rate_shown" + dir + ", position";
            case REPLY_TIME -> "median_reply_seconds IS NULL, median_reply_seconds" + dir + ", position";
            case LAST_POST -> "last_post_at IS NULL, last_post_at" + dir + ", position";
            case MOVEMENT -> "movement_sort IS NULL, movement_sort" + dir + ", position";
            case STATUS -> "status_order" + dir + ", position";
        };
    }

    /** The same order on the joined page rows (columns of blog_metrics m). */
    private static String qualified(String order) {
        return order.replaceAll("\\b(position|name_key|office_key|jurisdiction_key|posts_per_week|weeks_with_post_12"
                + "|reply_rate_shown|median_reply_seconds|last_post_at|movement_sort|status_order)\\b", "m.$1");
    }
}
