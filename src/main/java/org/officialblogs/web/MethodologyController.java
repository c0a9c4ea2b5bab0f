package org.officialblogs.web;

import io.javalin.http.Context;
import org.officialblogs.web.query.ActivityDao;

/** GET /methodology : how the numbers are computed, worked examples, the data's limits, the last crawl time. */
final class MethodologyController {

    private final ActivityDao activity;
    private final Templates templates;
    private final SiteInfo site;
    private final Readable readable;
    private final int commentWindowDays;

    MethodologyController(ActivityDao activity, Templates templates, SiteInfo site, Readable readable,
                          int commentWindowDays) {
        this.activity = activity;
        this.commentWindowDays = commentWindowDays;
        this.templates = templates;
        this.site = site;
        this.readable = readable;
    }

    void show(Context ctx) {
        templates.render(ctx, "methodology.jte",
                MethodologyPage.of(site, readable, activity.lastCrawlSuccess().orElse(null), commentWindowDays));
    }
}
