package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.SeedLoader;
import org.officialblogs.testkit.TestServer;

class DirectoryPagesTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void load(String rows) {
        String csv = String.join(",", EntryValidator.COLUMNS) + "\n" + rows;
        var report = server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test");
        assertThat(report.rejected()).isEmpty();
    }

    @Test
    void theAllEntriesTabListsTheSeededOfficialsAndTheHomePageListsThemApartUntilCrawled() {
        var report = new SeedLoader(server.app.registry, server.app.importer).loadIfEmpty().orElseThrow();
        assertThat(report.rejected()).isEmpty();
        HttpResponse<String> res = server.get("/?tab=all");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        Document doc = Jsoup.parse(res.body());
        assertThat(doc.select("table.directory tbody tr")).hasSize(DirectoryController.PAGE_SIZE);
        assertThat(doc.select(".count").text()).contains(server.app.registry.countOfficials() + " officials");
        assertThat(doc.select("nav.tabs a[aria-current=page]").text()).isEqualTo("All registry entries");
        // the registry outgrows a page: an official past the first page is found by name
        assertThat(server.get("/?tab=all&q=Redwood").body()).contains("John Redwood");
        // page 2 keeps going, and the filter narrows to a country
        Document gb = Jsoup.parse(server.get("/?tab=all&country=GB").body());
        assertThat(gb.select("table.directory tbody tr")).isNotEmpty()
                .allSatisfy(tr -> assertThat(tr.select("td").get(1).text()).startsWith("United Kingdom"));
        assertThat(gb.select("#country option[selected]").attr("value")).isEqualTo("GB");

        // nothing is crawled yet: the ranking is empty and every seeded blog is listed apart, as no data or a lead
        server.app.metrics.recomputeAll(java.time.Instant.now());
        Document home = Jsoup.parse(server.get("/").body());
        assertThat(home.select("table.rankings")).isEmpty();
        assertThat(home.select(".count").text()).startsWith("No blog is ranked yet");
        assertThat(home.select(".empty-ranking a[href='/?tab=historical']")).hasSize(1);
        // it says why: what is listed, that the crawler has not read anything yet, where to go meanwhile
        assertThat(home.select(".empty-ranking").text()).contains("blogs with an address")
                .contains("The crawler has not read any of them yet");
        assertThat(home.select(".empty-ranking a[href='/submit'], .empty-ranking a[href='/?tab=all']")).hasSize(2);
        Document historical = Jsoup.parse(server.get("/?tab=historical").body());
        assertThat(historical.select("table.rankings tbody tr")).hasSize(RankingsController.PAGE_SIZE);
        assertThat(historical.select("table.rankings tbody .badge")).extracting(e -> e.text())
                .allSatisfy(t -> assertThat(t).isIn("No data yet", "Lead"));
        Document leads = Jsoup.parse(server.get("/?status=lead").body());
        assertThat(leads.select("nav.tabs a[aria-current=page]").text()).startsWith("Dormant and historical");
        assertThat(leads.select("table.rankings tbody .badge")).isNotEmpty()
                .extracting(e -> e.text()).containsOnly("Lead");
    }

    @Test
    void filtersBySearchAndLevelAndPagesThroughResults() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            rows.append("Official ").append(i).append(",Mayor,FI,,,local,executive,,,,,https://b").append(i)
                    .append(".example.fi/,,,,,,https://source.example.org/list,\n");
        }
        rows.append("Anna Minister,Minister of Finance,FI,,,national,executive,,,,,https://anna.example.fi/,,,,,,https://source.example.org/list,\n");
        load(rows.toString());
        Document all = Jsoup.parse(server.get("/?tab=all").body());
        assertThat(all.select(".count").text()).contains("61 officials").contains("showing 1–50");
        assertThat(all.select("a[rel=next]").attr("href")).isEqualTo("/?tab=all&page=2");
        Document page2 = Jsoup.parse(server.get("/?tab=all&page=2").body());
        assertThat(page2.select("table.directory tbody tr")).hasSize(11);
        Document national = Jsoup.parse(server.get("/?tab=all&level=national").body());
        assertThat(national.select("table.directory tbody th a")).extracting(e -> e.text()).containsExactly("Anna Minister");
        Document search = Jsoup.parse(server.get("/?tab=all&q=finance").body());
        assertThat(search.select("table.directory tbody th a")).extracting(e -> e.text()).containsExactly("Anna Minister");
        Document none = Jsoup.parse(server.get("/?tab=all&q=%25nobody_").body());
        assertThat(none.select(".count").text()).isEqualTo("No official matches these filters.");
        assertThat(none.select("table.directory")).isEmpty();
        // a filtered page's pagination keeps the filter and the tab; the form keeps the tab too
        Document local = Jsoup.parse(server.get("/?tab=all&level=local").body());
        assertThat(local.select("a[rel=next]").attr("href")).isEqualTo("/?tab=all&level=local&page=2");
        assertThat(local.select("form.filters input[type=hidden][name=tab]").attr("value")).isEqualTo("all");
    }

    @Test
    void theEntriesAreKeptAsRenderedUntilTheRegistryOrTheCrawlerChangesWhatTheyShow() throws Exception {
        load("Ann Example,Mayor of Springfield,US,,,local,executive,,,,,https://ann.example.org/,,,,,,https://source.example.org/list,\n");
        long blog = server.app.registry.jdbi().withHandle(h -> h.createQuery("SELECT id FROM blog").mapTo(Long.class).one());
        assertThat(names(server.get("/?tab=all").body())).containsExactly("Ann Example");
        // a change no write path announces is not seen: the page is served as it was rendered
        server.app.registry.jdbi().useHandle(h -> h.createUpdate("UPDATE official SET name = 'Ann Unannounced'").execute());
        assertThat(names(server.get("/?tab=all").body())).containsExactly("Ann Example");
        // an import raises the data version: the next answer is rendered again, with both changes
        load("Bob Example,Mayor of Shelbyville,US,,,local,executive,,,,,https://bob.example.org/,,,,,,https://source.example.org/list,\n");
        assertThat(names(server.get("/?tab=all").body())).containsExactly("Ann Unannounced", "Bob Example");
        // the crawler marks a blog offline (410): the kept page says so at once
        server.app.crawl.setListingStatus(blog, org.officialblogs.registry.ListingStatus.OFFLINE, java.time.Instant.now());
        Document after = Jsoup.parse(server.get("/?tab=all").body());
        assertThat(after.select("table.directory tbody tr:has(a:contains(Ann)) .badge.offline")).hasSize(1);
        // another query is a page of its own, and one sent gzipped is the same page
        assertThat(names(server.get("/?tab=all&q=Bob").body())).containsExactly("Bob Example");
        HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.base.resolve("/?tab=all")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(server.get("/?tab=all").body());
    }

    private static java.util.List<String> names(String html) {
        return Jsoup.parse(html).select("table.directory tbody th a").eachText();
    }

    private static String gunzip(byte[] body) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anOfficialPageShowsOfficeJurisdictionBlogAndSources() {
        load("Ann Example,Mayor of Springfield,US,Illinois,Springfield,local,executive,,Q42,2019,,https://ann.example.org/,"
                + "https://ann.example.org/feed/,wordpress,en,self,2019-,https://city.example.gov/ann ; https://news.example.com/ann,\n");
        long id = server.app.registry.jdbi().withHandle(h -> h.createQuery("SELECT id FROM official").mapTo(Long.class).one());
        HttpResponse<String> res = server.get("/officials/" + id);
        assertThat(res.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(res.body());
        assertThat(doc.select("h1").text()).isEqualTo("Ann Example");
        assertThat(doc.text()).contains("Mayor of Springfield").contains("United States · Illinois · Springfield")
                .contains("Written by the official");
        assertThat(doc.select("ul.sources a")).extracting(e -> e.attr("href"))
                .containsExactly("https://city.example.gov/ann", "https://news.example.com/ann");
        assertThat(doc.select("a[href='https://www.wikidata.org/wiki/Q42']")).hasSize(1);
    }

    @Test
    void unknownOfficialsAndPagesAre404WithAPage() {
        for (String path : new String[] {"/officials/424242", "/officials/abc", "/no/such/page"}) {
            HttpResponse<String> res = server.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            Document doc = Jsoup.parse(res.body());
            assertThat(doc.select("h1").text()).as(path).isEqualTo("Page not found");
            assertThat(doc.select("a[href='/']")).isNotEmpty();
        }
    }

    @Test
    void hostileNamesAreEscaped() {
        load("\"<script>alert('x')</script> Evil\",\"<img src=x onerror=alert(1)>\",US,,,national,executive,,,,,"
                + "https://evil.example.org/,,,,,,https://source.example.org/evil,\n");
        long id = server.app.registry.jdbi().withHandle(h -> h.createQuery("SELECT id FROM official").mapTo(Long.class).one());
        server.app.metrics.recomputeAll(java.time.Instant.now());
        for (String path : new String[] {"/?tab=all", "/?tab=historical", "/officials/" + id}) {
            String body = server.get(path).body();
            assertThat(body).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(");
            // the one script is the site's own progressive enhancement, from a file
            assertThat(Jsoup.parse(body).select("script").not("[src=/static/filters.js]")).isEmpty();
        }
    }

    @Test
    void healthReportsVersionDatabaseAndCounts() {
        load("Ann Example,Mayor,US,,,local,executive,,,,,https://ann.example.org/,,,,,,https://source.example.org/ann,\n"
                + "Bob Example,Senator,US,,,national,legislative,,,,,,,,,,,https://source.example.org/bob,\n");
        HttpResponse<String> res = server.get("/health");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(res.body()).contains("\"version\":\"test\"").contains("\"database\":\"reachable\"")
                .contains("\"officials\":2").contains("\"registry\":{\"listed\":2,\"pending\":0,\"rejected\":0}");
        // blogs by measured status, the ranking's meaning: nothing read yet, so nothing active
        server.app.metrics.recomputeAll(java.time.Instant.now());
        String measured = server.get("/health").body();
        assertThat(measured).contains("\"active\":0").contains("\"no_data\":1").contains("\"lead\":1")
                .contains("\"ranked\":0");
    }

    @Test
    void staticAssetsAreServedAndPagesMakeNoThirdPartyRequests() {
        assertThat(server.get("/static/style.css").statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(server.get("/").body());
        assertThat(doc.select("link[href]:not([rel=canonical]), script[src], img[src]"))
                .allSatisfy(e -> assertThat(e.attr("href") + e.attr("src")).startsWith("/"));
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("main#main")).hasSize(1);
    }
}
