package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.web.SubmissionFormTest.preview;
import static org.officialblogs.web.SubmissionFormTest.submit;
import static org.officialblogs.web.SubmissionFormTest.valid;
import static org.officialblogs.web.SubmissionFormTest.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.officialblogs.registry.SubmissionInput;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

/**
 * Hostile values in every field of the form and the API: stored literally (or refused with a clear error when
 * over-long or holding control characters), shown escaped on every page they reach, never breaking a page.
 */
class SubmissionHostileInputTest {

    static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&amp;";
    static final String SQL = "Robert'); DROP TABLE submission;-- ' OR '1'='1";
    static final String SCRIPTS = "Пётр 山田太郎 محمد Ελένη 👩🏽‍⚖️ Zoe\u0301 \u202Egnp.exe";

    @TempDir
    Path dir;
    TestServer server;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "1000")).withModerator();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(Arguments.of("html", HTML), Arguments.of("sql", SQL), Arguments.of("scripts", SCRIPTS));
    }

    /** Every value a hostile submission carries, all fields at once. */
    static Map<String, String> hostileFields(String label, String v) {
        return with(valid(), "name", v + " " + label, "office", v + " (office)", "region", v, "submitter_name", v,
                "organisation", v, "note", v + "\nsecond line " + v,
                "email", "<script>x</script>@example.org",
                "blog_url", "https://" + label + ".example.org/?q=%3Cscript%3E&x='+OR+1=1--",
                "evidence_url", "https://gov.example.org/" + label + "?p=%3Cb%3E&q='--");
    }

    /** No element or attribute came from the input: the page has no script, no injected image, and is whole. */
    static Document assertSafe(String where, HttpResponse<String> res) {
        String body = res.body();
        assertThat(body).as(where).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>");
        Document doc = Jsoup.parse(body);
        assertThat(doc.select("script")).as(where).isEmpty();
        assertThat(doc.select("img, [onerror]")).as(where).isEmpty();
        assertThat(doc.select("main#main")).as(where + ": the page is whole").hasSize(1);
        assertThat(doc.select("footer.site")).as(where + ": the page is whole").hasSize(1);
        return doc;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void storedLiterallyAndShownEscapedOnEveryPage(String label, String v) {
        Map<String, String> fields = hostileFields(label, v);
        WebClient c = server.client();
        HttpResponse<String> previewed = preview(c, fields);
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(assertSafe("preview", previewed).text()).contains(v + " " + label).contains(v + " (office)");

        HttpResponse<String> saved = submit(c, fields);
        assertThat(saved.statusCode()).isEqualTo(303);
        String statusUrl = saved.headers().firstValue("Location").orElseThrow();
        long id = server.count("SELECT max(id) FROM submission");
        Map<String, Object> row = server.app.database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM submission WHERE id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row).containsEntry("name", v + " " + label).containsEntry("office", v + " (office)").containsEntry("region", v)
                .containsEntry("submitter_name", v).containsEntry("organisation", v).containsEntry("note", v + "\nsecond line " + v)
                .containsEntry("email", "<script>x</script>@example.org")
                .containsEntry("blog_url", fields.get("blog_url")).containsEntry("sources", fields.get("evidence_url"));
        assertThat(assertSafe("status", c.get(statusUrl)).text()).contains(v + " " + label);

        WebClient m = server.client();
        m.login(TestServer.MODERATOR, TestServer.PASSWORD);
        assertThat(assertSafe("queue", m.get("/admin")).text()).contains(v + " " + label);
        Document detail = assertSafe("detail", m.get("/admin/submissions/" + id));
        assertThat(detail.getElementById("f-name").attr("value")).isEqualTo(v + " " + label);
        assertThat(detail.select("a[href^=mailto]").text()).isEqualTo("<script>x</script>@example.org");

        assertThat(m.adminPost("/admin/submissions/" + id + "/approve", Map.of()).statusCode()).isEqualTo(303);
        long officialId = server.count("SELECT official_id FROM submission WHERE id = " + id);
        Document official = assertSafe("official", server.get("/officials/" + officialId));
        assertThat(official.select("h1").text()).isEqualTo(v + " " + label);
        assertThat(official.select("a[href]").eachAttr("href")).contains(fields.get("blog_url"));
        assertThat(assertSafe("directory", server.get("/?tab=all")).select("table.directory th a").text()).isEqualTo(v + " " + label);
        assertSafe("admin official", m.get("/admin/officials/" + officialId));
        assertThat(assertSafe("audit", m.get("/admin/audit")).select("details pre").text()).contains("second line");
        assertSafe("admin search", m.get("/admin/officials?q=" + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));

        // a rejected one shows the hostile reason escaped to the submitter
        HttpResponse<String> again = submit(server.client(), with(fields, "blog_url", "https://again-" + label + ".example.org/",
                "name", v + " again"));
        String againUrl = again.headers().firstValue("Location").orElseThrow();
        long againId = server.count("SELECT max(id) FROM submission");
        assertThat(m.adminPost("/admin/submissions/" + againId + "/reject", Map.of("reason", v)).statusCode()).isEqualTo(303);
        assertThat(assertSafe("rejected status", server.get(againUrl)).select("blockquote.reason").text()).isEqualTo(v);
        assertThat(server.count("SELECT count(*) FROM submission")).as("the table survived").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void theApiStoresTheSameLiterally(String label, String v) throws Exception {
        ObjectNode body = json.createObjectNode();
        hostileFields(label, v).forEach(body::put);
        HttpResponse<String> res = server.client().postJson("/api/v1/submissions", json.writeValueAsString(body));
        assertThat(res.statusCode()).isEqualTo(201);
        JsonNode created = json.readTree(res.body());
        assertThat(res.headers().firstValue("Location")).hasValue(created.get("status_url").asText());
        long id = created.get("id").asLong();
        String note = server.app.database.jdbi().withHandle(h -> h.createQuery("SELECT note FROM submission WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(note).isEqualTo(v + "\nsecond line " + v);
        assertThat(assertSafe("status", server.get(created.get("status_url").asText().replace(server.app.config.serve().baseUrl().toString(), ""))).text())
                .contains(v + " " + label);
    }

    static Stream<Arguments> overLongAndControlCharacters() {
        List<Arguments> out = new ArrayList<>();
        for (String f : SubmissionInput.FIELDS) {
            String longValue = switch (f) {
                case "blog_url", "evidence_url" -> "https://example.org/" + "a".repeat(9980);
                case "email" -> "a".repeat(9988) + "@example.org";
                default -> "a".repeat(10_000);
            };
            out.add(Arguments.of(f, longValue, "(too long \\(10000 characters; at most \\d+\\)|longer than 2048 characters)"));
            String control = f.endsWith("_url") ? "https://example.org/\u001b[31m" : f.equals("email") ? "jo\u0007@example.org" : "Ann\u001b[31mred";
            out.add(Arguments.of(f, control, "control character"));
            if (!f.equals("note")) out.add(Arguments.of(f, "Ann\nExample", "(must be on one line|contains spaces)"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("overLongAndControlCharacters")
    void overLongValuesAndControlCharactersAreRefusedWithAClearErrorAndKept(String field, String value, String expected) throws Exception {
        WebClient c = server.client();
        HttpResponse<String> res = preview(c, with(valid(), field, value));
        assertThat(res.statusCode()).isEqualTo(422);
        Document doc = assertSafe(field, res);
        assertThat(doc.getElementById("f-" + field + "-error").text()).containsPattern(expected);
        if (value.length() == 10_000 && !List.of("country", "level", "branch").contains(field)) {
            // nothing typed is lost, even 10,000 characters
            String kept = field.equals("note") ? doc.getElementById("f-note").wholeText() : doc.getElementById("f-" + field).attr("value");
            assertThat(kept).isEqualTo(value);
        }
        ObjectNode body = json.createObjectNode();
        with(valid(), field, value).forEach(body::put);
        HttpResponse<String> api = c.postJson("/api/v1/submissions", json.writeValueAsString(body));
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(json.readTree(api.body()).get("errors").get(field).asText()).containsPattern(expected);
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
    }
}
