package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.export.ExportTables;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;

/** The read API against the real app: pages and next links, ETag and 304, CORS, the rate limit, JSON errors, the document. */
class ReadApiTest {

    @TempDir
    Path dir;
    TestServer server;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "5"),
                Clock.fixed(ExportFixture.NOW, ZoneOffset.UTC));
        ExportFixture.load(server.app);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) {
        // the limit is 5 a minute per address: each test has its own server and stays under it but the one on 429
        HttpRequest.Builder b = HttpRequest.newBuilder(server.base.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return server.send(b.build());
    }

    private JsonNode body(HttpResponse<String> res) throws IOException {
        return json.readTree(res.body());
    }

    @Test
    void listsArePagedWithNextLinksUntilTheEnd() throws IOException {
        HttpResponse<String> first = get("/api/v1/blogs?per_page=1&country=");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode page1 = body(first);
        assertThat(page1.get("data")).hasSize(1);
        assertThat(page1.get("data").get(0).get("blog_id").asLong()).isEqualTo(10);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("per_page").asInt()).isEqualTo(1);
        String nextUrl = page1.get("links").get("next").asText();
        assertThat(nextUrl).startsWith(server.app.config.serve().baseUrl() + "/api/v1/blogs?").contains("per_page=1", "page=2");
        assertThat(first.headers().firstValue("Link")).hasValue("<" + nextUrl + ">; rel=\"next\"");

        JsonNode page2 = body(get(URI.create(nextUrl).getRawPath() + "?" + URI.create(nextUrl).getRawQuery()));
        assertThat(page2.get("data")).hasSize(1);
        assertThat(page2.get("data").get(0).get("blog_id").asLong()).isEqualTo(11);
        assertThat(page2.get("links").get("next").isNull()).isTrue();

        // items carry the columns of the export file, in order
        List<String> keys = new ArrayList<>();
        page2.get("data").get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(ExportTables.BLOGS.columnNames());

        JsonNode posts = body(get("/api/v1/blogs/10/posts?from=2024-05-01&to=2024-05-31"));
        assertThat(posts.get("data")).hasSize(1);
        assertThat(posts.get("data").get(0).get("title").asText()).isEqualTo(ExportFixture.TITLE_100);
        assertThat(posts.get("data").get(0).get("published_at").asText()).isEqualTo("2024-05-01T10:00:00.123Z");
    }

    @Test
    void etagsAnswerAnUnchangedResourceWith304AndCorsIsOpenForGet() {
        HttpResponse<String> first = get("/api/v1/officials/1");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(first.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag", "Retry-After");

        HttpResponse<String> again = get("/api/v1/officials/1", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<String> other = get("/api/v1/officials/1", "If-None-Match", "\"somethingelse\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(first.body());
    }

    @Test
    void beyondTheLimitTheApiAnswers429WithRetryAfterAndAJsonMessage() throws IOException {
        for (int i = 0; i < 5; i++) assertThat(get("/api/v1/officials").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = get("/api/v1/officials");
        assertThat(limited.statusCode()).isEqualTo(429);
        long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 60L);
        assertThat(body(limited).get("message").asText()).contains("5 requests", "/data");
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        // the pages are not limited
        assertThat(server.get("/data").statusCode()).isEqualTo(200);
    }

    @Test
    void errorsAreJsonWithAMessage() throws IOException {
        HttpResponse<String> bad = get("/api/v1/blogs?per_page=5000");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).get("message").asText()).contains("per_page must be a whole number from 1 to 500");
        HttpResponse<String> badFilter = get("/api/v1/officials?level=galactic");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(body(badFilter).get("message").asText()).contains("level must be one of");
        JsonNode live = body(get("/api/v1/blogs/10"));
        assertThat(live.has("archive_period")).isTrue();
        assertThat(live.get("archive_period").isNull()).isTrue();
        JsonNode archived = body(get("/api/v1/blogs/11")).get("archive_period");
        assertThat(archived.get("blog_id").asLong()).isEqualTo(11);
        assertThat(archived.get("period_start").asText()).isEqualTo("2008-03-03T10:00:00Z");
        assertThat(archived.get("posts_per_week").asDouble()).isEqualTo(1.5);
        assertThat(archived.get("weeks_with_post").asInt()).isEqualTo(7);
        assertThat(archived.get("lower_bound").asBoolean()).isTrue();
        assertThat(archived.get("captures_read").asInt()).isEqualTo(8);
        HttpResponse<String> missing = get("/api/v1/blogs/999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).get("message").asText()).isEqualTo("There is no listed blog 999.");
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void rankingsTakeThePagesFiltersAndSorts() throws IOException {
        JsonNode all = body(get("/api/v1/rankings?tab=historical&per_page=10"));
        JsonNode ranked = body(get("/api/v1/rankings?per_page=10"));
        assertThat(all.get("total").asInt() + ranked.get("total").asInt()).isEqualTo(2);
        JsonNode cn = body(get("/api/v1/rankings?tab=historical&country=CN"));
        for (JsonNode row : cn.get("data")) assertThat(row.get("country").asText()).isEqualTo("CN");
        assertThat(cn.get("total").asInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheApiRoutesTheAppServes() throws IOException {
        JsonNode doc = json.readTree(server.get("/api/openapi.json").body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> served = new TreeSet<>();
        for (ParsedEndpoint e : server.javalin.unsafe.internalRouter.allHttpHandlers()) {
            String method = e.endpoint.method.name();
            if (e.endpoint.path.startsWith("/api/v1/") && !e.endpoint.path.contains("*")
                    && Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                served.add(method + " " + e.endpoint.path);
            }
        }
        assertThat(served).contains("GET /api/v1/rankings", "POST /api/v1/submissions", "GET /api/v1/admin/submissions");
        assertThat(documented).isEqualTo(served);
        // every documented response schema reference resolves
        String text = doc.toString();
        var refs = java.util.regex.Pattern.compile("#/components/(schemas|headers)/(\\w+)").matcher(text);
        while (refs.find()) assertThat(doc.get("components").get(refs.group(1)).has(refs.group(2))).as(refs.group()).isTrue();
        HttpResponse<String> page = server.get("/api");
        assertThat(page.statusCode()).isEqualTo(200);
        for (String route : served) assertThat(page.body()).contains(route);
    }
}
