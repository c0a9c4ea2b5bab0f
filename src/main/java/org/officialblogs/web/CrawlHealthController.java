package org.officialblogs.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.crawl.CrawlHealth;

/** GET /admin/crawl: blogs the crawler fails to read, by failure kind, with last success and next attempt. */
final class CrawlHealthController {

    static final int PAGE_SIZE = 50;

    private final CrawlDao crawl;
    private final WebSessions sessions;
    private final Templates templates;
    private final SiteInfo site;
    private final Clock clock;

    CrawlHealthController(CrawlDao crawl, WebSessions sessions, Templates templates, SiteInfo site, Clock clock) {
        this.crawl = crawl;
        this.sessions = sessions;
        this.templates = templates;
        this.site = site;
        this.clock = clock;
    }

    void show(Context ctx) {
        ActiveSession s = sessions.moderator(ctx);
        int page = DirectoryController.parsePage(ctx.queryParam("page"));
        String kind = ctx.queryParam("kind");
        if (kind != null && (kind.isBlank() || !kind.matches("[a-z0-9_]{1,40}"))) kind = null;
        CrawlHealth health = crawl.health(clock.instant(), kind, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<String, String> params = new HashMap<>();
        if (kind != null) params.put("kind", kind);
        templates.render(ctx, "admin/crawl.jte", new CrawlHealthPage(site, ModerationController.nav(s, "crawl"), health,
                kind, new Pagination(page, PAGE_SIZE, health.blogsTotal(), params)));
    }
}
