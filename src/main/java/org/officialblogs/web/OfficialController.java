package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import org.officialblogs.web.query.ProfileQuery;

/** GET /officials/{id} : one official with their blogs, each with its metrics, evidence, crawl status and sources. */
final class OfficialController {

    static final int FEED_SIZE = 50;

    private final ProfileQuery profiles;
    private final org.officialblogs.web.query.ActivityDao activity;
    private final org.officialblogs.registry.RegistryDao registry;
    private final org.officialblogs.export.AtomWriter atom = new org.officialblogs.export.AtomWriter();
    private final Templates templates;
    private final SiteInfo site;
    private final Readable readable;
    private final Clock clock;

    OfficialController(ProfileQuery profiles, org.officialblogs.web.query.ActivityDao activity,
                       org.officialblogs.registry.RegistryDao registry, Templates templates, SiteInfo site,
                       Readable readable, Clock clock) {
        this.profiles = profiles;
        this.activity = activity;
        this.registry = registry;
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

    /** GET /officials/{id}.atom : the official's newest posts on their listed blogs, as an Atom feed. */
    void atom(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        var official = registry.officialById(id).filter(o -> registry.blogsOf(id).stream()
                        .anyMatch(b -> b.status().isListed()))
                .orElseThrow(() -> new NotFoundResponse("There is no official with the number " + id + " in the directory."));
        var now = clock.instant();
        java.util.List<org.officialblogs.export.AtomFeed.Entry> entries = new java.util.ArrayList<>();
        for (var p : activity.postsOfOfficial(id, now, FEED_SIZE)) {
            entries.add(new org.officialblogs.export.AtomFeed.Entry(site.baseUrl() + "/officials/" + id + "#post-" + p.postId(),
                    p.title() == null || p.title().isBlank() ? "Untitled post" : p.title(), p.url(), p.officialName(),
                    p.publishedAt(), p.publishedAt(), RecentController.shorten(p.summary())));
        }
        String profile = site.baseUrl() + "/officials/" + id;
        String office = official.office().isBlank() ? "" : ", " + official.office();
        var out = new java.io.ByteArrayOutputStream(32 * 1024);
        atom.write(new org.officialblogs.export.AtomFeed(profile, org.officialblogs.export.DataExporter.titled(
                official.name() + office + ": posts, via Official Blogs", site.notice()), profile + ".atom", profile,
                entries.isEmpty() ? official.updatedAt() : entries.get(0).updated(), entries), out);
        ctx.contentType("application/atom+xml; charset=utf-8").result(out.toByteArray());
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
