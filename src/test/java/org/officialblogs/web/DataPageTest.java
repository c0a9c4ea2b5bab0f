package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.export.Column;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;

/** /data: linked from every page, the downloads with filters, a dictionary of every column, licence, citation, changes. */
class DataPageTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void setUp() {
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of(), Clock.fixed(ExportFixture.NOW, ZoneOffset.UTC));
        ExportFixture.load(server.app);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void thePageLinksEveryFileAndDocumentsEveryColumn() {
        Document home = Jsoup.parse(server.get("/").body());
        assertThat(home.select("nav[aria-label=Main] a[href=/data]").text()).isEqualTo("Data");

        HttpResponse<String> res = server.get("/data");
        assertThat(res.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(res.body());
        for (ExportTable t : ExportTables.ALL) {
            assertThat(page.select("a[href=/data/" + t.name() + ".csv]")).as(t.name()).isNotEmpty();
            assertThat(page.select("a[href=/data/" + t.name() + ".ndjson]")).as(t.name()).isNotEmpty();
            Element section = page.getElementById(t.name());
            assertThat(section).as(t.name()).isNotNull();
            assertThat(section.select("tbody tr")).hasSize(t.columns().size());
            for (Column c : t.columns()) {
                Element row = section.select("tbody tr").stream()
                        .filter(tr -> tr.select("th code").text().equals(c.name())).findFirst().orElse(null);
                assertThat(row).as(t.name() + "." + c.name()).isNotNull();
                assertThat(row.text()).contains(c.description());
            }
        }
        for (String f : new String[] {"datapackage.json", "popolo.json", "feeds.opml", "officialblogs-public.sqlite"}) {
            assertThat(page.select("a[href=/data/" + f + "]")).as(f).isNotEmpty();
        }
        assertThat(page.select("a[rel=license]").attr("href")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(page.getElementById("cite").nextElementSibling().text())
                .contains("snapshot of 2024-06-16", server.app.config.serve().baseUrl() + "/data", "CC BY 4.0");
        String changes = page.select("#changes ~ p").first().text();
        assertThat(changes).contains("2024-06-16", "compared with 2024-06-15", "0 blogs appeared, 0 left");
        assertThat(page.select("#changes ~ div table tbody tr").first().text()).startsWith("blogs measured 2 2 no change");
    }

    @Test
    void downloadsStreamWithTheirTypeAndFilters() {
        HttpResponse<String> csv = server.get("/data/posts.csv?country=HU&from=2024-05-01&to=2024-05-01");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"posts.csv\"");
        assertThat(csv.body().lines().filter(l -> l.startsWith("10")).toList()).hasSize(1);
        assertThat(csv.body()).startsWith("post_id,blog_id,url,title,").contains("100,10,").doesNotContain("102,11,");

        HttpResponse<String> nd = server.get("/data/officials.ndjson?level=national");
        assertThat(nd.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(nd.body().lines().toList()).hasSize(1);
        assertThat(nd.body()).contains(ExportFixture.NAME_2);

        HttpResponse<String> bad = server.get("/data/posts.csv?from=last-week");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from must be a date as YYYY-MM-DD");
        assertThat(server.get("/data/submissions.csv").statusCode()).isEqualTo(404);
        assertThat(server.get("/data/posts.xlsx").statusCode()).isEqualTo(404);
    }
}
