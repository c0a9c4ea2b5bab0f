package org.officialblogs.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialblogs.api.ApiCatalog;
import org.officialblogs.api.ApiEndpoint;
import org.officialblogs.api.OpenApiDocument;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.export.ExportDao;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.json.Json;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * The read API under /api/v1 (JSON; items carry the columns of the export files), its OpenAPI document at
 * /api/openapi.json and its page at /api. Every GET answers with an ETag and honours If-None-Match, is open to any
 * origin, and is rate limited per client address (429 with Retry-After).
 */
final class ApiController {

    private final ExportDao exports;
    private final MetricsReadDao metrics;
    private final RateLimiter limiter;
    private final SiteInfo site;
    private final Templates templates;
    private final OpenApiDocument openApi;
    private final ObjectMapper mapper = Json.mapper();
    /** Made once: a writer per response would look up the same serializers again. */
    private final ObjectWriter writer = mapper.writer();

    ApiController(ExportDao exports, MetricsReadDao metrics, RateLimiter limiter, SiteInfo site, Templates templates) {
        this.exports = exports;
        this.metrics = metrics;
        this.limiter = limiter;
        this.site = site;
        this.templates = templates;
        this.openApi = new OpenApiDocument(site.baseUrl(), site.version(),
                WebSessions.cookieName(site.baseUrl().startsWith("https:")));
    }

    /** Before every /api/v1 request: CORS for the public reads, and the rate limit. */
    void guard(Context ctx) {
        if (!"GET".equals(ctx.method().name()) || ctx.path().startsWith("/api/v1/admin")) return;
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag, Link, Retry-After");
        RateLimiter.Decision d = limiter.tryAcquire(ctx.ip());
        if (!d.allowed()) {
            long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).json(Map.of("status", 429, "error", "Too many requests",
                    "message", "This address sent more than " + limiter.max() + " requests in a minute; try again in "
                            + seconds + " s, or download the files on /data for bulk use."));
            ctx.skipRemainingHandlers();
        }
    }

    void officials(Context ctx) {
        list(ctx, ExportTables.OFFICIALS, DataController.filter(ctx));
    }

    void official(Context ctx) {
        long id = id(ctx);
        List<Object[]> rows = exports.list(ExportTables.OFFICIALS, ExportFilter.NONE.withOfficial(id), 0, 1);
        if (rows.isEmpty()) throw new NotFoundResponse("There is no listed official " + id + ".");
        Map<String, Object> body = item(ExportTables.OFFICIALS, rows.get(0));
        List<Map<String, Object>> blogs = new ArrayList<>();
        for (Object[] b : exports.list(ExportTables.BLOGS, ExportFilter.NONE.withOfficial(id), 0, 0)) {
            blogs.add(item(ExportTables.BLOGS, b));
        }
        body.put("blogs", blogs);
        respond(ctx, body);
    }

    void blogs(Context ctx) {
        list(ctx, ExportTables.BLOGS, DataController.filter(ctx));
    }

    void blog(Context ctx) {
        long id = id(ctx);
        List<Object[]> rows = exports.list(ExportTables.BLOGS, ExportFilter.NONE.withBlog(id), 0, 1);
        if (rows.isEmpty()) throw new NotFoundResponse("There is no listed blog " + id + ".");
        Map<String, Object> body = item(ExportTables.BLOGS, rows.get(0));
        List<Object[]> period = exports.list(ExportTables.ARCHIVE_PERIODS, ExportFilter.NONE.withBlog(id), 0, 1);
        body.put("archive_period", period.isEmpty() ? null : item(ExportTables.ARCHIVE_PERIODS, period.get(0)));
        respond(ctx, body);
    }

    void posts(Context ctx) {
        long id = requireBlog(ctx);
        list(ctx, ExportTables.POSTS, DataController.filter(ctx).withBlog(id));
    }

    void history(Context ctx) {
        long id = requireBlog(ctx);
        list(ctx, ExportTables.METRICS_HISTORY, DataController.filter(ctx).withBlog(id));
    }

    void rankings(Context ctx) {
        int page = pageNumber(ctx);
        int perPage = perPage(ctx);
        RankingParams params = RankingParams.parse(ctx).withPage(page);
        // the page parameter is checked strictly above; the others must be known values too
        List<String> problems = params.problems().stream().filter(p -> !p.endsWith("is not a page number")).toList();
        if (!problems.isEmpty()) throw new io.javalin.http.BadRequestResponse("Cannot list the rankings: "
                + String.join("; ", problems) + ".");
        MetricsReadDao.RankingResult result = metrics.rankings(params.filter(perPage));
        List<Map<String, Object>> data = new ArrayList<>();
        for (MetricsReadDao.RankingRow r : result.rows()) data.add(rankingRow(r));
        boolean more = (long) params.page() * perPage < result.total();
        Map<String, Object> body = page(ctx, data, params.page(), perPage, more);
        body.put("total", result.total());
        respond(ctx, body);
    }

    void openApi(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/json").result(openApi.json());
    }

    void page(Context ctx) {
        List<ApiPage.Operation> ops = new ArrayList<>();
        for (ApiEndpoint e : ApiCatalog.ENDPOINTS) {
            List<ApiPage.Param> params = e.parameters().stream().map(p -> new ApiPage.Param(p.name(), p.in(),
                    p.description() + (p.allowed().isEmpty() ? "" : " One of: " + String.join(", ", p.allowed()) + ".")))
                    .toList();
            String example = e.method().equals("GET") && !e.path().contains("/admin/")
                    ? e.path().replace("{id}", "1") : null;
            ops.add(new ApiPage.Operation(e.method(), e.path(), e.summary(), e.description(), params, example));
        }
        templates.render(ctx, "api.jte", new ApiPage(site, ops, ApiCatalog.DEFAULT_PER_PAGE, ApiCatalog.MAX_PER_PAGE,
                limiter.max()));
    }

    // ---------------------------------------------------------------- helpers

    private void list(Context ctx, ExportTable table, ExportFilter filter) {
        int page = pageNumber(ctx);
        int perPage = perPage(ctx);
        List<Object[]> rows = exports.list(table, filter, (long) (page - 1) * perPage, perPage + 1);
        boolean more = rows.size() > perPage;
        String next = more ? url(ctx, page + 1) : null;
        if (next != null) ctx.header("Link", "<" + next + ">; rel=\"next\"");
        respond(ctx, listBody(mapper, table, rows.subList(0, Math.min(perPage, rows.size())), page, perPage, url(ctx, page), next));
    }

    /**
     * A page of rows as JSON, written straight from the rows: the same bytes as the page's map written by the
     * mapper ({@code {"data": [items], "page", "per_page", "links": {"self", "next"}}}), without building a map
     * per row or looking up a serializer per value.
     */
    static byte[] listBody(ObjectMapper mapper, ExportTable table, List<Object[]> rows, int page, int perPage, String self, String next) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + rows.size() * 1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            var columns = table.columns();
            for (Object[] row : rows) {
                g.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    g.writeFieldName(columns.get(i).name());
                    Object v = row[i];
                    if (v == null) g.writeNull();
                    else if (v instanceof String t) g.writeString(t);
                    else if (v instanceof Long n) g.writeNumber(n);
                    else if (v instanceof Double d) g.writeNumber(d);
                    else if (v instanceof Boolean b) g.writeBoolean(b);
                    else if (v instanceof Instant t) g.writeString(org.officialblogs.export.IsoInstant.format(t));
                    else mapper.writeValue(g, v);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("page", page);
            g.writeNumberField("per_page", perPage);
            g.writeObjectFieldStart("links");
            g.writeStringField("self", self);
            g.writeStringField("next", next);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
        return out.toByteArray();
    }

    private Map<String, Object> page(Context ctx, List<Map<String, Object>> data, int page, int perPage, boolean more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("page", page);
        body.put("per_page", perPage);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", url(ctx, page));
        String next = more ? url(ctx, page + 1) : null;
        links.put("next", next);
        body.put("links", links);
        if (next != null) ctx.header("Link", "<" + next + ">; rel=\"next\"");
        return body;
    }

    /** The request's own URL with another page number. */
    private String url(Context ctx, int page) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("page")) continue;
            for (String v : e.getValue()) {
                q.append(q.isEmpty() ? "?" : "&").append(enc(e.getKey())).append('=').append(enc(v));
            }
        }
        q.append(q.isEmpty() ? "?" : "&").append("page=").append(page);
        return site.baseUrl() + ctx.path() + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, Object> item(ExportTable table, Object[] row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) m.put(table.columns().get(i).name(), row[i]);
        return m;
    }

    private Map<String, Object> rankingRow(MetricsReadDao.RankingRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blog_id", r.blogId());
        m.put("official_id", r.officialId());
        m.put("name", r.name());
        m.put("office", r.office());
        m.put("country", r.country());
        m.put("region", r.region());
        m.put("locality", r.locality());
        m.put("url", r.address());
        m.put("status", r.status().code());
        m.put("rank", r.rank());
        // leads and blogs never read have no score: the formula's priors alone are not a measurement
        m.put("score", r.neverMeasured() ? null : r.score());
        m.put("posts_per_week", r.postsPerWeek());
        m.put("weeks_with_post_12", r.weeksWithPostLast12());
        m.put("last_post_at", r.lastPostAt());
        m.put("judged_with_comments", r.judgedPostsWithReaderComments());
        m.put("judged_replied", r.judgedPostsReplied());
        m.put("reply_rate", r.replyRateShown());
        m.put("reply_rate_low", r.replyRateInterval().lower());
        m.put("reply_rate_high", r.replyRateInterval().upper());
        m.put("comments_closed", r.commentsClosedEverywhere());
        m.put("replies_measurable", r.repliesMeasurable() == null ? "measurable" : r.repliesMeasurable());
        m.put("replies_measurable_reason", r.repliesMeasured() ? null : r.repliesReason());
        m.put("median_reply_seconds", r.medianTimeToFirstReply() == null ? null : r.medianTimeToFirstReply().toSeconds());
        m.put("movement", r.movement() == null ? null : r.movement().direction().code());
        m.put("movement_places", r.movement() == null ? null : r.movement().places());
        m.put("profile_url", site.baseUrl() + "/officials/" + r.officialId());
        return m;
    }

    /** Writes the body with a strong ETag of its bytes, or 304 when the client already holds it. */
    private void respond(Context ctx, Object body) {
        byte[] bytes;
        try {
            bytes = writer.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        respond(ctx, bytes);
    }

    private void respond(Context ctx, byte[] bytes) {
        String etag = etag(bytes);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=60");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals(etag) || t.equals("*")) {
                    ctx.status(HttpStatus.NOT_MODIFIED);
                    return;
                }
            }
        }
        ctx.contentType("application/json").result(bytes);
    }

    /**
     * A strong validator of the body: its CRC-32C and Adler-32 checksums and its length (128 bits, quoted hex).
     * Both checksums run in hardware or native code, a tenth of a SHA-256's cost; a validator needs to tell versions
     * of one resource apart, not resist forgery. It is taken from the bytes rather than from a data version because
     * the answers show what changes without one (crawl times, moderators' edits, another process's writes).
     */
    static String etag(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(bytes);
        return String.format(java.util.Locale.ROOT, "\"%08x%08x%016x\"", crc.getValue(), adler.getValue(),
                (long) bytes.length);
    }

    private long requireBlog(Context ctx) {
        long id = id(ctx);
        if (exports.list(ExportTables.BLOGS, ExportFilter.NONE.withBlog(id), 0, 1).isEmpty()) {
            throw new NotFoundResponse("There is no listed blog " + id + ".");
        }
        return id;
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NotFoundResponse("'" + raw + "' is not an identifier here; identifiers are positive whole numbers.");
    }

    private static int pageNumber(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isBlank()) return 1;
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1 && page <= 1_000_000) return page;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("page must be a whole number from 1, got '" + raw + "'");
    }

    private static int perPage(Context ctx) {
        String raw = ctx.queryParam("per_page");
        if (raw == null || raw.isBlank()) return ApiCatalog.DEFAULT_PER_PAGE;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= ApiCatalog.MAX_PER_PAGE) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("per_page must be a whole number from 1 to " + ApiCatalog.MAX_PER_PAGE + ", got '" + raw + "'");
    }
}
