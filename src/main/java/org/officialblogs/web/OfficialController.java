package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.RegistryDao;

/** GET /officials/{id} : one official with their blogs and sources. */
final class OfficialController {

    private final RegistryDao registry;
    private final Templates templates;
    private final SiteInfo site;

    OfficialController(RegistryDao registry, Templates templates, SiteInfo site) {
        this.registry = registry;
        this.templates = templates;
        this.site = site;
    }

    void show(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        Official official = registry.officialById(id)
                .orElseThrow(() -> new NotFoundResponse("There is no official with the number " + id + " in the directory."));
        templates.render(ctx, "official.jte", new OfficialPage(site, official, registry.blogsOf(id), registry.sourcesOf(id)));
    }

    static long parseId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // fall through: a non-number is simply not a known official
        }
        throw new NotFoundResponse("There is no official at this address.");
    }
}
