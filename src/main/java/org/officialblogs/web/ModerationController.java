package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.ModerationService;

/**
 * The moderators' queue and decisions: GET /admin, GET /admin/submissions/{id}, POST /admin/submissions/{id}
 * (save edits, or save and approve), POST .../approve, .../merge, .../reject.
 */
final class ModerationController {

    /** Fixed confirmations after a redirect; the query names one, and nothing from it is echoed. */
    static final Map<String, String> DONE = Map.of(
            "approved", "Approved: the blog is listed and its first crawl has been requested.",
            "rejected", "Rejected: the submitter sees your reason on their status page.",
            "saved", "Changes saved.",
            "recrawl", "A crawl of the blog has been requested.",
            "archive", "A read of the blog from the web archive has been requested; it runs in the background at the archive's pace.");

    static final int QUEUE_PAGE = 200;

    private final ModerationService moderation;
    private final WebSessions sessions;
    private final Templates templates;
    private final SiteInfo site;
    private final Choices choices;

    ModerationController(ModerationService moderation, WebSessions sessions, Templates templates, SiteInfo site, Choices choices) {
        this.moderation = moderation;
        this.sessions = sessions;
        this.templates = templates;
        this.site = site;
        this.choices = choices;
    }

    /** The confirmation a redirect asked for, or null. */
    static String done(Context ctx) {
        String key = ctx.queryParam("done");
        return key == null ? null : DONE.get(key);
    }

    static AdminNav nav(ActiveSession s, String section) {
        return new AdminNav(s.username(), s.csrfToken(), section);
    }

    void queue(Context ctx) {
        ActiveSession s = sessions.moderator(ctx);
        templates.render(ctx, "admin/queue.jte", new AdminQueuePage(site, nav(s, "queue"), moderation.queue(QUEUE_PAGE),
                moderation.countPending(), done(ctx)));
    }

    void show(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        ModerationService.QueueItem item = moderation.submission(id).orElseThrow(() -> new NotFoundResponse("There is no submission number " + id + "."));
        render(ctx, item, EntryFields.of(item.submission().entry()), Map.of(), done(ctx));
    }

    void update(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        Map<String, String> fields = EntryFields.posted(ctx, EntryValidator.COLUMNS);
        String actor = sessions.moderator(ctx).username();
        boolean approve = "approve".equals(ctx.formParam("action"));
        ModerationService.Result r = approve ? moderation.approve(id, fields, null, actor) : moderation.edit(id, fields, actor);
        after(ctx, id, r, fields, approve ? "/admin?done=approved" : "/admin/submissions/" + id + "?done=saved");
    }

    void approve(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        ModerationService.Result r = moderation.approve(id, null, null, sessions.moderator(ctx).username());
        after(ctx, id, r, null, "/admin?done=approved");
    }

    void merge(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        String raw = ctx.formParam("official_id") == null ? "" : ctx.formParam("official_id").strip().replaceFirst("^#", "");
        long target;
        try {
            target = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            fail(ctx, id, null, Map.of("official_id", "must be the number of a listed official (shown in its address, /officials/NUMBER)"));
            return;
        }
        ModerationService.Result r = moderation.approve(id, null, target, sessions.moderator(ctx).username());
        after(ctx, id, r, null, "/admin?done=approved");
    }

    void reject(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        ModerationService.Result r = moderation.reject(id, ctx.formParam("reason"), sessions.moderator(ctx).username());
        after(ctx, id, r, null, "/admin?done=rejected");
    }

    private void after(Context ctx, long id, ModerationService.Result r, Map<String, String> fields, String next) {
        if (r.ok()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>(r.errors());
        fail(ctx, id, fields, errors);
    }

    /** Shows the submission again with the moderator's values and what was wrong. */
    private void fail(Context ctx, long id, Map<String, String> fields, Map<String, String> errors) {
        ModerationService.QueueItem item = moderation.submission(id).orElseThrow(() -> new NotFoundResponse("There is no submission number " + id + "."));
        Map<String, String> values = new LinkedHashMap<>(fields != null ? fields : EntryFields.of(item.submission().entry()));
        for (String extra : new String[] {"reason", "official_id"}) {
            if (ctx.formParam(extra) != null) values.put(extra, ctx.formParam(extra));
        }
        ctx.status(errors.containsKey("submission") ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, item, values, errors, null);
    }

    private void render(Context ctx, ModerationService.QueueItem item, Map<String, String> values, Map<String, String> errors, String message) {
        ActiveSession s = sessions.moderator(ctx);
        Form form = new Form(values, errors, EntryFields.ENTRY_LABELS, s.csrfToken());
        templates.render(ctx, "admin/submission.jte", new AdminSubmissionPage(site, nav(s, "queue"), item, form, choices, message));
    }
}
