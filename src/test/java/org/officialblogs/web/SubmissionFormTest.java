package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.auth.SecretTokens;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.SubmissionInput;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

class SubmissionFormTest {

    @TempDir
    Path dir;
    TestServer server;
    final FixedBlogPreviewer previewer = new FixedBlogPreviewer()
            .answer("https://ann.example.org/", new BlogPreviewer.Preview("https://ann.example.org/feed/", "wordpress", 42,
                    Instant.parse("2026-10-30T08:00:00Z"), null));

    @BeforeEach
    void start() {
        server = new TestServer(dir, previewer, Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "3"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Map<String, String> valid() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Ann Example");
        m.put("office", "Mayor of Springfield");
        m.put("country", "US");
        m.put("region", "Illinois");
        m.put("level", "local");
        m.put("branch", "executive");
        m.put("blog_url", "https://ann.example.org/");
        m.put("evidence_url", "https://city.example.gov/ann");
        m.put("submitter_name", "Jo Civic");
        m.put("organisation", "Open Springfield");
        m.put("email", "jo@example.org");
        m.put("note", "Linked from the city's page.");
        return m;
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    /** POSTs the form to the preview step with the client's CSRF token. */
    static HttpResponse<String> preview(WebClient c, Map<String, String> fields) {
        return c.post("/submit/preview", with(fields, "_csrf", c.csrf("/submit")));
    }

    static HttpResponse<String> submit(WebClient c, Map<String, String> fields) {
        return c.post("/submit", with(fields, "_csrf", c.csrf("/submit")));
    }

    void load(String rows) {
        var report = server.app.importer.importCsv((String.join(",", EntryValidator.COLUMNS) + "\n" + rows)
                .getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test");
        assertThat(report.rejected()).isEmpty();
    }

    @Test
    void everyFieldHasALabelHelpAndTheHoneypotIsHidden() {
        Document doc = WebClient.html(server.client().get("/submit"));
        for (String f : SubmissionInput.FIELDS) {
            Element input = doc.getElementById("f-" + f);
            assertThat(input).as(f).isNotNull();
            assertThat(input.attr("name")).isEqualTo(f);
            assertThat(doc.select("label[for=f-" + f + "]")).as("label of " + f).hasSize(1);
            for (String id : input.attr("aria-describedby").split(" ")) {
                if (!id.isEmpty()) assertThat(doc.getElementById(id)).as(f + " describedby " + id).isNotNull();
            }
        }
        assertThat(doc.getElementById("f-blog_url").attr("aria-describedby")).isEqualTo("f-blog_url-help");
        assertThat(doc.select("#f-country option")).hasSizeGreaterThan(240);
        Element honeypot = doc.getElementById("f-leave_empty");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(honeypot.parent().hasClass("hp")).isTrue();
        assertThat(doc.select("label[for=f-leave_empty]").text()).isEqualTo("Leave this field empty");
        assertThat(doc.select("form[action=/submit/preview] input[name=_csrf]").attr("value")).hasSize(43);
    }

    @Test
    void previewShowsTheFeedFoundThenSubmittingGivesAPrivateStatusLink() {
        WebClient c = server.client();
        HttpResponse<String> preview = preview(c, valid());
        assertThat(preview.statusCode()).isEqualTo(200);
        Document doc = WebClient.html(preview);
        assertThat(doc.select(".preview dd").eachText()).containsExactly("https://ann.example.org/feed/", "wordpress", "42", "2026-10-30");
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
        // the confirm form carries every field back
        Map<String, String> carried = new LinkedHashMap<>();
        for (Element in : doc.select("form[action=/submit] input[type=hidden]")) carried.put(in.attr("name"), in.attr("value"));
        assertThat(carried).containsAllEntriesOf(valid());

        HttpResponse<String> saved = c.post("/submit", carried);
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/submissions/[A-Za-z0-9_-]{43}\\?new");
        String token = location.substring("/submissions/".length(), location.indexOf('?'));
        // only the token's hash is stored
        assertThat(server.count("SELECT count(*) FROM submission WHERE token_hash = '" + SecretTokens.hash(token) + "'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM submission WHERE token_hash LIKE '%" + token + "%'")).isZero();
        assertThat(server.count("SELECT count(*) FROM submission WHERE preview_feed_url = 'https://ann.example.org/feed/' AND preview_post_count = 42")).isEqualTo(1);

        HttpResponse<String> status = c.get(location);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = WebClient.html(status);
        assertThat(page.select(".badge.pending").text()).isEqualTo("Waiting for a moderator");
        assertThat(page.select(".notice .url a").attr("href")).isEqualTo(server.app.config.serve().baseUrl() + "/submissions/" + token);
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        // another visitor with the link sees the same; a wrong or malformed token sees nothing
        assertThat(server.get("/submissions/" + token).statusCode()).isEqualTo(200);
        assertThat(server.get("/submissions/" + new SecretTokens().generate()).statusCode()).isEqualTo(404);
        assertThat(server.get("/submissions/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void aBlogWithoutAFeedCanStillBeSentAndTheReasonIsShown() {
        WebClient c = server.client();
        Document doc = WebClient.html(preview(c, with(valid(), "blog_url", "https://nofeed.example.org/")));
        assertThat(doc.select(".preview .notice").text()).contains("No feed was found").contains(FixedBlogPreviewer.NOT_FOUND);
        assertThat(doc.select("form[action=/submit] button").first().text()).isEqualTo("Send for review anyway");
        assertThat(submit(c, with(valid(), "blog_url", "https://nofeed.example.org/")).statusCode()).isEqualTo(303);
        assertThat(server.count("SELECT count(*) FROM submission WHERE preview_feed_url IS NULL AND preview_message = '"
                + FixedBlogPreviewer.NOT_FOUND + "'")).isEqualTo(1);
    }

    @Test
    void errorsArePerFieldInPlainWordsAndTheFormKeepsWhatWasTyped() {
        WebClient c = server.client();
        Map<String, String> bad = with(valid(), "name", "", "blog_url", "javascript:alert(1)", "evidence_url", "city page",
                "email", "not-an-email", "level", "galactic");
        HttpResponse<String> res = preview(c, bad);
        assertThat(res.statusCode()).isEqualTo(422);
        Document doc = WebClient.html(res);
        assertThat(doc.select(".error-summary li")).hasSize(5);
        assertThat(doc.getElementById("f-name-error").text()).isEqualTo("Error: Official's name is required");
        assertThat(doc.getElementById("f-blog_url-error").text()).contains("uses the scheme 'javascript'; only http and https are accepted");
        assertThat(doc.getElementById("f-evidence_url-error").text()).contains("'city page' contains spaces");
        assertThat(doc.getElementById("f-email-error").text()).contains("is not an email address");
        assertThat(doc.getElementById("f-level-error").text()).contains("'galactic' is not one of");
        assertThat(doc.getElementById("f-blog_url").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.getElementById("f-blog_url").attr("aria-describedby")).isEqualTo("f-blog_url-help f-blog_url-error");
        // nothing typed is lost
        assertThat(doc.getElementById("f-blog_url").attr("value")).isEqualTo("javascript:alert(1)");
        assertThat(doc.getElementById("f-evidence_url").attr("value")).isEqualTo("city page");
        assertThat(doc.getElementById("f-office").attr("value")).isEqualTo("Mayor of Springfield");
        assertThat(doc.select("#f-country option[selected]").attr("value")).isEqualTo("US");
        assertThat(doc.getElementById("f-note").text()).isEqualTo("Linked from the city's page.");
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
    }

    @Test
    void withoutACsrfTokenAPostIsForbidden() {
        WebClient c = server.client();
        c.get("/submit");
        assertThat(c.post("/submit", valid()).statusCode()).isEqualTo(403);
        assertThat(c.post("/submit", with(valid(), "_csrf", new SecretTokens().generate())).statusCode()).isEqualTo(403);
        assertThat(c.post("/submit/preview", valid()).statusCode()).isEqualTo(403);
        // a token from another visitor's cookie does not work either
        String other = server.client().csrf("/submit");
        HttpResponse<String> res = c.post("/submit", with(valid(), "_csrf", other));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(WebClient.html(res).select("main p").first().text()).contains("expired or did not come from this site");
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
    }

    @Test
    void theHoneypotStopsBotsAndSavesNothing() {
        WebClient c = server.client();
        HttpResponse<String> res = submit(c, with(valid(), "leave_empty", "http://spam.example/"));
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(WebClient.html(res).text()).contains("looks automated and was not saved");
        assertThat(preview(c, with(valid(), "leave_empty", "x")).statusCode()).isEqualTo(400);
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
    }

    @Test
    void theRateLimitAnswers429WithAClearMessageAndKeepsTheForm() {
        WebClient c = server.client();
        for (int i = 1; i <= 3; i++) {
            assertThat(submit(c, with(valid(), "blog_url", "https://b" + i + ".example.org/", "name", "Person " + i)).statusCode())
                    .as("submission " + i).isEqualTo(303);
        }
        HttpResponse<String> res = submit(c, with(valid(), "blog_url", "https://b4.example.org/", "name", "Person 4"));
        assertThat(res.statusCode()).isEqualTo(429);
        assertThat(res.headers().firstValue("Retry-After")).isPresent();
        Document doc = WebClient.html(res);
        assertThat(doc.select(".alert").text()).contains("Too many submissions from your address: we accept 3 an hour")
                .contains("Please try again in 60 minutes");
        assertThat(doc.getElementById("f-name").attr("value")).isEqualTo("Person 4");
        assertThat(server.count("SELECT count(*) FROM submission")).isEqualTo(3);
    }

    @Test
    void previewsAreLimitedToSixTimesTheSubmissionsSinceEachFetchesAnAddress() {
        WebClient c = server.client();
        String token = c.csrf("/submit");
        for (int i = 1; i <= 18; i++) {
            assertThat(c.post("/submit/preview", with(valid(), "_csrf", token)).statusCode()).as("preview " + i).isEqualTo(200);
        }
        HttpResponse<String> res = c.post("/submit/preview", with(valid(), "_csrf", token));
        assertThat(res.statusCode()).isEqualTo(429);
        assertThat(WebClient.html(res).select(".alert").text()).contains("Too many checks from your address: we accept 18 an hour");
        // saving is counted apart: the submitter can still send what they checked
        assertThat(c.post("/submit", with(valid(), "_csrf", token)).statusCode()).isEqualTo(303);
    }
}
