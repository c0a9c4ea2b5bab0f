package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.Map;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.registry.AuditLog;

/** GET /admin/audit: the moderators' audit log, newest first, 50 to a page. */
final class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final WebSessions sessions;
    private final Templates templates;
    private final SiteInfo site;

    AuditController(AuditLog audit, WebSessions sessions, Templates templates, SiteInfo site) {
        this.audit = audit;
        this.sessions = sessions;
        this.templates = templates;
        this.site = site;
    }

    void show(Context ctx) {
        ActiveSession s = sessions.moderator(ctx);
        int page = DirectoryController.parsePage(ctx.queryParam("page"));
        templates.render(ctx, "admin/audit.jte", new AuditPage(site, ModerationController.nav(s, "audit"),
                audit.recent((page - 1) * PAGE_SIZE, PAGE_SIZE), new Pagination(page, PAGE_SIZE, audit.count(), Map.of())));
    }
}
