package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.DirectoryQuery;
import org.officialblogs.registry.Level;

/**
 * GET /?tab=all : every registry entry (leads included), filterable by country, level and a search term. Kept as
 * rendered, like the rankings, while the registry and the metrics are unchanged (every write to what it shows raises
 * the data version).
 */
final class DirectoryController {

    static final int PAGE_SIZE = 50;

    private final DirectoryQuery query;
    private final Templates templates;
    private final SiteInfo site;
    private final RenderedPageCache cache;

    DirectoryController(DirectoryQuery query, Templates templates, SiteInfo site, RenderedPageCache cache) {
        this.query = query;
        this.templates = templates;
        this.site = site;
        this.cache = cache;
    }

    void show(Context ctx) {
        // the query string names the tab, so the key never meets one of the rankings' own
        HtmlResponse.sendKeptOrRendered(ctx, cache, "/?" + ctx.queryString(), () -> render(ctx));
    }

    private byte[] render(Context ctx) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        String country = blankToNull(ctx.queryParam("country"));
        if (country != null && !Countries.isValid(country.toUpperCase(java.util.Locale.ROOT))) {
            notes.add("Ignored in the address: '" + shorten(country) + "' is not a country code (two letters, such as GB or US).");
            country = null;
        }
        if (country != null) country = country.toUpperCase(java.util.Locale.ROOT);
        String levelParam = blankToNull(ctx.queryParam("level"));
        Level level = Level.parse(levelParam).orElse(null);
        if (levelParam != null && level == null) {
            notes.add("Ignored in the address: '" + shorten(levelParam) + "' is not a level (international, national,"
                    + " regional or local).");
        }
        String search = blankToNull(ctx.queryParam("q"));
        if (search != null && search.length() > 200) search = search.substring(0, 200);
        String pageParam = blankToNull(ctx.queryParam("page"));
        int page = parsePage(pageParam);
        if (pageParam != null && !pageParam.matches("[0-9]{1,9}")) {
            notes.add("Ignored in the address: '" + shorten(pageParam) + "' is not a page number.");
        }
        DirectoryQuery.Result result = query.find(new DirectoryQuery.Filter(country, level, search, page, PAGE_SIZE));
        int pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            notes.add(Pagination.pastTheEnd(page, pages));
            page = pages;
            result = query.find(new DirectoryQuery.Filter(country, level, search, page, PAGE_SIZE));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tab", Tab.ALL);
        params.put("country", country);
        params.put("level", level == null ? null : level.code());
        params.put("q", search);
        DirectoryQuery.Result shown = result;
        var options = Countries.all().stream().filter(e -> shown.countries().containsKey(e.getKey())).toList();
        return templates.renderBytes("directory.jte", new DirectoryPage(site, Tab.all(Tab.ALL, null, null, null),
                country, level == null ? null : level.code(), search, options, result.levels(), result.rows(),
                new Pagination(page, PAGE_SIZE, result.total(), params), notes));
    }

    /** A value quoted back to the visitor: at most 40 characters. */
    static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
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
