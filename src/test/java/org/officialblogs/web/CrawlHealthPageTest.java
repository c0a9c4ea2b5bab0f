package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.CrawlState;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

/** The moderators' crawl health page lists failing blogs by kind, with last success and next attempt. */
class CrawlHealthPageTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir).withModerator();
        String csv = "name,office,country,level,branch,blog_url,feed_url,sources\n"
                + "Ann Down,Mayor,FR,local,executive,https://ann.example.org/,https://ann.example.org/feed/,https://e.org/1\n"
                + "Bob Gone,Mayor,FR,local,executive,https://bob.example.org/,https://bob.example.org/feed/,https://e.org/2\n"
                + "Cy Fine,Mayor,FR,local,executive,https://cy.example.org/,https://cy.example.org/feed/,https://e.org/3\n";
        server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test");
        Instant now = Instant.now();
        server.app.crawl.scheduleNewBlogs(now);
        server.app.crawl.saveState(new CrawlState(1, now.plusSeconds(3600), now, Instant.parse("2026-10-01T08:00:00Z"), 503,
                null, null, "http_5xx", "503 Service Unavailable <script>", 4, Instant.parse("2026-11-01T00:00:00Z"),
                false, true, null, 0, null, null, null, 3600L, null));
        server.app.crawl.saveState(new CrawlState(2, now.plusSeconds(7 * 86400), now, null, 410, null, null, "gone",
                "410 Gone", 1, now, false, false, null, 0, null, null, null, 604800L, null));
        server.app.crawl.saveState(new CrawlState(3, now.plusSeconds(3600), now, now, 200, null, null, null, null, 0, null,
                false, true, null, 0, null, null, null, 3600L, 10));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void moderatorsSeeFailingBlogsByKindAndOthersAreSentToLogin() {
        assertThat(server.get("/admin/crawl").statusCode()).isEqualTo(303);

        WebClient m = server.client();
        m.login(TestServer.MODERATOR, TestServer.PASSWORD);
        Document page = WebClient.html(m.get("/admin/crawl"));
        assertThat(page.select("h1").text()).isEqualTo("Crawl health");
        assertThat(page.select("table.crawl-health tbody tr")).hasSize(2);
        assertThat(page.select("table.crawl-health tbody tr").get(0).text()).contains("Ann Down")
                .contains("The site had an error or is unavailable").contains("503 Service Unavailable <script>")
                .contains("2026-10-01 08:00 UTC");
        assertThat(page.html()).doesNotContain("<script>");
        assertThat(page.select("ul.inline li").eachText()).contains("All (2)",
                "The site had an error or is unavailable (1)", "The feed has been removed for good (410 Gone) (1)");

        Document gone = WebClient.html(m.get("/admin/crawl?kind=gone"));
        assertThat(gone.select("table.crawl-health tbody tr")).hasSize(1);
        assertThat(gone.select("table.crawl-health tbody tr").text()).contains("Bob Gone").contains("never");
        assertThat(gone.select("form[action=/admin/blogs/2/recrawl] input[name=_csrf]")).hasSize(1);
    }
}
