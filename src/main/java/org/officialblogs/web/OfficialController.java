package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.officialblogs.crawl.archive.ArchiveDao;
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
    private final ZoneId zone;
    private final RenderedPageCache cache;

    OfficialController(ProfileQuery profiles, org.officialblogs.web.query.ActivityDao activity,
                       org.officialblogs.registry.RegistryDao registry, Templates templates, SiteInfo site,
                       Readable readable, Clock clock, ZoneId zone, RenderedPageCache cache) {
        this.cache = cache;
        this.zone = zone;
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
        // served from the last rendering while the metrics are unchanged, like the rankings
        HtmlResponse.sendKeptOrRendered(ctx, cache, "/officials/" + id, () -> {
            var now = clock.instant();
            ProfileQuery.OfficialProfile profile = profiles.find(id, now).orElseThrow(() ->
                    new NotFoundResponse("There is no official with the number " + id + " in the directory."));
            OfficialPage page = OfficialPage.of(site, profile, readable, now);
            return templates.renderBytes("official.jte", page.withArchived(archived(profile)));
        });
    }

    /** The archive's figures of the profile's blogs that were read from it with posts found, in words. */
    private Map<Long, OfficialPage.ArchiveView> archived(ProfileQuery.OfficialProfile profile) {
        Map<Long, OfficialPage.ArchiveView> views = new HashMap<>();
        for (ProfileQuery.BlogProfile b : profile.blogs()) {
            long blogId = b.blog().id();
            b.archived().ifPresent(r -> {
                var o = profile.official();
                WhenTheyBloggedPage.Row row = WhenTheyBloggedController.row(
                        new ArchiveDao.EndedBlog(r, o.id(), o.name(), o.office(), o.country()), zone);
                List<OfficialPage.Cell> facts = List.of(
                        new OfficialPage.Cell("Active period", row.period()),
                        new OfficialPage.Cell("Posts a week", (row.lowerBound() ? "at least " : "") + row.postsPerWeek()),
                        new OfficialPage.Cell("Weeks with a post", row.weeksWithPost()),
                        new OfficialPage.Cell("Longest gap", row.longestGap()),
                        new OfficialPage.Cell("Replies", row.replies()),
                        new OfficialPage.Cell("Archive's copies", row.coverage()));
                List<OfficialPage.Cell> captures = new ArrayList<>();
                for (ArchiveDao.Document d : b.captures()) {
                    captures.add(new OfficialPage.Cell(CAPTURED.format(d.capturedAt().atZone(zone)), d.archiveUrl()));
                }
                views.put(blogId, new OfficialPage.ArchiveView(facts, row.lowerBound(), captures));
            });
        }
        return views;
    }

    private static final DateTimeFormatter CAPTURED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

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
