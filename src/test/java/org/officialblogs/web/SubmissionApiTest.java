package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.web.SubmissionFormTest.valid;
import static org.officialblogs.web.SubmissionFormTest.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

class SubmissionApiTest {

    @TempDir
    Path dir;
    TestServer server;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        server = new TestServer(dir, new FixedBlogPreviewer().answer("https://ann.example.org/", new BlogPreviewer.Preview(
                "https://ann.example.org/feed/", "wordpress", 7, Instant.parse("2026-11-01T00:00:00Z"), null)),
                Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "2"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(Object body) throws Exception {
        return server.client().postJson("/api/v1/submissions", body instanceof String s ? s : json.writeValueAsString(body));
    }

    @Test
    void aValidSubmissionIs201WithTheStatusLinkInLocationAndBody() throws Exception {
        HttpResponse<String> res = post(valid());
        assertThat(res.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(res.body());
        String url = body.get("status_url").asText();
        assertThat(url).matches(server.app.config.serve().baseUrl() + "/submissions/[A-Za-z0-9_-]{43}");
        assertThat(res.headers().firstValue("Location")).hasValue(url);
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("kind").asText()).isEqualTo("new");
        assertThat(body.get("preview").get("feed_url").asText()).isEqualTo("https://ann.example.org/feed/");
        assertThat(body.get("preview").get("post_count").asInt()).isEqualTo(7);
        assertThat(body.get("preview").get("latest_post_at").asText()).isEqualTo("2026-11-01T00:00:00Z");
        // no CSRF token is needed: there is no cookie-based authority behind this endpoint
        assertThat(server.get(url.substring(server.app.config.serve().baseUrl().toString().length())).statusCode()).isEqualTo(200);
    }

    @Test
    void fieldErrorsAre422WithFieldNames() throws Exception {
        HttpResponse<String> res = post(with(valid(), "blog_url", "ftp://ann.example.org/", "name", "", "country", "XX"));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode errors = json.readTree(res.body()).get("errors");
        assertThat(errors.get("blog_url").asText()).isEqualTo("'ftp://ann.example.org/' uses the scheme 'ftp'; only http and https are accepted");
        assertThat(errors.get("name").asText()).isEqualTo("is required");
        assertThat(errors.get("country").asText()).contains("'XX' is not a country: give its two-letter ISO 3166-1 code");
        assertThat(errors.size()).isEqualTo(3);

        JsonNode typed = json.readTree(post("{\"name\": 42, \"office\": [\"x\"], \"color\": \"red\"}").body()).get("errors");
        assertThat(typed.get("name").asText()).isEqualTo("must be a string");
        assertThat(typed.get("office").asText()).isEqualTo("must be a string");
        assertThat(typed.get("color").asText()).startsWith("is not a field of a submission");
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400AndAnotherContentTypeIs415() throws Exception {
        HttpResponse<String> broken = post("{\"name\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).get("errors").get("body").asText()).startsWith("is not valid JSON");
        assertThat(post("[1, 2]").statusCode()).isEqualTo(400);
        assertThat(post("\"text\"").statusCode()).isEqualTo(400);
        HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.base.resolve("/api/v1/submissions"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=Ann")).build());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json.readTree(form.body()).get("errors").get("body").asText()).contains("Content-Type: application/json");
    }

    @Test
    void aKnownBlogIs409WithTheDuplicatesAndEvidenceCanBeSentInstead() throws Exception {
        server.app.importer.importCsv((String.join(",", EntryValidator.COLUMNS) + "\n"
                + "Ann Example,Mayor of Springfield,US,,,local,executive,,,,,https://www.ann.example.org,,,,,,https://city.example.gov/ann,\n")
                .getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "t");
        long id = server.count("SELECT id FROM official");
        HttpResponse<String> res = post(with(valid(), "blog_url", "http://ann.example.org/?utm_source=x"));
        assertThat(res.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(res.body());
        assertThat(body.get("errors").get("blog_url").asText()).contains("already in the directory");
        assertThat(body.get("duplicates").get(0).get("kind").asText()).isEqualTo("listed_blog");
        assertThat(body.get("duplicates").get(0).get("official_url").asText()).isEqualTo(server.app.config.serve().baseUrl() + "/officials/" + id);

        // invalid fields are not counted against the limit (2 an hour here; the 409 above was the first)
        assertThat(post(json.createObjectNode().put("kind", "evidence").put("evidence_url", "https://news.example.com/ann")
                .put("submitter_name", "Jo")).statusCode()).isEqualTo(422);
        assertThat(post(json.createObjectNode().put("kind", "gossip")).statusCode()).isEqualTo(422);
        HttpResponse<String> evidence = post(json.createObjectNode().put("kind", "evidence").put("official_id", id)
                .put("evidence_url", "https://news.example.com/ann").put("submitter_name", "Jo Civic"));
        assertThat(evidence.statusCode()).isEqualTo(201);
        assertThat(json.readTree(evidence.body()).get("kind").asText()).isEqualTo("evidence");
        // the duplicate counted too: the address has used its two
        assertThat(post(with(valid(), "blog_url", "https://other.example.org/", "name", "Other")).statusCode()).isEqualTo(429);
    }

    @Test
    void theRateLimitIs429WithRetryAfter() throws Exception {
        assertThat(post(valid()).statusCode()).isEqualTo(201);
        assertThat(post(with(valid(), "blog_url", "https://b.example.org/", "name", "B")).statusCode()).isEqualTo(201);
        HttpResponse<String> res = post(with(valid(), "blog_url", "https://c.example.org/", "name", "C"));
        assertThat(res.statusCode()).isEqualTo(429);
        assertThat(res.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(3500L, 3600L);
        assertThat(json.readTree(res.body()).get("errors").get("rate_limit").asText()).contains("we accept 2 an hour");
        // the form and the API share the limit: the same address is refused on the form too
        WebClient c = server.client();
        assertThat(SubmissionFormTest.submit(c, with(valid(), "blog_url", "https://d.example.org/", "name", "D")).statusCode()).isEqualTo(429);
    }
}
