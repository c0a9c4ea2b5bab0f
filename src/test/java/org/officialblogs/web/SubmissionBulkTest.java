package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.BulkSubmissions;
import org.officialblogs.registry.BulkSubmissions.Row;
import org.officialblogs.registry.BulkSubmissions.RowStatus;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

class SubmissionBulkTest {

    static final String HEADER = String.join(",", EntryValidator.COLUMNS) + "\n";
    static final String CSV = HEADER
            // line 2: new
            + "Anna Member,Member of Parliament,FI,,,national,legislative,,,,,https://anna.example.fi/,,,fi,,,https://eduskunta.example.fi/anna,\n"
            // line 3: the listed blog, another spelling of its address
            + "Listed Person,Senator,US,,,national,legislative,,,,,http://listed.example.org/blog?utm_source=x,,,,,,https://senate.example.gov/l,\n"
            // line 4: the same blog as line 2
            + "Anna M.,MP,FI,,,national,legislative,,,,,https://www.anna.example.fi,,,,,,https://eduskunta.example.fi/anna,\n"
            // line 5: a country that does not exist
            + "Bad Country,Mayor,ZZ,,,local,executive,,,,,https://bad.example.org/,,,,,,https://x.example.org/,\n"
            // line 6: no evidence
            + "No Sources,Mayor,FI,,,local,executive,,,,,https://nosources.example.fi/,,,,,,,\n"
            // line 7: too few columns
            + "Short,Row,FI\n"
            // line 8: a lead (no address yet) with evidence
            + "Lead Person,Mayor of Turku,FI,,Turku,local,executive,,,,,,,,,,,https://turku.example.fi/mayor,\n"
            // line 9: the blog already waiting as a pending submission
            + "Pending Person,Councillor,FI,,,local,legislative,,,,,https://pending.example.fi/,,,,,,https://x.example.fi/p,\n";

    static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Members' blogs</title></head>
              <body>
                <outline text="Eduskunta">
                  <outline text="Anna Member" type="rss" xmlUrl="https://anna.example.fi/feed/" htmlUrl="https://anna.example.fi/"/>
                  <outline text="Listed Person" xmlUrl="https://www.listed.example.org/blog/feed" htmlUrl="http://listed.example.org/blog/"/>
                  <outline text="" xmlUrl="https://noname.example.fi/rss"/>
                  <outline text="Bad Address" htmlUrl="javascript:alert(1)"/>
                  <outline text="No Address"/>
                  <outline title="Title Only" xmlUrl="https://titleonly.example.fi/atom.xml"/>
                  <outline text="Anna again" htmlUrl="https://anna.example.fi"/>
                </outline>
              </body>
            </opml>
            """;

    @TempDir
    Path dir;
    TestServer server;
    BulkSubmissions bulk;
    long listedId;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "50")).withModerator();
        bulk = server.app.moderation.bulk();
        server.app.importer.importCsv((HEADER + "Listed Person,Senator,US,,,national,legislative,,,,,https://www.listed.example.org/blog/,"
                + "https://www.listed.example.org/blog/feed,,,,,https://senate.example.gov/l,\n").getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "t");
        listedId = server.count("SELECT id FROM official");
        assertThat(SubmissionFormTest.submit(server.client(), SubmissionFormTest.with(SubmissionFormTest.valid(),
                "name", "Pending Person", "blog_url", "https://pending.example.fi/")).statusCode()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static BulkSubmissions.Form form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>(Map.of("submitter_name", "Jo Civic", "organisation", "Open Finland"));
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return BulkSubmissions.Form.from(m::get);
    }

    static BulkSubmissions.Form opmlForm() {
        return form("country", "FI", "level", "national", "branch", "legislative", "office", "Member of Parliament",
                "evidence_url", "https://eduskunta.example.fi/blogs");
    }

    @Test
    void theUploadTakesTheResearchFormatByTheImportsRules() {
        // the same file the import command takes: full country names, `source`, no branch, columns in any order
        String research = """
                name,office,country,region,level,blog_url,feed_url,active_years,source
                Kim Example,Member of the Finnish Parliament,Finland,,national,https://kim.example.fi/,,2020-,https://eduskunta.example.fi/kim
                Kim Again,Member of the Finnish Parliament,Finland,,national,https://www.kim.example.fi,,2021-,https://news.example.fi/kim
                Lou Example,Mayor of Turku,Finland,,local,https://lou.example.fi/,,2019-,
                """;
        BulkSubmissions.DryRun dry = bulk.dryRun("research.csv", research.getBytes(StandardCharsets.UTF_8), form());
        assertThat(dry.fileError()).isNull();
        assertThat(dry.rows()).extracting(Row::line, Row::status, Row::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, RowStatus.NEW, "will be submitted for review"),
                org.assertj.core.groups.Tuple.tuple(3L, RowStatus.DUPLICATE, "the same blog as line 2 of this file;"
                        + " one row a blog (put every source of it on that row)"),
                org.assertj.core.groups.Tuple.tuple(4L, RowStatus.ERROR, org.officialblogs.registry.RegistryCsv.SOURCE_NEEDED));
        BulkSubmissions.Committed done = bulk.commit(dry.confirmToken()).orElseThrow();
        assertThat(done.created()).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM submission WHERE country = 'FI' AND branch = 'legislative'"
                + " AND name = 'Kim Example'")).isEqualTo(1);
    }

    @Test
    void aCsvDryRunListsEveryRowAsNewDuplicateOrErrorAndSavesNothing() {
        BulkSubmissions.DryRun dry = bulk.dryRun("members.csv", CSV.getBytes(StandardCharsets.UTF_8), form());
        assertThat(dry.errors()).isEmpty();
        assertThat(dry.format()).isEqualTo("csv");
        assertThat(dry.fileError()).isNull();
        assertThat(dry.rows()).extracting(Row::line, Row::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, RowStatus.NEW),
                org.assertj.core.groups.Tuple.tuple(3L, RowStatus.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple(4L, RowStatus.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple(5L, RowStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple(6L, RowStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple(7L, RowStatus.ERROR),
                org.assertj.core.groups.Tuple.tuple(8L, RowStatus.NEW),
                org.assertj.core.groups.Tuple.tuple(9L, RowStatus.DUPLICATE));
        assertThat(dry.rows().get(1).reason()).isEqualTo("This blog is already in the directory, listed for Listed Person.");
        assertThat(dry.rows().get(1).officialId()).isEqualTo(listedId);
        assertThat(dry.rows().get(2).reason()).startsWith("the same blog as line 2 of this file; one row a blog");
        assertThat(dry.rows().get(3).reason()).startsWith("country: 'ZZ' is not a country");
        assertThat(dry.rows().get(4).reason()).startsWith("sources: at least one source is needed");
        assertThat(dry.rows().get(5).reason()).isEqualTo("expected 19 fields, found 3");
        assertThat(dry.rows().get(6).reason()).isEqualTo("a lead: no blog address yet");
        assertThat(dry.rows().get(7).reason()).contains("already submitted on").contains("waiting for a moderator");
        assertThat(dry.confirmToken()).hasSize(43);
        assertThat(server.count("SELECT count(*) FROM submission")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bulk_upload WHERE committed_at IS NULL")).isEqualTo(1);

        BulkSubmissions.Committed done = bulk.commit(dry.confirmToken()).orElseThrow();
        assertThat(done.created()).isEqualTo(2);
        assertThat(server.count("SELECT count(*) FROM submission WHERE bulk_upload_id IS NOT NULL AND status = 'pending'"
                + " AND submitter_name = 'Jo Civic' AND organisation = 'Open Finland'")).isEqualTo(2);
        List<Long> lines = server.app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT bulk_line FROM submission WHERE bulk_upload_id IS NOT NULL ORDER BY bulk_line").mapTo(Long.class).list());
        assertThat(lines).containsExactly(2L, 8L);
        // a confirm token works once
        assertThat(bulk.commit(dry.confirmToken())).isEmpty();
        assertThat(server.app.moderation.submissions().status(done.statusToken()).orElseThrow().submissions())
                .extracting(s -> s.entry().name()).containsExactly("Anna Member", "Lead Person");
    }

    @Test
    void theCommitChecksEveryRowAgainstTheRegistryAsItIsThen() {
        BulkSubmissions.DryRun dry = bulk.dryRun("members.csv", CSV.getBytes(StandardCharsets.UTF_8), form());
        server.app.importer.importCsv((HEADER + "Anna Member,Member of Parliament,FI,,,national,legislative,,,,,https://anna.example.fi/,,,,,,"
                + "https://eduskunta.example.fi/anna,\n").getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "meanwhile");
        BulkSubmissions.Committed done = bulk.commit(dry.confirmToken()).orElseThrow();
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.rows().get(0).status()).isEqualTo(RowStatus.DUPLICATE);
    }

    @Test
    void anOpmlFileTakesTheSharedValuesFromTheForm() {
        BulkSubmissions.DryRun missing = bulk.dryRun("blogroll.opml", OPML.getBytes(StandardCharsets.UTF_8), form());
        assertThat(missing.errors()).containsOnlyKeys("country", "level", "branch", "evidence_url");
        assertThat(missing.errors().get("country")).startsWith("is required for an OPML file");

        BulkSubmissions.DryRun dry = bulk.dryRun("blogroll.opml", OPML.getBytes(StandardCharsets.UTF_8), opmlForm());
        assertThat(dry.format()).isEqualTo("opml");
        assertThat(dry.rows()).extracting(Row::name, Row::status, Row::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Anna Member", RowStatus.NEW, "will be submitted for review"),
                org.assertj.core.groups.Tuple.tuple("Listed Person", RowStatus.DUPLICATE, "This blog is already in the directory, listed for Listed Person."),
                org.assertj.core.groups.Tuple.tuple(null, RowStatus.ERROR, "the outline has no text: the official's name is needed"),
                org.assertj.core.groups.Tuple.tuple("Bad Address", RowStatus.ERROR, "htmlUrl/xmlUrl: 'javascript:alert(1)' uses the scheme 'javascript'; only http and https are accepted"),
                org.assertj.core.groups.Tuple.tuple("No Address", RowStatus.ERROR, "the outline has neither an xmlUrl nor an htmlUrl"),
                org.assertj.core.groups.Tuple.tuple("Title Only", RowStatus.NEW, "will be submitted for review"),
                org.assertj.core.groups.Tuple.tuple("Anna again", RowStatus.DUPLICATE, "the same blog as line 6 of this file"));
        BulkSubmissions.Committed done = bulk.commit(dry.confirmToken()).orElseThrow();
        assertThat(done.created()).isEqualTo(2);
        Map<String, Object> anna = server.app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT * FROM submission WHERE name = 'Anna Member'").mapToMap().one());
        assertThat(anna).containsEntry("country", "FI").containsEntry("level", "national").containsEntry("branch", "legislative")
                .containsEntry("office", "Member of Parliament").containsEntry("blog_url", "https://anna.example.fi/")
                .containsEntry("feed_url", "https://anna.example.fi/feed/").containsEntry("sources", "https://eduskunta.example.fi/blogs");
        assertThat(server.count("SELECT count(*) FROM submission WHERE name = 'Title Only' AND blog_url = 'https://titleonly.example.fi/atom.xml'"
                + " AND feed_url IS NULL")).isEqualTo(1);
    }

    @Test
    void aHostileOrBrokenOpmlIsReportedAsAFileError() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<opml><body><outline text=\"&xxe;\" xmlUrl=\"https://x.example.org/\"/></body></opml>";
        BulkSubmissions.DryRun dry = bulk.dryRun("evil.opml", xxe.getBytes(StandardCharsets.UTF_8), opmlForm());
        assertThat(dry.fileError()).contains("declares a DOCTYPE");
        assertThat(dry.rows()).isEmpty();
        assertThat(dry.confirmToken()).isNull();
        assertThat(server.count("SELECT count(*) FROM bulk_upload")).isZero();
    }

    @Test
    void aCsvWithTheWrongColumnsOrNoFileIsRefusedAsAWhole() {
        BulkSubmissions.DryRun wrong = bulk.dryRun("x.csv", "full_name,nation\nAnn,US\n".getBytes(StandardCharsets.UTF_8), form());
        assertThat(wrong.fileError()).contains("unknown column(s) [full_name, nation]");
        assertThat(wrong.confirmToken()).isNull();
        assertThat(bulk.dryRun(null, new byte[0], form()).errors()).containsEntry("file", "choose a CSV or OPML file to upload");
        assertThat(bulk.dryRun("x.csv", CSV.getBytes(StandardCharsets.UTF_8), form("submitter_name", "")).errors())
                .containsOnlyKeys("submitter_name");
        byte[] huge = new byte[BulkSubmissions.MAX_BYTES + 1];
        assertThat(bulk.dryRun("big.csv", huge, form()).errors().get("file")).startsWith("is too large");
    }

    @Test
    void throughTheWebFormTheDryRunIsATableAndConfirmingGivesOneStatusLink() {
        WebClient c = server.client();
        Document page = WebClient.html(c.get("/submit/bulk"));
        assertThat(page.select("label[for=f-file]")).hasSize(1);
        assertThat(page.select("form[enctype=multipart/form-data] input[type=file][name=file]")).hasSize(1);
        assertThat(page.select(".columns code").text()).isEqualTo(String.join(",", EntryValidator.COLUMNS));
        String token = WebClient.csrfIn(page.outerHtml());

        HttpResponse<String> res = c.postFile("/submit/bulk", Map.of("_csrf", token, "submitter_name", "Jo Civic"), "file", "members.csv",
                CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).isEqualTo(200);
        Document report = WebClient.html(res);
        assertThat(report.select(".count").text()).contains("8 rows: 2 new, 3 duplicate, 3 with errors");
        assertThat(report.select("table.bulk-report tbody tr")).hasSize(8);
        assertThat(report.select("tr.row-duplicate a[href=/officials/" + listedId + "]")).hasSize(1);
        Element confirm = report.selectFirst("form[action=/submit/bulk/commit]");
        assertThat(confirm.select("button").text()).isEqualTo("Submit the 2 new rows for review");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element in : confirm.select("input")) fields.put(in.attr("name"), in.attr("value"));

        // without the CSRF token the commit is refused
        assertThat(c.post("/submit/bulk/commit", Map.of("confirm", fields.get("confirm"))).statusCode()).isEqualTo(403);
        HttpResponse<String> committed = c.post("/submit/bulk/commit", fields);
        assertThat(committed.statusCode()).isEqualTo(303);
        Document status = WebClient.html(c.get(committed.headers().firstValue("Location").orElseThrow()));
        assertThat(status.select(".submission-status h2").eachText()).containsExactly("Anna Member, Member of Parliament", "Lead Person, Mayor of Turku");
        assertThat(status.text()).contains("Bulk upload members.csv");
        // confirming twice explains itself
        HttpResponse<String> twice = c.post("/submit/bulk/commit", fields);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(WebClient.html(twice).text()).contains("already submitted, or more than 60 minutes have passed");

        // the moderator sees bulk rows in the queue, marked with their line
        WebClient m = server.client();
        m.login(TestServer.MODERATOR, TestServer.PASSWORD);
        assertThat(WebClient.html(m.get("/admin")).select(".queue-item .meta").text()).contains("bulk upload line 2").contains("bulk upload line 8");
    }

    @Test
    void throughTheWebFormAnOpmlWithoutSharedValuesKeepsTheFormAndNamesWhatIsMissing() {
        WebClient c = server.client();
        String token = c.csrf("/submit/bulk");
        HttpResponse<String> res = c.postFile("/submit/bulk", Map.of("_csrf", token, "submitter_name", "Jo Civic", "office", "Member of Parliament"),
                "file", "blogroll.opml", OPML.getBytes(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).isEqualTo(422);
        Document doc = WebClient.html(res);
        assertThat(doc.select(".error-summary li").eachText()).containsExactly(
                "Country of every row is required for an OPML file (an OPML file has no such field, so its rows share the value given here)",
                "Level of every row is required for an OPML file (an OPML file has no such field, so its rows share the value given here)",
                "Branch of every row is required for an OPML file (an OPML file has no such field, so its rows share the value given here)",
                "Evidence for every row is required for an OPML file: a public page that lists these officials' blogs");
        assertThat(doc.getElementById("f-office").attr("value")).isEqualTo("Member of Parliament");
        assertThat(doc.getElementById("f-submitter_name").attr("value")).isEqualTo("Jo Civic");

        HttpResponse<String> ok = c.postFile("/submit/bulk", Map.of("_csrf", token, "submitter_name", "Jo Civic", "country", "FI",
                "level", "national", "branch", "legislative", "evidence_url", "https://eduskunta.example.fi/blogs"),
                "file", "blogroll.opml", OPML.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(WebClient.html(ok).select(".count").text()).contains("OPML file: 7 rows: 2 new, 2 duplicate, 3 with errors");
        List<String> verdicts = WebClient.html(ok).select("table.bulk-report .badge").eachText();
        assertThat(verdicts).containsExactly("new", "duplicate", "error", "error", "error", "new", "duplicate");
    }
}
