package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.officialblogs.registry.RegistryDao;

/** GET /robots.txt, /sitemap.xml and, for a directory too large for one sitemap file, /sitemap/{n}.xml. */
final class SiteMapController {

    private static final String XML = "application/xml; charset=utf-8";
    private static final String CACHED_AN_HOUR = "public, max-age=3600";

    private final RegistryDao registry;
    private final SiteMap map;
    private final boolean synthetic;

    SiteMapController(RegistryDao registry, SiteInfo site) {
        this.registry = registry;
        this.map = new SiteMap(site.baseUrl(), SiteMap.URLS_PER_FILE);
        this.synthetic = site.notice() != null;
    }

    void robots(Context ctx) {
        ctx.header("Cache-Control", CACHED_AN_HOUR).contentType("text/plain; charset=utf-8")
                .result(map.robots(synthetic));
    }

    void sitemap(Context ctx) {
        ctx.header("Cache-Control", CACHED_AN_HOUR).contentType(XML)
                .result(map.sitemap(registry.officialsWithListedBlogs()));
    }

    void part(Context ctx) {
        byte[] part = null;
        try {
            part = map.part(registry.officialsWithListedBlogs(), Integer.parseInt(ctx.pathParam("n")));
        } catch (NumberFormatException e) {
            // not a part's number: answered as a part that does not exist
        }
        if (part == null) throw new NotFoundResponse("There is no such part of the sitemap; /sitemap.xml lists them.");
        ctx.header("Cache-Control", CACHED_AN_HOUR).contentType(XML).result(part);
    }
}
