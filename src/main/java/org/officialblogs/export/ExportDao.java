package org.officialblogs.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * SQL of the exports: streams each public table's rows straight from a cursor (constant memory, whatever the size),
 * filtered like the rankings page. Every WHERE is built from the constant fragments below; every value is bound.
 */
public final class ExportDao {

    /** Rows SQLite hands over per step; the cursor never holds the whole result. */
    static final int FETCH_SIZE = 1000;
    private final Jdbi jdbi;
    private final String keepOuterJoin;

    public ExportDao(Jdbi jdbi) {
        Object defined = jdbi.getConfig(SqlStatements.class).getAttribute("keepOuterJoin");
        this.keepOuterJoin = defined == null ? "CROSS JOIN" : defined.toString();
        this.jdbi = jdbi;
    }

    private static final String OFFICIALS = """
            SELECT o.id, o.name, o.office, o.country, o.region, o.locality, o.level, o.branch, o.party, o.wikidata_id,
                o.in_office_from, o.in_office_to, o.origin, o.created_at, o.updated_at,
                (SELECT group_concat(url, ' ; ') FROM (SELECT url FROM source WHERE official_id = o.id ORDER BY id) AS s)
            FROM official o
            WHERE EXISTS (SELECT 1 FROM listed_blog b LEFT JOIN blog_metrics m ON m.blog_id = b.id
                          WHERE b.official_id = o.id%s)
            %s
            ORDER BY o.id
            """;

    private static final String BLOGS = """
            SELECT b.id, b.official_id, b.site_url, b.feed_url, b.platform, b.language, b.authorship, b.active_years,
                b.notes, b.status, m.status, m.rank,
                CASE WHEN m.status IN ('no_data', 'lead') OR (m.last_post_at IS NULL AND s.last_success_at IS NULL)
                    THEN NULL ELSE m.score END, m.posts_last_90_days, m.posts_per_week,
                m.weeks_with_post_12, m.weeks_with_post_52, m.last_post_at, m.judged_posts, m.judged_with_comments,
                m.judged_replied, m.reply_rate, m.reply_rate_low, m.reply_rate_high, m.median_reply_seconds,
                m.reader_comments, m.reader_comments_answered, m.replies_measurable, m.replies_reason,
                m.computed_at, s.last_success_at, s.failure_kind,
                s.failure_message, s.consecutive_failures, s.unreachable = 1, s.next_attempt_at, b.created_at
            FROM blog k
            %1$s listed_blog b ON b.id = k.id
            JOIN official o ON o.id = b.official_id
            LEFT JOIN blog_metrics m ON m.blog_id = b.id
            LEFT JOIN crawl_state s ON s.blog_id = b.id
            %2$s
            ORDER BY k.id
            """;

    private static final String POSTS = """
            SELECT p.id, p.blog_id, p.url, p.title, p.published_at, p.updated_at, p.reported_comments,
                pc.comments_state, pc.seen_count, pc.reader_comments, pc.official_comments,
                CASE WHEN pc.post_id IS NULL THEN NULL WHEN pc.first_official_reply_at IS NOT NULL THEN 1 ELSE 0 END,
                pc.first_reader_comment_at, pc.first_official_reply_at, p.first_seen_at,
                CASE WHEN p.archive_first_document_id IS NULL THEN 'live' ELSE 'archive' END,
                af.captured_at, af.archive_url, al.captured_at, al.archive_url
            FROM post p
            %1$s listed_blog b ON b.id = p.blog_id
            JOIN official o ON o.id = b.official_id
            LEFT JOIN blog_metrics m ON m.blog_id = b.id
            LEFT JOIN post_comments pc ON pc.post_id = p.id
            LEFT JOIN archive_document af ON af.id = p.archive_first_document_id
            LEFT JOIN archive_document al ON al.id = p.archive_last_document_id
            %2$s
            ORDER BY p.id
            """;

    // the parent is named by its id on the platform; the unique (post, source, source id) index finds it
    private static final String COMMENTS = """
            SELECT c.id, c.post_id, p.blog_id, c.source, c.published_at, c.is_official, c.decided_by, parent.id
            FROM comment c
            %1$s post p ON p.id = c.post_id
            JOIN listed_blog b ON b.id = p.blog_id
            JOIN official o ON o.id = b.official_id
            LEFT JOIN blog_metrics m ON m.blog_id = b.id
            LEFT JOIN comment parent ON parent.post_id = c.post_id AND parent.source = c.source
                AND parent.source_comment_id = c.parent_source_id
            %2$s
            ORDER BY c.id
            """;

    private static final String METRICS_HISTORY = """
            SELECT s.blog_id, s.day, s.status, s.rank,
                CASE WHEN s.status IN ('no_data', 'lead') OR (m.last_post_at IS NULL AND cs.last_success_at IS NULL)
                    THEN NULL ELSE s.score END,
                s.posts_last_90_days, s.posts_per_week,
                s.weeks_with_post_12, s.judged_with_comments, s.reply_rate, s.median_reply_seconds, s.computed_at
            FROM metrics_snapshot s
            %1$s listed_blog b ON b.id = s.blog_id
            JOIN official o ON o.id = b.official_id
            LEFT JOIN blog_metrics m ON m.blog_id = b.id
            LEFT JOIN crawl_state cs ON cs.blog_id = b.id
            %2$s
            ORDER BY s.blog_id, s.day
            """;

    // grouped by UTC day (epoch milliseconds / 86,400,000) in a derived table, so the latest failure of each group
    // is looked up by its day's bounds: PostgreSQL lets a subquery name only grouped columns, and SQLite agrees
    private static final String CRAWL_LOG = """
            SELECT g.blog_id, date(g.epoch_day * 86400, 'unixepoch') AS day, g.purpose, g.attempts, g.failed,
                (SELECT x.failure_kind FROM crawl_log x WHERE x.blog_id = g.blog_id AND x.purpose = g.purpose
                    AND x.at >= g.epoch_day * 86400000 AND x.at < (g.epoch_day + 1) * 86400000
                    AND x.failure_kind IS NOT NULL
                    ORDER BY x.at DESC LIMIT 1),
                g.bytes, g.items_seen, g.new_items, g.last_at
            FROM (
                SELECT l.blog_id, l.at / 86400000 AS epoch_day, l.purpose, count(*) AS attempts,
                    sum(CASE WHEN l.failure_kind IS NOT NULL OR coalesce(l.http_status, 0) >= 400 THEN 1 ELSE 0 END) AS failed,
                    sum(coalesce(l.bytes, 0)) AS bytes, sum(coalesce(l.items_seen, 0)) AS items_seen,
                    sum(coalesce(l.new_items, 0)) AS new_items, max(l.at) AS last_at
                FROM crawl_log l
                %1$s listed_blog b ON b.id = l.blog_id
                JOIN official o ON o.id = b.official_id
                LEFT JOIN blog_metrics m ON m.blog_id = b.id
                %2$s
                GROUP BY l.blog_id, l.at / 86400000, l.purpose
            ) g
            ORDER BY g.blog_id, g.epoch_day, g.purpose
            """;

    private static final String ARCHIVE_PERIODS = """
            SELECT r.blog_id, r.state, r.reason, r.first_post_at, r.last_post_at, r.period_days, r.period_weeks,
                r.period_posts, r.posts_per_week, r.weeks_with_post, r.longest_gap_days, r.median_gap_days,
                r.reply_rate, r.reply_rate_low, r.reply_rate_high, r.replies_judged, r.median_reply_hours,
                r.lower_bound, r.months, r.months_without_capture, r.captures_listed, r.captures_read,
                r.feed_captures, r.post_pages_read, r.first_feed_capture_at, r.last_feed_capture_at, r.complete,
                r.finished_at
            FROM archive_read r
            %1$s listed_blog b ON b.id = r.blog_id
            JOIN official o ON o.id = b.official_id
            LEFT JOIN blog_metrics m ON m.blog_id = b.id
            %2$s
            ORDER BY r.blog_id
            """;

    /**
     * Streams the rows of {@code table} that pass {@code filter} to {@code sink}, in key order, skipping
     * {@code offset} rows and stopping after {@code limit} (0: all).
     *
     * @return the number of rows handed to the sink
     */
    public long stream(ExportTable table, ExportFilter filter, long offset, int limit, RowSink sink) {
        Map<String, Object> values = new HashMap<>();
        String sql = sql(table, filter, values);
        if (limit > 0 || offset > 0) {
            sql = sql + " LIMIT :limit OFFSET :offset";
            values.put("limit", limit > 0 ? limit : -1);
            values.put("offset", offset);
        }
        String statement = sql;
        List<Column> columns = table.columns();
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(statement).setFetchSize(FETCH_SIZE);
            q.bindMap(values);
            return q.scanResultSet((supplier, ctx) -> {
                long rows = 0;
                try (ResultSet rs = supplier.get()) {
                    while (rs.next()) {
                        sink.row(read(rs, columns));
                        rows++;
                    }
                }
                return rows;
            });
        });
    }

    /** SQLite's plan of the statement {@link #stream} runs, one line per step (for tests of the plan). */
    List<String> sqlitePlan(ExportTable table, ExportFilter filter, long offset, int limit) {
        Map<String, Object> values = new HashMap<>();
        String sql = sql(table, filter, values) + " LIMIT :limit OFFSET :offset";
        values.put("limit", limit);
        values.put("offset", offset);
        return jdbi.withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN " + sql).bindMap(values)
                .map((rs, ctx) -> rs.getString("detail")).list());
    }

    /** Reads every row of a small result into a list (the read API's pages). */
    public List<Object[]> list(ExportTable table, ExportFilter filter, long offset, int limit) {
        List<Object[]> rows = new ArrayList<>();
        stream(table, filter, offset, limit, rows::add);
        return rows;
    }

    private static Object[] read(ResultSet rs, List<Column> columns) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int c = i + 1;
            row[i] = switch (columns.get(i).type()) {
                case INTEGER -> {
                    long v = rs.getLong(c);
                    yield rs.wasNull() ? null : v;
                }
                case NUMBER -> {
                    double v = rs.getDouble(c);
                    yield rs.wasNull() ? null : v;
                }
                case BOOLEAN -> {
                    // a 0/1 column, or a comparison: an integer on SQLite, a boolean on PostgreSQL
                    Object v = rs.getObject(c);
                    yield v == null ? null : v instanceof Boolean b ? b : ((Number) v).longValue() != 0;
                }
                case DATETIME -> {
                    long v = rs.getLong(c);
                    yield rs.wasNull() ? null : Instant.ofEpochMilli(v);
                }
                case STRING, DATE -> rs.getString(c);
            };
        }
        return row;
    }

    /** An official as Popolo needs it: the person, their office and place, their blogs and the sources. */
    public record Person(long id, String name, String office, String country, String region, String locality,
                         String level, String branch, String party, String wikidataId, String inOfficeFrom,
                         String inOfficeTo, List<String> siteUrls, List<String> feedUrls, List<String> sources) {}

    // '\u001f', the unit separator, cannot occur in a URL: it joins the lists without any quoting
    private static final String PEOPLE = """
            SELECT o.id, o.name, o.office, o.country, o.region, o.locality, o.level, o.branch, o.party, o.wikidata_id,
                o.in_office_from, o.in_office_to,
                (SELECT group_concat(site_url, '\u001f') FROM (SELECT b.site_url FROM listed_blog b WHERE b.official_id = o.id
                    AND b.site_url IS NOT NULL ORDER BY b.id) AS s),
                (SELECT group_concat(feed_url, '\u001f') FROM (SELECT b.feed_url FROM listed_blog b WHERE b.official_id = o.id
                    AND b.feed_url IS NOT NULL ORDER BY b.id) AS s),
                (SELECT group_concat(url, '\u001f') FROM (SELECT url FROM source WHERE official_id = o.id ORDER BY id) AS s)
            FROM official o
            WHERE EXISTS (SELECT 1 FROM listed_blog b LEFT JOIN blog_metrics m ON m.blog_id = b.id
                          WHERE b.official_id = o.id%1$s)
            %2$s
            ORDER BY o.id
            """;

    /** Streams the exported officials (same filter as officials.csv) as Popolo persons need them. */
    public long streamPeople(ExportFilter f, java.util.function.Consumer<Person> sink) {
        Map<String, Object> values = new HashMap<>();
        List<String> inner = new ArrayList<>();
        if (f.status() != null) inner.add("m.status = :status");
        List<String> outer = new ArrayList<>();
        if (f.country() != null) outer.add("o.country = :country");
        if (f.level() != null) outer.add("o.level = :level");
        if (f.officialId() != null) outer.add("o.id = :officialId");
        bindCommon(f, values);
        values.remove("blogId");
        String sql = PEOPLE.formatted(andEach(inner), outer.isEmpty() ? "" : "AND " + String.join(" AND ", outer));
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql).setFetchSize(FETCH_SIZE);
            q.bindMap(values);
            return q.scanResultSet((supplier, ctx) -> {
                long rows = 0;
                try (ResultSet rs = supplier.get()) {
                    while (rs.next()) {
                        sink.accept(new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11), rs.getString(12), split(rs.getString(13)),
                                split(rs.getString(14)), split(rs.getString(15))));
                        rows++;
                    }
                }
                return rows;
            });
        });
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\u001f"));
    }

    /** A listed blog whose feed works, for the OPML list. */
    public record Feed(long blogId, String country, String name, String office, String siteUrl, String feedUrl,
                       String language) {}

    /**
     * Every listed blog whose feed works, by country then name: the crawler has read the feed, and its last attempt
     * did not fail (a failing, unreachable, hostile or never-read feed is left out; a dormant blog's working feed is
     * in). Posting activity is the ranking's business, not the feed list's.
     */
    public List<Feed> workingFeeds() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT b.id, o.country, o.name, o.office, b.site_url, b.feed_url, b.language
                FROM crawlable_blog b JOIN official o ON o.id = b.official_id
                JOIN crawl_state s ON s.blog_id = b.id
                WHERE b.feed_url IS NOT NULL AND s.last_success_at IS NOT NULL AND s.consecutive_failures = 0
                  AND s.unreachable = 0
                ORDER BY o.country, o.name, b.id
                """).map((rs, ctx) -> new Feed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list());
    }

    /** How the latest daily snapshot of the metrics differs from the one before. */
    public SnapshotChanges changes() {
        return jdbi.withHandle(h -> {
            List<String> days = h.createQuery("SELECT DISTINCT day FROM metrics_snapshot ORDER BY day DESC LIMIT 2")
                    .mapTo(String.class).list();
            if (days.isEmpty()) return SnapshotChanges.NONE;
            LocalDate latest = LocalDate.parse(days.get(0));
            LocalDate previous = days.size() > 1 ? LocalDate.parse(days.get(1)) : null;
            Map<String, Integer> now = counts(h, latest);
            Map<String, Integer> before = previous == null ? Map.of() : counts(h, previous);
            int added = previous == null ? 0 : h.createQuery("""
                    SELECT count(*) FROM metrics_snapshot s WHERE s.day = :latest
                    AND NOT EXISTS (SELECT 1 FROM metrics_snapshot p WHERE p.blog_id = s.blog_id AND p.day = :previous)
                    """).bind("latest", latest.toString()).bind("previous", previous.toString()).mapTo(Integer.class).one();
            int gone = previous == null ? 0 : h.createQuery("""
                    SELECT count(*) FROM metrics_snapshot s WHERE s.day = :previous
                    AND NOT EXISTS (SELECT 1 FROM metrics_snapshot p WHERE p.blog_id = s.blog_id AND p.day = :latest)
                    """).bind("latest", latest.toString()).bind("previous", previous.toString()).mapTo(Integer.class).one();
            return new SnapshotChanges(latest, previous, now, before, added, gone);
        });
    }

    private static Map<String, Integer> counts(org.jdbi.v3.core.Handle h, LocalDate day) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        h.createQuery("SELECT status, count(*) FROM metrics_snapshot WHERE day = :day GROUP BY status")
                .bind("day", day.toString())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private String sql(ExportTable table, ExportFilter f, Map<String, Object> values) {
        if (table == ExportTables.OFFICIALS) {
            List<String> inner = new ArrayList<>();
            if (f.status() != null) inner.add("m.status = :status");
            if (f.blogId() != null) inner.add("b.id = :blogId");
            List<String> outer = new ArrayList<>();
            if (f.country() != null) outer.add("o.country = :country");
            if (f.level() != null) outer.add("o.level = :level");
            if (f.officialId() != null) outer.add("o.id = :officialId");
            bindCommon(f, values);
            return OFFICIALS.formatted(andEach(inner), outer.isEmpty() ? "" : "AND " + String.join(" AND ", outer));
        }
        List<String> where = new ArrayList<>();
        if (f.country() != null) where.add("o.country = :country");
        if (f.level() != null) where.add("o.level = :level");
        if (f.status() != null) where.add("m.status = :status");
        if (f.officialId() != null) where.add("o.id = :officialId");
        if (f.blogId() != null) where.add("b.id = :blogId");
        bindCommon(f, values);
        String template;
        if (table == ExportTables.BLOGS) {
            template = BLOGS;
        } else if (table == ExportTables.POSTS) {
            template = POSTS;
            instantRange(f, "p.published_at", where, values);
        } else if (table == ExportTables.COMMENTS) {
            template = COMMENTS;
            instantRange(f, "c.published_at", where, values);
        } else if (table == ExportTables.METRICS_HISTORY) {
            template = METRICS_HISTORY;
            if (f.from() != null) {
                where.add("s.day >= :fromDay");
                values.put("fromDay", f.from().toString());
            }
            if (f.to() != null) {
                where.add("s.day <= :toDay");
                values.put("toDay", f.to().toString());
            }
        } else if (table == ExportTables.CRAWL_LOG) {
            template = CRAWL_LOG;
            instantRange(f, "l.at", where, values);
        } else if (table == ExportTables.ARCHIVE_PERIODS) {
            template = ARCHIVE_PERIODS;
        } else {
            throw new IllegalArgumentException("not an exported table: " + table.name());
        }
        // Whole-table exports walk the big table in key order (CROSS JOIN keeps it the outer loop in SQLite), so rows
        // stream from the first one; left to itself the planner starts from blog's status index and sorts a million
        // rows before the first byte. One blog's or one official's rows come by their index instead. The blogs walk
        // blog's primary key (k) the same way: listed_blog is a view, which SQLite flattens into blog's status index
        // and would sort every blog per page of the API. On PostgreSQL (whose planner needs no such hint) Database
        // defines keepOuterJoin as a plain JOIN; a bare SQLite Jdbi (the download's copy) has no definition and keeps
        // the hint.
        String join = f.blogId() == null && f.officialId() == null ? keepOuterJoin : "JOIN";
        return template.formatted(join, where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where));
    }

    /** The conditions, each after an AND, to follow a WHERE that already has one; "" for none. */
    private static String andEach(List<String> conditions) {
        return conditions.stream().map(c -> " AND " + c).collect(java.util.stream.Collectors.joining());
    }

    private static void bindCommon(ExportFilter f, Map<String, Object> values) {
        if (f.country() != null) values.put("country", f.country());
        if (f.level() != null) values.put("level", f.level());
        if (f.status() != null) values.put("status", f.status());
        if (f.officialId() != null) values.put("officialId", f.officialId());
        if (f.blogId() != null) values.put("blogId", f.blogId());
    }

    private static void instantRange(ExportFilter f, String column, List<String> where, Map<String, Object> values) {
        if (f.from() != null) {
            where.add(column + " >= :fromMs");
            values.put("fromMs", startOf(f.from()));
        }
        if (f.to() != null) {
            where.add(column + " < :toMs");
            values.put("toMs", startOf(f.to().plusDays(1)));
        }
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
