package org.officialblogs.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.registry.BulkSubmissions;
import org.officialblogs.registry.EntryValidator;

/** Bulk submissions: GET /submit/bulk (form), POST /submit/bulk (dry run), POST /submit/bulk/commit. */
final class BulkSubmissionController {

    static final Map<String, String> LABELS = labels();
    static final Map<String, String> HELP = Map.of(
            "file", "A CSV in the registry's format (the columns below, with a header line) or an OPML file (a blogroll or feed-reader export).",
            "country", "For an OPML file: the country of all its officials.",
            "level", "For an OPML file: the level of government of all its officials.",
            "branch", "For an OPML file: the branch of all its officials.",
            "office", "For an OPML file, optional: the office all its officials hold, for example 'Member of Parliament'.",
            "evidence_url", "For an OPML file: a public page that lists these officials' blogs, for example a parliament's page of members' blogs.");

    private final BulkSubmissions bulk;
    private final SubmissionLimits limits;
    private final CsrfGuard csrf;
    private final Templates templates;
    private final SiteInfo site;
    private final Choices choices;

    BulkSubmissionController(BulkSubmissions bulk, SubmissionLimits limits, CsrfGuard csrf, Templates templates,
                             SiteInfo site, Choices choices) {
        this.bulk = bulk;
        this.limits = limits;
        this.csrf = csrf;
        this.templates = templates;
        this.site = site;
        this.choices = choices;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("file", "File");
        m.put("country", "Country of every row");
        m.put("level", "Level of every row");
        m.put("branch", "Branch of every row");
        m.put("office", "Office of every row");
        m.put("evidence_url", "Evidence for every row");
        m.put("submitter_name", "Your name");
        m.put("organisation", "Your organisation");
        m.put("email", "Your email");
        return java.util.Collections.unmodifiableMap(m);
    }

    void form(Context ctx) {
        renderForm(ctx, BulkSubmissions.Form.from(k -> ""), Map.of(), null);
    }

    void dryRun(Context ctx) {
        BulkSubmissions.Form form = BulkSubmissions.Form.from(ctx::formParam);
        String honeypot = ctx.formParam(SubmissionFields.HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) throw new BadRequestResponse(SubmissionController.SPAM_MESSAGE);
        // a dry run is a check, counted like a preview, atomically, before the file is analysed
        RateLimiter.Decision d = limits.previews().tryAcquire(ctx.ip());
        if (!d.allowed()) {
            tooMany(ctx, form, limits.previews(), d);
            return;
        }
        UploadedFile file = ctx.uploadedFile("file");
        byte[] content = file == null ? new byte[0] : read(file);
        BulkSubmissions.DryRun report = bulk.dryRun(file == null ? null : file.filename(), content, form);
        if (!report.errors().isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderForm(ctx, form, report.errors(), null);
            return;
        }
        templates.render(ctx, "bulk-report.jte", new BulkReportPage(site, report, csrf.publicToken(ctx), null,
                (int) BulkSubmissions.CONFIRM_WITHIN.toMinutes()));
    }

    /** Before the upload is read: an address over its limit of dry runs is answered without reading the file. */
    void precheck(Context ctx) {
        if (ctx.method() != io.javalin.http.HandlerType.POST) return;
        RateLimiter limiter = ctx.path().endsWith("/commit") ? limits.submissions() : limits.previews();
        RateLimiter.Decision d = limiter.check(ctx.ip());
        if (d.allowed()) return;
        tooMany(ctx, BulkSubmissions.Form.from(k -> ""), limiter, d);
        ctx.skipRemainingHandlers();
    }

    void commit(Context ctx) {
        // an upload counts as one submission, whatever its number of rows, when it is sent for review
        RateLimiter.Decision d = limits.submissions().tryAcquire(ctx.ip());
        if (!d.allowed()) {
            tooMany(ctx, BulkSubmissions.Form.from(k -> ""), limits.submissions(), d);
            return;
        }
        Optional<BulkSubmissions.Committed> done = bulk.commit(ctx.formParam("confirm"));
        if (done.isEmpty()) {
            throw new BadRequestResponse("This dry run can no longer be submitted: it was already submitted, or more than "
                    + BulkSubmissions.CONFIRM_WITHIN.toMinutes() + " minutes have passed. Please upload the file again.");
        }
        BulkSubmissions.Committed c = done.get();
        if (c.statusToken() != null) {
            ctx.redirect("/submissions/" + c.statusToken() + "?new", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.CONFLICT);
        templates.render(ctx, "bulk-report.jte", new BulkReportPage(site, new BulkSubmissions.DryRun(Map.of(), null, null,
                c.rows(), null), csrf.publicToken(ctx), "Nothing was submitted: since the dry run, every row has become a "
                + "duplicate or an error.", (int) BulkSubmissions.CONFIRM_WITHIN.toMinutes()));
    }

    private void tooMany(Context ctx, BulkSubmissions.Form form, RateLimiter limiter, RateLimiter.Decision d) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(d.retryAfterSeconds()));
        renderForm(ctx, form, Map.of(), limits.message(limiter, d).replace(" what you typed is still below", " please choose the file again"));
    }

    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            // one byte over the limit is enough to tell the file is too large, without reading all of it
            return in.readNBytes(BulkSubmissions.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void renderForm(Context ctx, BulkSubmissions.Form values, Map<String, String> errors, String alert) {
        Form form = new Form(values.values(), errors, LABELS, csrf.publicToken(ctx));
        Map<String, String> help = new LinkedHashMap<>(HELP);
        SubmissionFields.HELP.forEach((k, v) -> {
            if (k.equals("submitter_name") || k.equals("organisation") || k.equals("email")) help.put(k, v);
        });
        templates.render(ctx, "bulk.jte", new BulkPage(site, form, help, choices, EntryValidator.COLUMNS, alert,
                SubmissionFields.HONEYPOT, BulkSubmissions.MAX_ROWS, BulkSubmissions.MAX_BYTES / 1024));
    }
}
