package org.officialblogs.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.registry.SubmissionInput;
import org.officialblogs.registry.SubmissionService;

/**
 * The submission form: GET /submit, POST /submit/preview (check and preview, nothing saved), POST /submit/edit
 * (back to the form with the values), POST /submit (save), POST /submit/evidence (add evidence to a listed
 * entry), GET /submissions/{token} (the private status page).
 */
final class SubmissionController {

    static final String SPAM_MESSAGE = "This submission looks automated and was not saved: a field meant to stay "
            + "empty was filled in. If you are a person, please reload the form and send it again.";

    private final SubmissionService submissions;
    private final SubmissionLimits limits;
    private final CsrfGuard csrf;
    private final Templates templates;
    private final SiteInfo site;
    private final Choices choices;

    SubmissionController(SubmissionService submissions, SubmissionLimits limits, CsrfGuard csrf, Templates templates,
                         SiteInfo site, Choices choices) {
        this.submissions = submissions;
        this.limits = limits;
        this.csrf = csrf;
        this.templates = templates;
        this.site = site;
        this.choices = choices;
    }

    void form(Context ctx) {
        renderForm(ctx, SubmissionInput.empty(), java.util.Map.of(), null);
    }

    void edit(Context ctx) {
        renderForm(ctx, SubmissionInput.from(ctx::formParam), java.util.Map.of(), null);
    }

    void preview(Context ctx) {
        SubmissionInput in = SubmissionInput.from(ctx::formParam);
        refuseSpam(ctx);
        SubmissionService.Validated v = submissions.validate(in);
        if (!valid(ctx, in, v)) return;
        // counted before the preview fetches anything
        if (!admitted(ctx, in, limits.previews())) return;
        renderPreview(ctx, submissions.check(v));
    }

    void submit(Context ctx) {
        SubmissionInput in = SubmissionInput.from(ctx::formParam);
        refuseSpam(ctx);
        SubmissionService.Validated v = submissions.validate(in);
        if (!valid(ctx, in, v)) return;
        // every attempt past the field checks counts, a duplicate too, before anything is fetched
        if (!admitted(ctx, in, limits.submissions())) return;
        handle(ctx, in, submissions.submit(v));
    }

    void evidence(Context ctx) {
        SubmissionInput in = SubmissionInput.from(ctx::formParam);
        long officialId = OfficialController.parseId(ctx.formParam("official_id"));
        refuseSpam(ctx);
        SubmissionService.Validated v = submissions.validateEvidence(officialId, in);
        if (!valid(ctx, in, v)) return;
        if (!admitted(ctx, in, limits.submissions())) return;
        handle(ctx, in, submissions.submitEvidence(v));
    }

    private void handle(Context ctx, SubmissionInput in, SubmissionService.Outcome outcome) {
        if (outcome instanceof SubmissionService.Created c) {
            ctx.redirect("/submissions/" + c.token() + "?new", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof SubmissionService.Invalid i) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderForm(ctx, in, i.check().errors(), null);
        } else if (outcome instanceof SubmissionService.Blocked b) {
            ctx.status(HttpStatus.CONFLICT);
            renderPreview(ctx, b.check());
        }
    }

    void status(Context ctx) {
        String token = ctx.pathParam("token");
        SubmissionService.Status status = submissions.status(token).orElseThrow(() -> new NotFoundResponse(
                "There is no submission at this address. Check that the link was copied completely."));
        // the token is the key to this page: keep it out of caches and of other sites' Referer headers
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        templates.render(ctx, "submission-status.jte", new SubmissionStatusPage(site, status,
                site.baseUrl() + "/submissions/" + token, ctx.queryParam("new") != null));
    }

    /** A filled honeypot is a robot: refused before anything else. */
    private static void refuseSpam(Context ctx) {
        String honeypot = ctx.formParam(SubmissionFields.HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) throw new BadRequestResponse(SPAM_MESSAGE);
    }

    /** False (and the form shown again with the field errors, 422) when a field is wrong. */
    private boolean valid(Context ctx, SubmissionInput in, SubmissionService.Validated v) {
        if (v.ok()) return true;
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderForm(ctx, in, v.result().errors(), null);
        return false;
    }

    /** Counts this attempt against the address's limit; false (and the form shown again with why) when over it. */
    private boolean admitted(Context ctx, SubmissionInput in, RateLimiter limiter) {
        RateLimiter.Decision d = limiter.tryAcquire(ctx.ip());
        if (d.allowed()) return true;
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(d.retryAfterSeconds()));
        renderForm(ctx, in, java.util.Map.of(), limits.message(limiter, d));
        return false;
    }

    private void renderForm(Context ctx, SubmissionInput in, java.util.Map<String, String> errors, String alert) {
        Form form = new Form(in.values(), errors, SubmissionFields.LABELS, csrf.publicToken(ctx));
        templates.render(ctx, "submit.jte", new SubmitPage(site, form, SubmissionFields.HELP, choices, alert, SubmissionFields.HONEYPOT));
    }

    private void renderPreview(Context ctx, SubmissionService.Check check) {
        Form form = new Form(check.input().values(), java.util.Map.of(), SubmissionFields.LABELS, csrf.publicToken(ctx));
        templates.render(ctx, "submit-preview.jte", new SubmitPreviewPage(site, form, check, SubmissionFields.HONEYPOT));
    }
}
