package org.officialblogs.registry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the public directory: listed officials with their blogs, filtered and paged. */
public final class DirectoryQuery {

    /** The filters a visitor can set; null means "any". */
    public record Filter(String country, Level level, String search, int page, int pageSize) {
        public Filter {
            page = Math.max(1, page);
            pageSize = Math.max(1, Math.min(500, pageSize));
        }
    }

    /** One official in the directory. */
    public record Row(long officialId, String name, String office, String country, String region, Level level,
                      Branch branch, String address, String blogStatus, int blogCount) {
        public String countryName() {
            return Countries.name(country);
        }
    }

    /** A page of rows, the total matching, and the counts per country and level (for the filters). */
    public record Result(List<Row> rows, int total, Map<String, Integer> countries, Map<String, Integer> levels) {}

    private final RegistryDao dao;

    public DirectoryQuery(RegistryDao dao) {
        this.dao = dao;
    }

    public Result find(Filter f) {
        String search = f.search() == null || f.search().isBlank() ? null : "%" + f.search().strip().toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String where = """
                WHERE EXISTS (SELECT 1 FROM listed_blog b WHERE b.official_id = o.id)
                  AND (:country IS NULL OR o.country = :country)
                  AND (:level IS NULL OR o.level = :level)
                  AND (:search IS NULL OR lower(o.name) LIKE :search ESCAPE '!' OR lower(o.office) LIKE :search ESCAPE '!')
                """;
        String level = f.level() == null ? null : f.level().code();
        return dao.jdbi().withHandle(h -> {
            int total = h.createQuery("SELECT count(*) FROM official o " + where)
                    .bind("country", f.country()).bind("level", level).bind("search", search).mapTo(Integer.class).one();
            List<Row> rows = h.createQuery("""
                    SELECT o.id, o.name, o.office, o.country, o.region, o.level, o.branch,
                        (SELECT coalesce(b.site_url, b.feed_url) FROM listed_blog b WHERE b.official_id = o.id
                            ORDER BY b.site_url IS NULL, b.id LIMIT 1) AS address,
                        (SELECT b.status FROM listed_blog b WHERE b.official_id = o.id
                            ORDER BY b.site_url IS NULL, b.id LIMIT 1) AS blog_status,
                        (SELECT count(*) FROM listed_blog b WHERE b.official_id = o.id) AS blogs
                    FROM official o
                    """ + where + """
                    ORDER BY o.country, o.name COLLATE NOCASE, o.id
                    LIMIT :limit OFFSET :offset
                    """)
                    .bind("country", f.country()).bind("level", level).bind("search", search)
                    .bind("limit", f.pageSize()).bind("offset", (f.page() - 1) * f.pageSize())
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("office"),
                            rs.getString("country"), rs.getString("region"), Level.parse(rs.getString("level")).orElseThrow(),
                            Branch.parse(rs.getString("branch")).orElseThrow(), rs.getString("address"),
                            rs.getString("blog_status"), rs.getInt("blogs")))
                    .list();
            Map<String, Integer> countries = new TreeMap<>();
            h.createQuery("""
                    SELECT o.country, count(*) AS n FROM official o
                    WHERE EXISTS (SELECT 1 FROM listed_blog b WHERE b.official_id = o.id)
                    GROUP BY o.country
                    """).map((rs, ctx) -> Map.entry(rs.getString("country"), rs.getInt("n")))
                    .forEach(e -> countries.put(e.getKey(), e.getValue()));
            Map<String, Integer> levels = new TreeMap<>();
            h.createQuery("""
                    SELECT o.level, count(*) AS n FROM official o
                    WHERE EXISTS (SELECT 1 FROM listed_blog b WHERE b.official_id = o.id)
                    GROUP BY o.level
                    """).map((rs, ctx) -> Map.entry(rs.getString("level"), rs.getInt("n")))
                    .forEach(e -> levels.put(e.getKey(), e.getValue()));
            return new Result(rows, total, countries, levels);
        });
    }
}
