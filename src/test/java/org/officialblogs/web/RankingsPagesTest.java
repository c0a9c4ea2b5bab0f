package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The rankings page against the real app: order, numbers in words, filters, sorting, paging, tabs, escaping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingsPagesTest {

    static final int EXTRA = 55;

    RankedSite site;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new RankedSite(dir, EXTRA);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    Document get(String path) {
        HttpResponse<String> res = site.server.get(path);
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(res.body());
    }

    static List<String> names(Document doc) {
        return doc.select("table.rankings tbody th[scope=row] a").eachText();
    }

    static Element rowOf(Document doc, String name) {
        return doc.select("table.rankings tbody tr").stream()
                .filter(tr -> tr.select("th a").text().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRankingListsRankedBlogsInRankOrderWithTheirNumbersInWords() {
        Document doc = get("/");
        assertThat(doc.select(".count").text()).isEqualTo((7 + EXTRA) + " blogs (showing 1–50)");
        assertThat(doc.select("table.rankings tbody tr")).hasSize(50);
        // 89.6, 89.0, 72.5, 69.5, 65.0, 57.3, 36.4: the worked examples, then the small extra blogs
        assertThat(names(doc).subList(0, 7)).containsExactly("Official D US", "Official A FI",
                "<img src=x onerror=alert(1)> Mallory", "Official B GB", "Official E FR", "Official F DE",
                "Official G US");
        assertThat(doc.select("table.rankings tbody td.score").eachText().subList(0, 7))
                .containsExactly("89.6", "89.0", "72.5", "69.5", "65.0", "57.3", "36.4");
        assertThat(doc.select("table.rankings tbody td.rank").eachText().subList(0, 3)).containsExactly("1", "2", "3");

        Element weekly = rowOf(doc, "Official A FI");
        // (no-break spaces keep "80 %" together; compare them as plain spaces)
        List<String> cells = weekly.select("td").eachText().stream().map(t -> t.replace('\u00a0', ' ')).toList();
        // rank, office, jurisdiction, posts a week, strip, reply, delay, last post, score, change
        assertThat(cells.get(1)).isEqualTo("Office of example 1");
        // the blog's own title (from its feed) and host under the official's name
        assertThat(weekly.select("th .blogname").text()).isEqualTo("Feed · example1.example.org");
        assertThat(cells.get(2)).isEqualTo("Finland");
        assertThat(cells.get(3)).isEqualTo("1.0");                             // 13 posts in 90 days × 7 / 90
        assertThat(weekly.select(".strip").attr("aria-label")).isEqualTo("Posted in 12 of the last 12 weeks");
        assertThat(weekly.select(".strip b")).hasSize(12);
        assertThat(cells.get(5)).isEqualTo("80 % 95 % interval: 67–89 %");
        assertThat(cells.get(6)).isEqualTo("3 h");
        assertThat(cells.get(7)).isEqualTo("14 Jun 2024");
        assertThat(weekly.select("time").attr("datetime")).isEqualTo("2024-06-14T09:00:00Z");
        assertThat(cells.get(9)).isEqualTo("new not ranked the day before");

        assertThat(rowOf(doc, "Official F DE").select("td").get(5).text())
                .startsWith("not enough data yet").contains("3 of 3");
        assertThat(rowOf(doc, "<img src=x onerror=alert(1)> Mallory").select("td").get(5).text())
                .isEqualTo("comments closed");
        Element burst = rowOf(doc, "Official G US");
        assertThat(burst.select(".strip").attr("aria-label")).isEqualTo("Posted in 2 of the last 12 weeks");
        assertThat(burst.select(".strip b")).hasSize(2);
        assertThat(burst.select(".strip i")).hasSize(10);
        // the table says how it is sorted
        assertThat(doc.select("thead th[aria-sort]")).hasSize(1).first()
                .satisfies(th -> assertThat(th.attr("aria-sort")).isEqualTo("ascending"))
                .satisfies(th -> assertThat(th.text()).startsWith("Rank"));
        assertThat(doc.select("thead th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
        assertThat(doc.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Ranking (62)");
        assertThat(doc.select("nav[aria-label=Main] a[aria-current=page]").text()).isEqualTo("Rankings");
    }

    @Test
    void filtersNarrowTheListAndTheUrlCarriesThem() {
        Document gb = get("/?country=gb");
        assertThat(names(gb)).containsExactly("<img src=x onerror=alert(1)> Mallory", "Official B GB");
        assertThat(gb.select("#country option[selected]").attr("value")).isEqualTo("GB");
        // the countries on offer are those of the list, with their names
        assertThat(gb.select("#country option").eachAttr("value")).contains("", "DE", "FI", "FR", "GB", "SE", "US")
                .doesNotHaveDuplicates().hasSize(7);
        // ranks stay the overall ranks
        assertThat(gb.select("td.rank").eachText()).containsExactly("3", "4");

        assertThat(names(get("/?level=regional"))).containsExactly("Official D US");
        assertThat(names(get("/?branch=judicial"))).containsExactly("Official F DE");
        assertThat(names(get("/?country=US&level=local"))).containsExactly("Official G US");
        assertThat(names(get("/?status=slowing"))).containsExactly("Official G US");
        assertThat(names(get("/?q=mallory"))).containsExactly("<img src=x onerror=alert(1)> Mallory");
        assertThat(names(get("/?q=OFFICE+OF+EXAMPLE+6"))).containsExactly("Official F DE");
        Document none = get("/?q=%25nobody_");
        assertThat(none.select(".count").text()).isEqualTo("No blog matches these filters.");
        assertThat(none.select("table.rankings")).isEmpty();

        // a sorted, filtered view: every sort link and the form keep the filters
        Document view = get("/?country=SE&sort=last&dir=asc");
        assertThat(view.select("thead th a")).allSatisfy(a -> assertThat(a.attr("href")).contains("country=SE"));
        assertThat(view.select("form.filters select[name=sort] option[selected]").attr("value")).isEqualTo("last");
        assertThat(view.select("form.filters select[name=dir] option[selected]").attr("value")).isEqualTo("asc");
        assertThat(view.select("a[rel=next]").attr("href")).isEqualTo("/?country=SE&sort=last&dir=asc&page=2");
        // a shared link with a typo still shows the list, and says what it could not use
        Document typo = get("/?country=XX&level=galactic&sort=nonsense&page=-3");
        assertThat(typo.select("table.rankings tbody tr")).hasSize(50);
        assertThat(typo.select(".notice[role=alert] p")).extracting(Element::text).containsExactly(
                "Ignored in the address: 'XX' is not a country code (two letters, such as GB or US).",
                "Ignored in the address: 'galactic' is not a level (international, national, regional or local).",
                "Ignored in the address: this list cannot be sorted by 'nonsense'.",
                "Ignored in the address: '-3' is not a page number.");
        // past the last page: the last page, with a note
        Document far = get("/?page=999");
        assertThat(far.select(".notice[role=alert]").text()).isEqualTo("There is no page 999: the list has 2 pages;"
                + " this is the last.");
        assertThat(far.select(".pagination span").text()).isEqualTo("Page 2 of 2");
        assertThat(far.select("table.rankings tbody tr")).isNotEmpty();
    }

    @Test
    void everyColumnSortsBothWaysWithStableTies() {
        Document byReply = get("/?sort=reply");
        // shown reply rates: 1.00, 0.80, 0.00 (rank 4), 0.00 (rank 5); blogs without enough data come last
        assertThat(names(byReply).subList(0, 5)).containsExactly("Official D US", "Official A FI", "Official B GB",
                "Official E FR", "<img src=x onerror=alert(1)> Mallory");
        Element th = byReply.select("thead th[aria-sort]").first();
        assertThat(th.text()).startsWith("Reply rate");
        assertThat(th.attr("aria-sort")).isEqualTo("descending");
        assertThat(th.select("a").attr("href")).isEqualTo("/?sort=reply&dir=asc");
        Document replyAsc = get("/?sort=reply&dir=asc");
        // ascending: zeros first (ties in rank order), then 0.80, 1.00; still no-data last
        assertThat(names(replyAsc).subList(0, 4)).containsExactly("Official B GB", "Official E FR", "Official A FI",
                "Official D US");

        // names fold case, accents and punctuation: "<img src=x ...> Mallory" sorts as "img src x ... mallory"
        assertThat(names(get("/?sort=name")).subList(0, 3)).containsExactly("Extra 000", "Extra 001", "Extra 002");
        assertThat(names(get("/?sort=name&page=2"))).containsExactly("Extra 050", "Extra 051", "Extra 052",
                "Extra 053", "Extra 054", "<img src=x onerror=alert(1)> Mallory", "Official A FI", "Official B GB",
                "Official D US", "Official E FR", "Official F DE", "Official G US");
        List<String> reversed = names(get("/?sort=name&dir=desc"));
        assertThat(reversed.subList(0, 8)).containsExactly("Official G US", "Official F DE", "Official E FR",
                "Official D US", "Official B GB", "Official A FI", "<img src=x onerror=alert(1)> Mallory", "Extra 054");
        assertThat(names(get("/?sort=name&dir=desc&page=2"))).endsWith("Extra 001", "Extra 000");

        // the same request twice gives the same order (ties broken by rank, then blog id)
        assertThat(names(get("/?sort=ppw&dir=desc"))).isEqualTo(names(get("/?sort=ppw&dir=desc")));
        for (String sort : List.of("rank", "name", "office", "jurisdiction", "ppw", "weeks", "reply", "delay", "last",
                "score", "movement")) {
            for (String dir : List.of("asc", "desc")) {
                Document d = get("/?sort=" + sort + "&dir=" + dir);
                assertThat(d.select("table.rankings tbody tr")).as(sort + " " + dir).hasSize(50);
                assertThat(d.select("thead th[aria-sort]").attr("aria-sort")).as(sort + " " + dir)
                        .isEqualTo(dir.equals("asc") ? "ascending" : "descending");
            }
        }
        // score descending is rank order; ascending is its reverse
        assertThat(names(get("/?sort=score"))).isEqualTo(names(get("/")));
        assertThat(names(get("/?sort=score&dir=asc&page=2"))).endsWith("Official D US");
    }

    @Test
    void pagesOfFiftyKeepGoing() {
        Document page2 = get("/?page=2");
        assertThat(page2.select("table.rankings tbody tr")).hasSize(7 + EXTRA - 50);
        assertThat(page2.select(".count").text()).contains("showing 51–62");
        // extra blogs with equal scores share a rank (competition ranks), so page 2 starts at rank 50 or 51
        assertThat(page2.select("td.rank").eachText()).map(Integer::valueOf).isSorted()
                .allSatisfy(rank -> assertThat(rank).isBetween(50, 62));
        assertThat(page2.select("a[rel=prev]").attr("href")).isEqualTo("/?");
        assertThat(page2.select("a[rel=next]")).isEmpty();
        assertThat(get("/").select("a[rel=next]").attr("href")).isEqualTo("/?page=2");
    }

    @Test
    void pagesPastTheEndAndUnknownValuesAreSaidNotSilentlyIgnored() {
        // the registry's tab: the last page with a note, and the value it could not use named
        Document all = get("/?tab=all&country=QQ&page=999");
        assertThat(all.select(".notice[role=alert] p")).extracting(Element::text).containsExactly(
                "Ignored in the address: 'QQ' is not a country code (two letters, such as GB or US).",
                "There is no page 999: the list has 2 pages; this is the last.");
        assertThat(all.select("table.directory tbody tr")).isNotEmpty();
        // the river of recent posts has no count: past its end is a 404 that says where the posts are
        HttpResponse<String> far = site.server.get("/recent?page=150");
        assertThat(far.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(far.body()).select("main").text()).contains("There is no page 150 of recent posts");
        assertThat(site.server.get("/recent?page=abc").statusCode()).isEqualTo(404);
        assertThat(site.server.get("/recent?page=2").statusCode()).isEqualTo(200);
        // the API refuses what the page reports
        HttpResponse<String> api = site.server.get("/api/v1/rankings?level=galactic");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("'galactic' is not a level");
    }

    @Test
    void dormantAndHistoricalBlogsAreListedApart() {
        Document ranking = get("/");
        assertThat(ranking.text()).doesNotContain("Dormant Dora").doesNotContain("Offline Olli")
                .doesNotContain("Unreachable Una").doesNotContain("Lead Leo");
        Document historical = get("/?tab=historical");
        assertThat(names(historical)).containsExactly("Dormant Dora", "Unreachable Una", "Offline Olli", "Lead Leo");
        assertThat(historical.select("table.rankings tbody .badge").eachText())
                .containsExactly("Dormant", "Unreachable", "Offline", "Lead");
        assertThat(historical.select("thead th").eachText()).doesNotContain("Rank", "Score").contains("Status▲");
        assertThat(historical.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Dormant and historical (4)");
        assertThat(names(get("/?tab=historical&status=offline"))).containsExactly("Offline Olli");
        assertThat(names(get("/?tab=historical&sort=name"))).containsExactly("Dormant Dora", "Lead Leo",
                "Offline Olli", "Unreachable Una");
        // the tab survives in filter and sort links
        assertThat(historical.select("form.filters input[name=tab]").attr("value")).isEqualTo("historical");
        assertThat(historical.select("thead th a")).allSatisfy(a -> assertThat(a.attr("href")).contains("tab=historical"));
        // a blog never measured shows what the registry knows instead of empty strips, and no number at all
        Element lead = rowOf(historical, "Lead Leo");
        assertThat(lead.select(".strip, td.num")).isEmpty();
        assertThat(lead.select("td.unmeasured").text()).startsWith("Never measured, so no score.")
                .contains("Lead: the official is known to blog, the address is not.").contains("No source recorded.");
        // a dormant blog with no post in 12 weeks says so in words, not with 12 empty boxes
        assertThat(rowOf(historical, "Dormant Dora").select(".strip")).isEmpty();
        assertThat(rowOf(historical, "Dormant Dora").select(".nostrip").text()).isEqualTo("No post in the last 12 weeks");
    }

    @Test
    void hostileNamesAreEscapedEverywhereTheyAppear() {
        for (String path : List.of("/", "/?sort=name&page=2", "/?country=GB")) {
            String body = site.server.get(path).body();
            assertThat(body).as(path).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
            assertThat(Jsoup.parse(body).select("img, script").not("[src=/static/filters.js]")).as(path).isEmpty();
        }
    }

    @Test
    void theRankingsPageWeighsLessThan100KilobytesWithFiftyRows() {
        HttpResponse<String> page = site.server.get("/");
        HttpResponse<String> css = site.server.get("/static/style.css");
        assertThat(Jsoup.parse(page.body()).select("table.rankings tbody tr")).hasSize(50);
        long bytes = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + css.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(100 * 1024);
        assertThat(Jsoup.parse(page.body()).select("link[href]:not([rel=canonical]), script[src], img[src]"))
                .allSatisfy(e -> assertThat(e.attr("href") + e.attr("src")).startsWith("/"));
        // the app reports its own time for monitoring and the benchmark
        assertThat(page.headers().firstValue("Server-Timing")).hasValueSatisfying(v -> assertThat(v).matches("app;dur=[0-9.]+"));
    }

    @Test
    void aKeptPageIsTheSameBytesGzippedWhenAcceptedOrPlainAndItsHeadersComeWithAHead() throws Exception {
        String first = site.server.get("/").body(); // rendered, and kept
        HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                site.server.base.resolve("/")).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Server-Timing")).isPresent();
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gzipped.headers().firstValueAsLong("Content-Length")).hasValue(gzipped.body().length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(first);
        }
        // a browser's own words, and a client that refuses gzip by its weight: plain
        HttpResponse<byte[]> browser = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                site.server.base.resolve("/")).header("Accept-Encoding", "gzip, deflate, br, zstd").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(browser.body()).isEqualTo(gzipped.body());
        HttpResponse<byte[]> refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                site.server.base.resolve("/")).header("Accept-Encoding", "*, gzip;q=0").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(first);
        HttpResponse<String> plain = site.server.get("/");
        assertThat(plain.body()).isEqualTo(first);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).matches("text/html; ?charset=utf-8"));
        assertThat(plain.headers().firstValue("Server-Timing")).isPresent();
        HttpResponse<String> head = site.server.send(java.net.http.HttpRequest.newBuilder(site.server.base.resolve("/"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).matches("text/html; ?charset=utf-8"));
    }
}
