package org.officialblogs.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.discover.CandidateFilter;
import org.officialblogs.discover.CandidateReview;
import org.officialblogs.discover.CandidateSource;
import org.officialblogs.discover.CandidateStatus;
import org.officialblogs.discover.EvidenceStrength;
import org.officialblogs.discover.WikidataEnrichment;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.Level;

/**
 * The candidates found by discovery: GET /admin/candidates (filters in the query), POST /admin/candidates (approve or
 * reject the ticked ones), GET /admin/candidates/positions (the position table).
 */
final class CandidatesController {

    static final int PAGE_SIZE = 50;
    static final List<String> FILTERS = List.of("status", "country", "level", "source", "evidence");

    private final CandidateReview review;
    private final WikidataEnrichment wikidata;
    private final WebSessions sessions;
    private final Templates templates;
    private final SiteInfo site;

    CandidatesController(CandidateReview review, WikidataEnrichment wikidata, WebSessions sessions, Templates templates,
                         SiteInfo site) {
        this.review = review;
        this.wikidata = wikidata;
        this.sessions = sessions;
        this.templates = templates;
        this.site = site;
    }

    void list(Context ctx) {
        String message = null;
        String done = ctx.queryParam("done");
        String n = ctx.queryParam("n");
        if (n != null && n.matches("\\d{1,4}") && ("approved".equals(done) || "rejected".equals(done))) {
            message = n + (n.equals("1") ? " candidate " : " candidates ") + done
                    + ("approved".equals(done) ? ": listed, and their first crawl has been requested." : ".");
        }
        render(ctx, filters(ctx::queryParam), message, false, List.of(), "");
    }

    void decide(Context ctx) {
        String actor = sessions.moderator(ctx).username();
        Map<String, String> filters = filters(ctx::formParam);
        List<Long> ids = new ArrayList<>();
        for (String raw : ctx.formParams("id")) {
            try {
                ids.add(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                // not a candidate number: a tampered form; leave it out
            }
        }
        String action = ctx.formParam("action");
        CandidateReview.Outcome outcome;
        if ("approve".equals(action)) {
            outcome = review.approve(ids, Level.parse(ctx.formParam("set_level")).orElse(null),
                    Branch.parse(ctx.formParam("set_branch")).orElse(null), actor);
        } else if ("reject".equals(action)) {
            outcome = review.reject(ids, ctx.formParam("reason"), actor);
        } else {
            outcome = new CandidateReview.Outcome(List.of(), "Choose approve or reject.");
        }
        if (outcome.problem() == null && outcome.refused().isEmpty()) {
            Map<String, String> next = new LinkedHashMap<>(filters);
            next.put("done", "approve".equals(action) ? "approved" : "rejected");
            next.put("n", Long.toString(outcome.done()));
            ctx.redirect("/admin/candidates" + Pagination.query(next), HttpStatus.SEE_OTHER);
            return;
        }
        String message = outcome.problem() != null ? outcome.problem()
                : outcome.done() + " of " + outcome.decisions().size() + " ticked candidates "
                + ("approve".equals(action) ? "approved" : "rejected") + "; the others were left as they were:";
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, filters, message, true, outcome.refused(), ctx.formParam("reason") == null ? "" : ctx.formParam("reason"));
    }

    void positions(Context ctx) {
        ActiveSession s = sessions.moderator(ctx);
        templates.render(ctx, "admin/positions.jte", new AdminPositionsPage(site, ModerationController.nav(s, "candidates"),
                review.positions()));
    }

    /** GET /admin/wikidata: officials for whom several Wikidata items fit, to pick one. */
    void wikidataMatches(Context ctx) {
        String done = ctx.queryParam("done");
        renderMatches(ctx, "chosen".equals(done) ? "Wikidata item saved." : "dismissed".equals(done)
                ? "The proposed items were dismissed." : null, false);
    }

    /** POST /admin/wikidata/{id}: use one item (wikidata_id) or dismiss them all (action=dismiss). */
    void decideWikidata(Context ctx) {
        long officialId = OfficialController.parseId(ctx.pathParam("id"));
        String actor = sessions.moderator(ctx).username();
        try {
            if ("dismiss".equals(ctx.formParam("action"))) {
                wikidata.dismiss(officialId, actor);
                ctx.redirect("/admin/wikidata?done=dismissed", HttpStatus.SEE_OTHER);
            } else {
                String id = ctx.formParam("wikidata_id") == null ? "" : ctx.formParam("wikidata_id").strip();
                wikidata.accept(officialId, id, actor);
                ctx.redirect("/admin/wikidata?done=chosen", HttpStatus.SEE_OTHER);
            }
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderMatches(ctx, e.getMessage(), true);
        }
    }

    private void renderMatches(Context ctx, String message, boolean failed) {
        ActiveSession s = sessions.moderator(ctx);
        templates.render(ctx, "admin/wikidata.jte", new AdminWikidataPage(site, ModerationController.nav(s, "candidates"),
                wikidata.proposed(500), wikidata.countProposed(), message, failed));
    }

    private interface Params {
        String get(String name);
    }

    /** The filters as asked, each checked against its choices (an unknown value is no filter). */
    private static Map<String, String> filters(Params p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", CandidateStatus.parse(p.get("status")).map(CandidateStatus::code).orElse("pending"));
        String country = p.get("country") == null ? "" : p.get("country").strip().toUpperCase(java.util.Locale.ROOT);
        f.put("country", Countries.isValid(country) ? country : "");
        f.put("level", Level.parse(p.get("level")).map(Level::code).orElse(""));
        f.put("source", CandidateSource.parse(p.get("source")).map(CandidateSource::code).orElse(""));
        f.put("evidence", EvidenceStrength.parse(p.get("evidence")).map(EvidenceStrength::code).orElse(""));
        String page = p.get("page");
        f.put("page", page != null && page.matches("\\d{1,5}") && !page.equals("0") ? page : "");
        return f;
    }

    private void render(Context ctx, Map<String, String> f, String message, boolean failed,
                        List<CandidateReview.Decision> refused, String reason) {
        ActiveSession s = sessions.moderator(ctx);
        CandidateStatus status = CandidateStatus.parse(f.get("status")).orElse(CandidateStatus.PENDING);
        CandidateFilter filter = new CandidateFilter(status, f.get("country").isEmpty() ? null : f.get("country"),
                Level.parse(f.get("level")).orElse(null), CandidateSource.parse(f.get("source")).orElse(null),
                EvidenceStrength.parse(f.get("evidence")).orElse(null));
        int total = review.count(filter);
        int page = f.get("page").isEmpty() ? 1 : Integer.parseInt(f.get("page"));
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.min(page, pages);
        Map<String, String> params = new LinkedHashMap<>(f);
        params.remove("page");
        if ("pending".equals(params.get("status"))) params.remove("status");
        var counts = review.countsByStatus();
        templates.render(ctx, "admin/candidates.jte", new AdminCandidatesPage(site, ModerationController.nav(s, "candidates"), f,
                Arrays.stream(CandidateStatus.values()).map(x -> Map.entry(x.code(), x.label() + " (" + counts.get(x) + ")")).toList(),
                review.countries(status).stream().map(c -> Map.entry(c, Countries.name(c) + " (" + c + ")")).toList(),
                Arrays.stream(Level.values()).map(l -> Map.entry(l.code(), l.label())).toList(),
                Arrays.stream(Branch.values()).map(b -> Map.entry(b.code(), b.label())).toList(),
                Arrays.stream(CandidateSource.values()).map(x -> Map.entry(x.code(), x.label())).toList(),
                Arrays.stream(EvidenceStrength.values()).sorted((a, b) -> b.value() - a.value())
                        .map(x -> Map.entry(x.code(), x.label())).toList(),
                counts, review.page(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE),
                new Pagination(page, PAGE_SIZE, total, params), review.recentRuns(5), message, failed, refused, reason));
    }
}
