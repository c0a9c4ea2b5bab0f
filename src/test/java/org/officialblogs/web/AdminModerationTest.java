package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.web.SubmissionFormTest.submit;
import static org.officialblogs.web.SubmissionFormTest.valid;
import static org.officialblogs.web.SubmissionFormTest.with;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.ListingStatus;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

class AdminModerationTest {

    @TempDir
    Path dir;
    TestServer server;
    WebClient moderator;

    @BeforeEach
    void start() {
        FixedBlogPreviewer previewer = new FixedBlogPreviewer().answer("https://ann.example.org/",
                new BlogPreviewer.Preview("https://ann.example.org/feed/", "WordPress", 12, Instant.parse("2026-11-20T10:00:00Z"), null));
        server = new TestServer(dir, previewer, Map.of()).withModerator();
        moderator = server.client();
        assertThat(moderator.login(TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Submits through the public form; returns the submission's id and its status link. */
    Map.Entry<Long, String> submitted(Map<String, String> fields) {
        HttpResponse<String> res = submit(server.client(), fields);
        assertThat(res.statusCode()).isEqualTo(303);
        long id = server.count("SELECT max(id) FROM submission");
        return Map.entry(id, res.headers().firstValue("Location").orElseThrow().replace("?new", ""));
    }

    @Test
    void approvingListsTheBlogRequestsItsCrawlAndIsAudited() {
        var s = submitted(valid());
        Document queue = WebClient.html(moderator.get("/admin"));
        Element item = queue.getElementById("submission-" + s.getKey());
        assertThat(item.text()).contains("Ann Example").contains("Mayor of Springfield").contains("Feed found: https://ann.example.org/feed/")
                .contains("12 posts").contains("latest 2026-11-20").contains("Jo Civic (Open Springfield)");

        HttpResponse<String> res = moderator.adminPost("/admin/submissions/" + s.getKey() + "/approve", Map.of());
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).hasValue("/admin?done=approved");
        assertThat(WebClient.html(moderator.get("/admin?done=approved")).select(".notice").text()).startsWith("Approved");

        long officialId = server.count("SELECT official_id FROM submission WHERE id = " + s.getKey());
        Official o = server.app.registry.officialById(officialId).orElseThrow();
        assertThat(o.origin()).isEqualTo(Origin.SUBMISSION);
        assertThat(o.originRef()).isEqualTo("submission #" + s.getKey());
        Blog b = server.app.registry.blogsOf(officialId).get(0);
        assertThat(b.status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(b.siteUrl()).isEqualTo("https://ann.example.org/");
        assertThat(b.feedUrl()).isEqualTo("https://ann.example.org/feed/");
        assertThat(b.platform()).isEqualTo("wordpress");
        assertThat(server.app.registry.sourcesOf(officialId)).extracting(x -> x.url()).containsExactly("https://city.example.gov/ann");
        assertThat(server.crawlRequests).containsExactly(b.id());

        // the directory lists it; the submitter's status page links to it
        assertThat(WebClient.html(server.get("/?tab=all")).select("table.directory a[href=/officials/" + officialId + "]").text()).isEqualTo("Ann Example");
        Document status = WebClient.html(server.get(s.getValue()));
        assertThat(status.select(".badge.approved").text()).isEqualTo("Approved");
        assertThat(status.select("a[href=/officials/" + officialId + "]")).hasSize(1);

        // the audit log has who, what, and the record before and after
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE actor = 'moderator' AND action = 'submission.approve' AND subject_id = "
                + s.getKey() + " AND before_json LIKE '%\"status\" : \"PENDING\"%' AND after_json LIKE '%\"status\" : \"ACTIVE\"%'")).isEqualTo(1);
        Document audit = WebClient.html(moderator.get("/admin/audit"));
        assertThat(audit.select("table.audit tbody tr")).hasSize(1);
        assertThat(audit.select("table.audit tbody td").get(1).text()).isEqualTo("moderator");
        assertThat(audit.select("table.audit code").text()).isEqualTo("submission.approve");
        assertThat(audit.select("details pre").get(1).text()).contains("\"name\" : \"Ann Example\"");

        // deciding twice is refused
        HttpResponse<String> again = moderator.adminPost("/admin/submissions/" + s.getKey() + "/approve", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebClient.html(again).select(".alert").text()).contains("was already approved by moderator");
    }

    @Test
    void aModeratorCanEditBeforeApproving() {
        var s = submitted(with(valid(), "office", "Mayr of Springfeld"));
        Document page = WebClient.html(moderator.get("/admin/submissions/" + s.getKey()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element in : page.select("form.entry-edit input, form.entry-edit textarea")) fields.put(in.attr("name"), in.is("textarea") ? in.text() : in.attr("value"));
        for (Element sel : page.select("form.entry-edit select")) fields.put(sel.attr("name"), sel.select("option[selected]").attr("value"));
        assertThat(fields).containsEntry("office", "Mayr of Springfeld").containsEntry("sources", "https://city.example.gov/ann");

        // a bad edit is refused with the field named, and the values stay
        fields.put("office", "Mayor of Springfield");
        fields.put("wikidata_id", "42");
        fields.put("action", "approve");
        HttpResponse<String> bad = moderator.post("/admin/submissions/" + s.getKey(), fields);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(bad).getElementById("f-wikidata_id-error").text()).contains("is not a Wikidata item id");
        assertThat(WebClient.html(bad).getElementById("f-office").attr("value")).isEqualTo("Mayor of Springfield");
        assertThat(server.count("SELECT count(*) FROM submission WHERE status = 'pending'")).isEqualTo(1);

        fields.put("wikidata_id", "Q42");
        HttpResponse<String> ok = moderator.post("/admin/submissions/" + s.getKey(), fields);
        assertThat(ok.statusCode()).isEqualTo(303);
        Official o = server.app.registry.officialById(server.count("SELECT official_id FROM submission WHERE id = " + s.getKey())).orElseThrow();
        assertThat(o.office()).isEqualTo("Mayor of Springfield");
        assertThat(o.wikidataId()).isEqualTo("Q42");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'submission.edit' AND before_json LIKE '%Mayr of Springfeld%'"
                + " AND after_json LIKE '%\"office\" : \"Mayor of Springfield\"%'")).isEqualTo(1);
    }

    @Test
    void rejectingNeedsAReasonWhichTheSubmitterSees() {
        var s = submitted(valid());
        HttpResponse<String> empty = moderator.adminPost("/admin/submissions/" + s.getKey() + "/reject", Map.of("reason", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(empty).getElementById("f-reason-error").text()).contains("Please give a reason");
        String reason = "The evidence page does not mention a blog.\nPlease send the page that links to it.";
        assertThat(moderator.adminPost("/admin/submissions/" + s.getKey() + "/reject", Map.of("reason", reason)).statusCode()).isEqualTo(303);
        Document status = WebClient.html(server.get(s.getValue()));
        assertThat(status.select(".badge.rejected").text()).isEqualTo("Rejected");
        assertThat(status.select("blockquote.reason").first().wholeText()).isEqualTo(reason);
        assertThat(server.count("SELECT count(*) FROM official")).isZero();
        assertThat(server.crawlRequests).isEmpty();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'submission.reject'")).isEqualTo(1);
    }

    @Test
    void aSubmissionCanBeMergedIntoAListedOfficial() {
        String csv = String.join(",", EntryValidator.COLUMNS) + "\n"
                + "Ann Example,\"Mayor, City of Springfield\",US,Illinois,,local,executive,,,,,,,,,,,https://city.example.gov/ann,\n";
        server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "t");
        long listed = server.count("SELECT id FROM official");
        var s = submitted(valid());
        Document page = WebClient.html(moderator.get("/admin/submissions/" + s.getKey()));
        // the office is worded differently, so it is not the same identity: the moderator merges by number
        assertThat(page.select("form[action$=/merge] button").eachText()).containsExactly("Merge and approve");

        HttpResponse<String> bad = moderator.adminPost("/admin/submissions/" + s.getKey() + "/merge", Map.of("official_id", "nine"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(bad).getElementById("f-official_id-error").text()).contains("must be the number of a listed official");

        assertThat(moderator.adminPost("/admin/submissions/" + s.getKey() + "/merge", Map.of("official_id", Long.toString(listed))).statusCode()).isEqualTo(303);
        assertThat(server.count("SELECT count(*) FROM official")).isEqualTo(1);
        List<Blog> blogs = server.app.registry.blogsOf(listed);
        // the lead of the listed official became the submitted blog
        assertThat(blogs).singleElement().satisfies(b -> {
            assertThat(b.siteUrl()).isEqualTo("https://ann.example.org/");
            assertThat(b.status()).isEqualTo(ListingStatus.ACTIVE);
        });
        assertThat(server.app.registry.officialById(listed).orElseThrow().office()).isEqualTo("Mayor, City of Springfield");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'submission.merge'")).isEqualTo(1);
        assertThat(server.crawlRequests).containsExactly(blogs.get(0).id());
    }

    @Test
    void theSameOfficialIsSuggestedForMerging() {
        String csv = String.join(",", EntryValidator.COLUMNS) + "\n"
                + "Ann Example,Mayor of Springfield,US,,,local,executive,,,,,https://old.example.org/,,,,,,https://city.example.gov/ann,\n";
        server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "t");
        long listed = server.count("SELECT id FROM official");
        var s = submitted(valid());
        Document page = WebClient.html(moderator.get("/admin/submissions/" + s.getKey()));
        assertThat(page.select("#dups ~ ul").text()).contains("already in the directory (same name, country and office)");
        Element suggested = page.select("form[action$=/merge]").first();
        assertThat(suggested.text()).isEqualTo("Merge into #" + listed + " Ann Example");
        Map<String, String> form = new LinkedHashMap<>();
        for (Element in : suggested.select("input")) form.put(in.attr("name"), in.attr("value"));
        assertThat(moderator.post("/admin/submissions/" + s.getKey() + "/merge", form).statusCode()).isEqualTo(303);
        assertThat(server.app.registry.blogsOf(listed)).extracting(Blog::siteUrl).containsExactly("https://old.example.org/", "https://ann.example.org/");
        assertThat(server.app.registry.blogsOf(listed)).extracting(Blog::status).containsOnly(ListingStatus.ACTIVE);
    }

    @Test
    void approvedEvidenceAddsASourceToTheListedEntry() {
        String csv = String.join(",", EntryValidator.COLUMNS) + "\n"
                + "Bea Listed,Senator,US,,,national,legislative,,,,,https://bea.example.org/,,,,,,https://senate.example.gov/bea,\n";
        server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "t");
        long listed = server.count("SELECT id FROM official");
        WebClient c = server.client();
        Map<String, String> fields = with(valid(), "blog_url", "https://www.bea.example.org", "evidence_url", "https://news.example.com/bea",
                "official_id", Long.toString(listed), "_csrf", c.csrf("/submit"));
        assertThat(c.post("/submit/evidence", fields).statusCode()).isEqualTo(303);
        long id = server.count("SELECT max(id) FROM submission");
        assertThat(WebClient.html(moderator.get("/admin")).getElementById("submission-" + id).text()).contains("Evidence for official #" + listed);
        assertThat(moderator.adminPost("/admin/submissions/" + id + "/approve", Map.of()).statusCode()).isEqualTo(303);
        assertThat(server.app.registry.sourcesOf(listed)).extracting(x -> x.url())
                .containsExactly("https://senate.example.gov/bea", "https://news.example.com/bea");
        assertThat(server.app.registry.blogsOf(listed)).hasSize(1);
    }

    @Test
    void officialsAndBlogsCanBeEditedWithAliasesAndRecrawledAndEveryActionIsAudited() {
        var s = submitted(valid());
        moderator.adminPost("/admin/submissions/" + s.getKey() + "/approve", Map.of());
        long officialId = server.count("SELECT id FROM official");
        long blogId = server.count("SELECT id FROM blog");
        server.crawlRequests.clear();

        Document found = WebClient.html(moderator.get("/admin/officials?q=springfield"));
        assertThat(found.select("a[href=/admin/officials/" + officialId + "]").text()).isEqualTo("Ann Example");

        Map<String, String> official = new LinkedHashMap<>(Map.of("name", "Ann Example", "office", "Mayor of Springfield", "country", "US",
                "region", "Illinois", "level", "local", "branch", "executive", "party", "Independent"));
        assertThat(moderator.adminPost("/admin/officials/" + officialId, official).statusCode()).isEqualTo(303);
        assertThat(server.app.registry.officialById(officialId).orElseThrow().party()).isEqualTo("Independent");

        official.put("country", "Atlantis");
        HttpResponse<String> bad = moderator.adminPost("/admin/officials/" + officialId, official);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(bad).getElementById("f-country-error").text()).contains("'Atlantis' is not a country: give its two-letter ISO 3166-1 code");

        Map<String, String> blog = new LinkedHashMap<>(Map.of("site_url", "https://ann.example.org/", "feed_url", "https://ann.example.org/feed/",
                "status", "dormant", "authorship", "self", "platform", "wordpress", "language", "en",
                "aliases", "Ann\nMayor Ann\n ann \nann_example\n"));
        assertThat(moderator.adminPost("/admin/blogs/" + blogId, blog).statusCode()).isEqualTo(303);
        Blog b = server.app.registry.blogById(blogId).orElseThrow();
        assertThat(b.status()).isEqualTo(ListingStatus.DORMANT);
        assertThat(b.authorship().code()).isEqualTo("self");
        assertThat(server.app.moderation.moderation().aliases(blogId)).containsExactly("Ann", "Mayor Ann", "ann_example");
        Document edit = WebClient.html(moderator.get("/admin/officials/" + officialId));
        assertThat(edit.getElementById("f-aliases").wholeText()).isEqualTo("Ann\nMayor Ann\nann_example");

        blog.put("status", "active");
        blog.put("site_url", "");
        blog.put("feed_url", "");
        HttpResponse<String> noAddress = moderator.adminPost("/admin/blogs/" + blogId, blog);
        assertThat(noAddress.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(noAddress).getElementById("f-status-error").text()).contains("needs a site or feed address");

        assertThat(moderator.adminPost("/admin/blogs/" + blogId + "/recrawl", Map.of()).statusCode()).isEqualTo(303);
        assertThat(server.crawlRequests).containsExactly(blogId);

        assertThat(server.count("SELECT count(*) FROM audit_log WHERE actor = 'moderator'")).isEqualTo(4);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'blog.edit' AND before_json LIKE '%\"aliases\" : [ ]%'"
                + " AND after_json LIKE '%\"Mayor Ann\"%'")).isEqualTo(1);
        Document audit = WebClient.html(moderator.get("/admin/audit"));
        assertThat(audit.select("table.audit code").eachText())
                .containsExactly("blog.recrawl", "blog.edit", "official.edit", "submission.approve");

        // the archive button asks the background pass for a read, whatever the blog's state
        assertThat(moderator.adminPost("/admin/blogs/" + blogId + "/archive", Map.of()).statusCode()).isEqualTo(303);
        assertThat(server.count("SELECT count(*) FROM archive_read WHERE blog_id = " + blogId
                + " AND state = 'requested' AND reason = 'requested'")).isEqualTo(1);
        assertThat(moderator.adminPost("/admin/blogs/999999/archive", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void theModerationApiListsThePendingQueue() {
        var s = submitted(valid());
        HttpResponse<String> res = moderator.get("/api/v1/admin/submissions");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("\"pending\":1").contains("\"id\":" + s.getKey()).contains("\"feed_url\":\"https://ann.example.org/feed/\"")
                .contains("\"created_at\":\"20");
    }
}
