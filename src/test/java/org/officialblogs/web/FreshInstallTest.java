package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.metrics.MetricsFixture;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;
import org.officialblogs.testkit.TestServer;

/** What `/` says before anything is ranked: what the directory measures, and why nothing is ranked yet. */
class FreshInstallTest {

    @TempDir
    Path dir;
    TestServer server;
    MetricsFixture fixture;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        fixture = new MetricsFixture(server.app.database);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Document home() {
        return Jsoup.parse(server.get("/").body());
    }

    @Test
    void beforeAnyCrawlItSaysWhatIsListedAndThatTheCrawlerHasNotRun() {
        fixture.blog("Ann Example", "Mayor", "FI", Level.LOCAL, Branch.EXECUTIVE, "https://ann.example.org/");
        fixture.blog("Ben Example", "Minister", "GB", Level.NATIONAL, Branch.EXECUTIVE, null);
        server.app.metrics.recomputeAll(now);
        Document doc = home();
        assertThat(doc.select(".count").text()).isEqualTo("No blog is ranked yet.");
        String why = doc.select("section.empty-ranking").text();
        assertThat(why).contains("measures two things: how regularly each official posts, and whether they answer")
                .contains("The registry lists 1 blog with an address and 1 lead whose address is not known yet.")
                .contains("The crawler has not read any of them yet");
        assertThat(doc.select("section.empty-ranking a").eachAttr("href")).contains("/?tab=all", "/submit");
    }

    @Test
    void afterFailedCrawlsItSaysHowManyFailedAndTheCommonestReason() {
        long a = fixture.blog("Ann Example", "FI", "https://ann.example.org/");
        long b = fixture.blog("Ben Example", "FI", "https://ben.example.org/");
        long c = fixture.blog("Cid Example", "FI", "https://cid.example.org/");
        fixture.failing(a, now.minusSeconds(60), "timeout", "java.net.SocketTimeoutException: Read timed out", 1, false);
        fixture.failing(b, now.minusSeconds(50), "timeout", "connect timed out", 2, false);
        fixture.failing(c, now.minusSeconds(40), "dns", "host not found", 1, false);
        server.app.metrics.recomputeAll(now);
        String why = home().select("section.empty-ranking").text();
        assertThat(why).contains("The registry lists 3 blogs with an address.")
                .contains("No crawl has succeeded yet.")
                .contains("3 blogs failed at the last attempt; the commonest reason: The site took too long to answer"
                        + " (2 blogs).")
                // the technical detail stays with the operator
                .doesNotContain("Exception").doesNotContain("timeout");
    }
}
