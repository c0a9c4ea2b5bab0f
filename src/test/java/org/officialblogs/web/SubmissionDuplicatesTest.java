package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.web.SubmissionFormTest.preview;
import static org.officialblogs.web.SubmissionFormTest.submit;
import static org.officialblogs.web.SubmissionFormTest.valid;
import static org.officialblogs.web.SubmissionFormTest.with;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

class SubmissionDuplicatesTest {

    @TempDir
    Path dir;
    TestServer server;
    long listedId;

    @BeforeEach
    void start() {
        FixedBlogPreviewer previewer = new FixedBlogPreviewer()
                .answer("https://newblog.example.net/", new BlogPreviewer.Preview("https://www.listed.example.org/blog/feed",
                        "wordpress", 3, Instant.parse("2026-01-01T00:00:00Z"), null));
        server = new TestServer(dir, previewer, Map.of());
        String csv = String.join(",", EntryValidator.COLUMNS) + "\n"
                + "Bea Listed,Senator,US,,,national,legislative,,,,,https://www.listed.example.org/blog/,"
                + "https://www.listed.example.org/blog/feed,,,,,https://senate.example.gov/bea,\n";
        assertThat(server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "t").rejected()).isEmpty();
        listedId = server.count("SELECT id FROM official WHERE name = 'Bea Listed'");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.listed.example.org/blog/",
            "https://listed.example.org/blog",
            "http://listed.example.org/blog/",
            "http://WWW.Listed.Example.org/blog?utm_source=newsletter&utm_medium=email",
            "https://listed.example.org/blog/#comments",
            "https://www.listed.example.org/blog/feed/",
    })
    void aListedBlogIsCaughtWhateverTheVariantOfItsAddress(String variant) {
        WebClient c = server.client();
        HttpResponse<String> res = preview(c, with(valid(), "blog_url", variant));
        assertThat(res.statusCode()).isEqualTo(200);
        Document doc = WebClient.html(res);
        assertThat(doc.select("#dup-title").text()).isEqualTo("Already known");
        assertThat(doc.select(".duplicate a[href=/officials/" + listedId + "]").text()).contains("Bea Listed");
        assertThat(doc.select(".duplicate").text()).contains("already in the directory");
        // no way to send it as new, only to add evidence
        assertThat(doc.select("form[action=/submit] button").eachText()).containsExactly("Go back and change something");
        assertThat(doc.select("form[action=/submit/evidence] button").text()).isEqualTo("Add my evidence to this entry instead");
        // and posting it anyway is refused
        HttpResponse<String> forced = submit(c, with(valid(), "blog_url", variant));
        assertThat(forced.statusCode()).isEqualTo(409);
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
    }

    @Test
    void theFeedFoundByTheCheckAlsoCatchesADuplicate() {
        Document doc = WebClient.html(preview(server.client(), with(valid(), "blog_url", "https://newblog.example.net/")));
        assertThat(doc.select(".duplicate a[href=/officials/" + listedId + "]")).hasSize(1);
    }

    @Test
    void evidenceForTheListedEntryBecomesAnEvidenceSubmission() {
        WebClient c = server.client();
        Document doc = WebClient.html(preview(c, with(valid(), "blog_url", "http://listed.example.org/blog",
                "evidence_url", "https://news.example.com/bea-blogs")));
        Element form = doc.selectFirst("form[action=/submit/evidence]");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element in : form.select("input[type=hidden]")) fields.put(in.attr("name"), in.attr("value"));
        assertThat(fields).containsEntry("official_id", Long.toString(listedId));
        HttpResponse<String> res = c.post("/submit/evidence", fields);
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(server.count("SELECT count(*) FROM submission WHERE kind = 'evidence' AND official_id = " + listedId
                + " AND sources = 'https://news.example.com/bea-blogs' AND name = 'Bea Listed'")).isEqualTo(1);
        Document status = WebClient.html(c.get(res.headers().firstValue("Location").orElseThrow()));
        assertThat(status.text()).contains("Evidence for a listed entry").contains("Bea Listed");
    }

    @Test
    void aPendingSubmissionOfTheSameBlogIsCaughtToo() {
        WebClient first = server.client();
        assertThat(submit(first, valid()).statusCode()).isEqualTo(303);
        WebClient second = server.client();
        HttpResponse<String> res = preview(second, with(valid(), "blog_url", "http://www.ann.example.org?utm_campaign=x",
                "name", "A. Example"));
        Document doc = WebClient.html(res);
        assertThat(doc.select(".duplicate").text()).contains("already submitted on").contains("waiting for a moderator");
        assertThat(doc.select("form[action=/submit] button").eachText()).containsExactly("Go back and change something");
        assertThat(submit(second, with(valid(), "blog_url", "https://ann.example.org")).statusCode()).isEqualTo(409);
        assertThat(server.count("SELECT count(*) FROM submission")).isEqualTo(1);
    }

    @Test
    void theSameOfficialWithAnotherBlogOnlyWarns() {
        WebClient c = server.client();
        Map<String, String> secondBlog = with(valid(), "name", "bea  LISTED", "office", "Senator", "country", "US",
                "level", "national", "branch", "legislative", "blog_url", "https://bea.substack.example.com/");
        Document doc = WebClient.html(preview(c, secondBlog));
        assertThat(doc.select("#dup-title").text()).isEqualTo("Possibly already known");
        assertThat(doc.select(".duplicate").text()).contains("already in the directory (same name, country and office)");
        assertThat(doc.select("form[action=/submit] button").first().text()).isEqualTo("Send for review anyway");
        assertThat(submit(c, secondBlog).statusCode()).isEqualTo(303);
    }

    @Test
    void goingBackToChangeSomethingRefillsTheForm() {
        WebClient c = server.client();
        Document doc = WebClient.html(preview(c, valid()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element in : doc.select("form[action=/submit] input[type=hidden]")) fields.put(in.attr("name"), in.attr("value"));
        Document form = WebClient.html(c.post("/submit/edit", fields));
        assertThat(form.getElementById("f-name").attr("value")).isEqualTo("Ann Example");
        assertThat(form.getElementById("f-note").text()).isEqualTo("Linked from the city's page.");
        assertThat(form.select(".error-summary")).isEmpty();
    }
}
