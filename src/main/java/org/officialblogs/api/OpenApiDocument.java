package org.officialblogs.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.officialblogs.export.Column;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.json.Json;
import org.officialblogs.registry.SubmissionInput;

/**
 * The OpenAPI 3.1 document of /api/v1, built from {@link ApiCatalog} (the operations) and {@link ExportTables}
 * (the item schemas: an API item has exactly the columns of the matching export file).
 */
public final class OpenApiDocument {

    private final ObjectMapper mapper = Json.mapper();
    private final byte[] json;

    /** The name of the security scheme of the moderators' API: their session cookie. */
    public static final String MODERATOR_SESSION = "moderatorSession";

    private final String sessionCookie;

    public OpenApiDocument(String baseUrl, String version) {
        this(baseUrl, version, "ob_session");
    }

    /** @param sessionCookie the name of a moderator's session cookie, which the admin API needs */
    public OpenApiDocument(String baseUrl, String version, String sessionCookie) {
        this.sessionCookie = sessionCookie;
        try {
            this.json = mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(build(baseUrl, version));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    /** The document as UTF-8 JSON. */
    public byte[] json() {
        return json.clone();
    }

    private ObjectNode build(String baseUrl, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Official Blogs read API");
        info.put("version", version);
        info.put("description", "Public officials who blog: the registry, posts, metrics and rankings, as JSON. "
                + "Every GET answers with an ETag (send If-None-Match for a 304), allows any origin (CORS), and is "
                + "rate limited per client address (429 with Retry-After). Lists are paged: follow links.next. "
                + "Errors are JSON objects with a message. Items have the columns of the files on /data, described "
                + "there.");
        info.putObject("license").put("name", "CC-BY-4.0 (data)").put("identifier", "CC-BY-4.0");
        root.putArray("servers").addObject().put("url", baseUrl);
        ObjectNode paths = root.putObject("paths");
        for (ApiEndpoint e : ApiCatalog.ENDPOINTS) {
            ObjectNode path = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            path.set(e.method().toLowerCase(Locale.ROOT), operation(e));
        }
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject(MODERATOR_SESSION).put("type", "apiKey").put("in", "cookie")
                .put("name", sessionCookie).put("description", "A moderator's session, set by logging in at /login"
                        + " (HttpOnly, SameSite=Strict); the read API and submissions need none.");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Official", tableSchema(ExportTables.OFFICIALS));
        schemas.set("Blog", tableSchema(ExportTables.BLOGS));
        schemas.set("Post", tableSchema(ExportTables.POSTS));
        schemas.set("MetricsDay", tableSchema(ExportTables.METRICS_HISTORY));
        ObjectNode withBlogs = schemas.putObject("OfficialWithBlogs");
        ArrayNode allOf = withBlogs.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/Official");
        ObjectNode extra = allOf.addObject().put("type", "object");
        extra.putObject("properties").putObject("blogs").put("type", "array").putObject("items")
                .put("$ref", "#/components/schemas/Blog");
        schemas.set("ArchivePeriod", tableSchema(ExportTables.ARCHIVE_PERIODS));
        ObjectNode withPeriod = schemas.putObject("BlogWithArchivePeriod");
        ArrayNode periodAllOf = withPeriod.putArray("allOf");
        periodAllOf.addObject().put("$ref", "#/components/schemas/Blog");
        ObjectNode period = periodAllOf.addObject().put("type", "object");
        period.putArray("required").add("archive_period");
        ArrayNode periodOrNull = period.putObject("properties").putObject("archive_period")
                .put("description", "The blog's active period read from a web archive's captures, with its figures"
                        + " and coverage; null when the blog was not read from the archive.")
                .putArray("anyOf");
        periodOrNull.addObject().put("$ref", "#/components/schemas/ArchivePeriod");
        periodOrNull.addObject().put("type", "null");
        schemas.set("RankingRow", rankingRow());
        ObjectNode error = schemas.putObject("Error").put("type", "object");
        error.putArray("required").add("status").add("message");
        ObjectNode ep = error.putObject("properties");
        ep.putObject("status").put("type", "integer").put("description", "The HTTP status.");
        ep.putObject("error").put("type", "string").put("description", "The status in words.");
        ep.putObject("message").put("type", "string").put("description", "What went wrong, and what to do about it.");
        ObjectNode headers = components.putObject("headers");
        headers.putObject("ETag").put("description", "Version of the response; send it back in If-None-Match.")
                .putObject("schema").put("type", "string");
        headers.putObject("RetryAfter").put("description", "Seconds to wait before the next request.")
                .putObject("schema").put("type", "integer");
        return root;
    }

    private ObjectNode operation(ApiEndpoint e) {
        ObjectNode op = mapper.createObjectNode();
        op.put("operationId", e.operationId());
        op.put("summary", e.summary());
        op.put("description", e.description());
        // public reads and submissions need no credentials; the moderation API needs a moderator's session
        ArrayNode security = op.putArray("security");
        if (e.path().startsWith("/api/v1/admin/")) security.addObject().putArray(MODERATOR_SESSION);
        if (!e.parameters().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            for (ApiEndpoint.Parameter p : e.parameters()) {
                ObjectNode n = params.addObject();
                n.put("name", p.name());
                n.put("in", p.in());
                n.put("required", p.in().equals("path"));
                n.put("description", p.description());
                ObjectNode s = n.putObject("schema").put("type", p.type());
                if (p.name().equals("from") || p.name().equals("to")) s.put("format", "date");
                if (!p.allowed().isEmpty()) {
                    ArrayNode en = s.putArray("enum");
                    p.allowed().forEach(en::add);
                }
            }
        }
        ObjectNode responses = op.putObject("responses");
        if (e.method().equals("POST")) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            ObjectNode schema = body.putObject("content").putObject("application/json").putObject("schema");
            schema.put("type", "object");
            ObjectNode props = schema.putObject("properties");
            for (String f : SubmissionInput.FIELDS) props.putObject(f).put("type", "string");
            props.putObject("kind").put("type", "string").putArray("enum").add("new").add("evidence");
            props.putObject("official_id").put("type", "integer");
            json(responses, "201", "Submitted: the status link is in Location and status_url.", objectSchema());
            json(responses, "409", "The blog is already known.", objectSchema());
            json(responses, "415", "The body is not JSON.", objectSchema());
            json(responses, "422", "Some fields have problems.", objectSchema());
            rateLimited(responses, objectSchema());
            return op;
        }
        if (e.path().startsWith("/api/v1/admin/")) {
            json(responses, "200", "The pending submissions.", objectSchema());
            json(responses, "401", "No moderator session.", ref("Error"));
            return op;
        }
        ObjectNode ok = json(responses, "200", e.summary() + ".", e.paginated() ? page(e.schema()) : ref(e.schema()));
        ok.putObject("headers").putObject("ETag").put("$ref", "#/components/headers/ETag");
        responses.putObject("304").put("description", "Not modified since the ETag sent in If-None-Match.");
        json(responses, "400", "A parameter has a value that cannot be used; the message says which.", ref("Error"));
        if (e.path().contains("{id}")) json(responses, "404", "No such entry.", ref("Error"));
        rateLimited(responses, ref("Error"));
        return op;
    }

    private void rateLimited(ObjectNode responses, ObjectNode schema) {
        ObjectNode r = json(responses, "429", "Too many requests from this address; wait Retry-After seconds.", schema);
        r.putObject("headers").putObject("Retry-After").put("$ref", "#/components/headers/RetryAfter");
    }

    private ObjectNode json(ObjectNode responses, String status, String description, ObjectNode schema) {
        ObjectNode r = responses.putObject(status);
        r.put("description", description);
        r.putObject("content").putObject("application/json").set("schema", schema);
        return r;
    }

    private ObjectNode ref(String schema) {
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private ObjectNode objectSchema() {
        return mapper.createObjectNode().put("type", "object");
    }

    private ObjectNode page(String item) {
        ObjectNode s = mapper.createObjectNode().put("type", "object");
        s.putArray("required").add("data").add("page").add("per_page").add("links");
        ObjectNode p = s.putObject("properties");
        p.putObject("data").put("type", "array").set("items", ref(item));
        p.putObject("page").put("type", "integer");
        p.putObject("per_page").put("type", "integer");
        p.putObject("total").put("type", "integer").put("description", "Matching items in all (rankings only).");
        ObjectNode links = p.putObject("links").put("type", "object");
        ObjectNode lp = links.putObject("properties");
        lp.putObject("self").put("type", "string").put("format", "uri");
        lp.putObject("next").putArray("type").add("string").add("null");
        return s;
    }

    private ObjectNode tableSchema(ExportTable t) {
        ObjectNode s = mapper.createObjectNode().put("type", "object");
        s.put("description", t.description() + " Columns as in " + t.name() + ".csv on /data.");
        ArrayNode required = s.putArray("required");
        ObjectNode props = s.putObject("properties");
        for (Column c : t.columns()) {
            required.add(c.name());
            ObjectNode p = props.putObject(c.name());
            String type = switch (c.type()) {
                case INTEGER -> "integer";
                case NUMBER -> "number";
                case BOOLEAN -> "boolean";
                case STRING, DATE, DATETIME -> "string";
            };
            if (c.required()) p.put("type", type);
            else p.putArray("type").add(type).add("null");
            if (c.type() == org.officialblogs.export.ColumnType.DATETIME) p.put("format", "date-time");
            if (c.type() == org.officialblogs.export.ColumnType.DATE) p.put("format", "date");
            if ("uri".equals(c.format())) p.put("format", "uri");
            p.put("description", c.description());
        }
        return s;
    }

    private ObjectNode rankingRow() {
        ObjectNode s = mapper.createObjectNode().put("type", "object");
        s.put("description", "One row of the rankings page.");
        ObjectNode p = s.putObject("properties");
        for (String[] f : List.of(
                new String[] {"blog_id", "integer", "The blog."},
                new String[] {"official_id", "integer", "The official."},
                new String[] {"name", "string", "The official's name."},
                new String[] {"office", "string", "The office held."},
                new String[] {"country", "string", "ISO 3166-1 alpha-2 country code."},
                new String[] {"region", "string|null", "Region, for regional and local officials."},
                new String[] {"locality", "string|null", "City, for local officials."},
                new String[] {"url", "string|null", "The blog's address (site, else feed)."},
                new String[] {"status", "string", "Measured status."},
                new String[] {"rank", "integer|null", "Competition rank; null in the historical list."},
                new String[] {"score", "number|null", "Score from 0 to 100; null for a blog never read (a lead, no data yet)."},
                new String[] {"posts_per_week", "number", "Average posts a week over 90 days."},
                new String[] {"weeks_with_post_12", "integer", "Of the last 12 weeks, how many had a post."},
                new String[] {"last_post_at", "string|null", "Newest post (ISO 8601, UTC)."},
                new String[] {"judged_with_comments", "integer", "Judged posts with reader comments."},
                new String[] {"judged_replied", "integer", "Of those, posts the official replied on."},
                new String[] {"reply_rate", "number|null", "Reply rate as shown; null while there is not enough data."},
                new String[] {"reply_rate_low", "number", "Lower bound of its 95 % interval."},
                new String[] {"reply_rate_high", "number", "Upper bound of its 95 % interval."},
                new String[] {"comments_closed", "boolean", "Comments were closed on every judged post."},
                new String[] {"replies_measurable", "string", "Whether the official's replies can be measured: measurable, not_on_platform (Medium), service_not_measured (Disqus, Facebook comments, Hyvor Talk) or not_readable (paid subscribers only, sign-in, robots.txt). Not measurable is not a reply rate of 0."},
                new String[] {"replies_measurable_reason", "string|null", "Why the replies cannot be measured, in words; null when they can."},
                new String[] {"median_reply_seconds", "integer|null", "Median time to the first reply, in seconds."},
                new String[] {"movement", "string|null", "Change since the previous day: up, down, same or new."},
                new String[] {"movement_places", "integer|null", "Places moved."},
                new String[] {"profile_url", "string", "The official's page."})) {
            ObjectNode n = p.putObject(f[0]);
            if (f[1].endsWith("|null")) n.putArray("type").add(f[1].substring(0, f[1].indexOf('|'))).add("null");
            else n.put("type", f[1]);
            n.put("description", f[2]);
        }
        return s;
    }
}
