package org.officialblogs.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.json.Json;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.Duplicate;
import org.officialblogs.registry.ModerationService;
import org.officialblogs.registry.Submission;
import org.officialblogs.registry.SubmissionInput;
import org.officialblogs.registry.SubmissionService;

/**
 * POST /api/v1/submissions: the submission form as JSON, with the same checks. 201 with the private status link
 * (Location header and body); 422 with {"errors":{"field":"problem"}}; 409 when the blog is already known, with
 * the duplicates; 400 for a body that is not a JSON object; 415 for another content type; 429 when rate limited.
 * Also GET /api/v1/admin/submissions, the moderators' queue (needs a moderator's session, else 401).
 */
final class SubmissionApiController {

    private final SubmissionService submissions;
    private final ModerationService moderation;
    private final SubmissionLimits limits;
    private final SiteInfo site;
    private final ObjectMapper json = Json.mapper();

    SubmissionApiController(SubmissionService submissions, ModerationService moderation, SubmissionLimits limits, SiteInfo site) {
        this.submissions = submissions;
        this.moderation = moderation;
        this.limits = limits;
        this.site = site;
    }

    void create(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(errors("body", "send a JSON object with Content-Type: application/json"));
            return;
        }
        // an address already over its limit is answered before its body is read
        RateLimiter.Decision early = limits.submissions().check(ctx.ip());
        if (!early.allowed()) {
            tooMany(ctx, early);
            return;
        }
        JsonNode root;
        try {
            root = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(errors("body", "is not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(errors("body", "must be a JSON object of the submission's fields"));
            return;
        }
        SubmissionRequest.Parsed parsed = SubmissionRequest.parse(root);
        if (!parsed.ok()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("errors", parsed.problems()));
            return;
        }
        SubmissionRequest request = parsed.request();
        SubmissionService.Validated v = request.evidence()
                ? submissions.validateEvidence(request.officialId(), request.input())
                : submissions.validate(request.input());
        if (!v.ok()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("errors", v.result().errors()));
            return;
        }
        // every attempt past the field checks counts, a duplicate too, before anything is fetched
        RateLimiter.Decision d = limits.submissions().tryAcquire(ctx.ip());
        if (!d.allowed()) {
            tooMany(ctx, d);
            return;
        }
        SubmissionService.Outcome outcome = request.evidence() ? submissions.submitEvidence(v) : submissions.submit(v);
        if (outcome instanceof SubmissionService.Created c) {
            String url = site.baseUrl() + "/submissions/" + c.token();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", c.submission().id());
            body.put("kind", c.submission().kind().code());
            body.put("status", c.submission().status().code());
            body.put("status_url", url);
            body.put("preview", preview(c.submission().preview()));
            ctx.status(HttpStatus.CREATED).header("Location", url).json(body);
        } else if (outcome instanceof SubmissionService.Invalid i) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("errors", i.check().errors()));
        } else if (outcome instanceof SubmissionService.Blocked b) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errors", Map.of("blog_url", b.check().duplicates().stream().filter(Duplicate::blocking)
                    .findFirst().map(Duplicate::reason).orElse("is already known")));
            body.put("duplicates", b.check().duplicates().stream().map(this::duplicate).toList());
            ctx.status(HttpStatus.CONFLICT).json(body);
        }
    }

    private void tooMany(Context ctx, RateLimiter.Decision d) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(d.retryAfterSeconds()))
                .json(Map.of("errors", Map.of("rate_limit", limits.message(limits.submissions(), d)
                        .replace(" what you typed is still below.", ""))));
    }

    /** GET /api/v1/admin/submissions: the pending queue. */
    void queue(Context ctx) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ModerationService.QueueItem item : moderation.queue(500)) {
            Submission s = item.submission();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("kind", s.kind().code());
            m.put("created_at", s.createdAt());
            m.put("name", s.entry().name());
            m.put("office", s.entry().office());
            m.put("country", s.entry().country());
            m.put("level", s.entry().level().code());
            m.put("branch", s.entry().branch().code());
            m.put("blog_url", s.entry().blogUrl());
            m.put("feed_url", s.entry().feedUrl());
            m.put("sources", s.entry().sources());
            m.put("official_id", s.officialId());
            m.put("submitter_name", s.submitter().name());
            m.put("organisation", s.submitter().organisation());
            m.put("preview", preview(s.preview()));
            m.put("duplicates", item.duplicates().stream().map(this::duplicate).toList());
            items.add(m);
        }
        ctx.json(Map.of("pending", items.size(), "submissions", items));
    }

    private Map<String, Object> duplicate(Duplicate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("blocking", d.blocking());
        m.put("reason", d.reason());
        m.put("name", d.name());
        m.put("address", d.address());
        if (d.officialId() != null) m.put("official_url", site.baseUrl() + "/officials/" + d.officialId());
        return m;
    }

    private static Map<String, Object> preview(BlogPreviewer.Preview p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feed_found", p.feedFound());
        m.put("feed_url", p.feedUrl());
        m.put("platform", p.platform());
        m.put("post_count", p.postCount());
        m.put("latest_post_at", p.latestPostAt());
        m.put("message", p.message());
        return m;
    }

    private static Map<String, Object> errors(String field, String message) {
        return Map.of("errors", Map.of(field, message));
    }
}
