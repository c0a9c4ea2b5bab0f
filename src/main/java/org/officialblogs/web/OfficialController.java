package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import org.officialblogs.web.query.ProfileQuery;

/** GET /officials/{id} : one official with their blogs, each with its metrics, evidence, crawl status and sources. */
final class OfficialController {

    private final ProfileQuery profiles;
    private final Templates templates;
    private final SiteInfo site;
    private final Readable readable;
    private final Clock clock;

    OfficialController(ProfileQuery profiles, Templates templates, SiteInfo site, Readable readable, Clock clock) {
        this.profiles = profiles;
        this.templates = templates;
        this.site = site;
        this.readable = readable;
        this.clock = clock;
    }

    void show(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        var now = clock.instant();
        ProfileQuery.OfficialProfile profile = profiles.find(id, now)
                .orElseThrow(() -> new NotFoundResponse("There is no official with the number " + id + " in the directory."));
        templates.render(ctx, "official.jte", OfficialPage.of(site, profile, readable, now));
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
