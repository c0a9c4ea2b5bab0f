package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.DirectoryQuery;
import org.officialblogs.registry.Level;

/** GET /?tab=all : every registry entry (leads included), filterable by country, level and a search term. */
final class DirectoryController {

    static final int PAGE_SIZE = 50;

    private final DirectoryQuery query;
    private final Templates templates;
    private final SiteInfo site;

    DirectoryController(DirectoryQuery query, Templates templates, SiteInfo site) {
        this.query = query;
        this.templates = templates;
        this.site = site;
    }

    void show(Context ctx) {
        String country = blankToNull(ctx.queryParam("country"));
        if (country != null && !Countries.isValid(country.toUpperCase(java.util.Locale.ROOT))) country = null;
        if (country != null) country = country.toUpperCase(java.util.Locale.ROOT);
        String levelParam = blankToNull(ctx.queryParam("level"));
        Level level = Level.parse(levelParam).orElse(null);
        String search = blankToNull(ctx.queryParam("q"));
        if (search != null && search.length() > 200) search = search.substring(0, 200);
        int page = parsePage(ctx.queryParam("page"));
        DirectoryQuery.Result result = query.find(new DirectoryQuery.Filter(country, level, search, page, PAGE_SIZE));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tab", Tab.ALL);
        params.put("country", country);
        params.put("level", level == null ? null : level.code());
        params.put("q", search);
        var options = Countries.all().stream().filter(e -> result.countries().containsKey(e.getKey())).toList();
        templates.render(ctx, "directory.jte", new DirectoryPage(site, Tab.all(Tab.ALL, null, null, null), country, level == null ? null : level.code(),
                search, options, result.levels(), result.rows(), new Pagination(page, PAGE_SIZE, result.total(), params)));
    }

    static int parsePage(String raw) {
        if (raw == null) return 1;
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(raw.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
