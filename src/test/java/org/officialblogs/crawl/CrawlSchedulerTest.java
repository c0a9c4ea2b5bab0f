package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/** Quartz inside the app: once started, the job crawls the blogs that are due, from the schedule in the database. */
class CrawlSchedulerTest {

    @TempDir
    Path dir;
    LoopbackSite site;
    CrawlTestApp t;

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        site.text("/feed.xml", 200, "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><guid>a</guid>"
                + "<pubDate>Wed, 18 Nov 2026 10:00:00 +0000</pubDate></item></channel></rss>", "application/rss+xml");
        t = new CrawlTestApp(dir, Instant.parse("2026-11-20T12:00:00Z"), Map.of());
    }

    @AfterEach
    void stop() {
        t.close();
        site.close();
    }

    @Test
    void theJobCrawlsWhatIsDueAndLeavesTheRestScheduled() throws InterruptedException {
        long id = t.addBlog("Ann", site.url("/"), site.url("/feed.xml"));
        try (CrawlScheduler scheduler = t.app.scheduler()) {
            scheduler.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (t.app.crawl.state(id).map(s -> s.lastSuccessAt() == null).orElse(true) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        CrawlState s = t.state(id);
        assertThat(s.lastSuccessAt()).as("crawled by the scheduled job").isEqualTo(t.clock.instant());
        assertThat(s.nextAttemptAt()).isAfter(t.clock.instant());
        assertThat(site.count("/feed.xml")).isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM post WHERE blog_id = " + id)).isEqualTo(1);
    }
}
