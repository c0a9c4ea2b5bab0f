package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlRunner;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.LoopbackSite;

/**
 * Readers and the crawler at once: four clients load pages, the API and a CSV export while a full crawl of 80
 * blogs writes posts, comments, crawl state and metrics. No request may fail (no SQLITE_BUSY or lock error may
 * reach a reader) and the crawl must complete.
 */
class ReadersDuringCrawlTest {

    static final int BLOGS = 80;

    @TempDir
    Path dir;

    @Test
    void noReaderSeesAnErrorWhileAFullCrawlWrites() throws Exception {
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        try (LoopbackSite site = new LoopbackSite()) {
            StringBuilder csv = new StringBuilder("name,office,country,level,branch,blog_url,feed_url,sources\n");
            for (int i = 0; i < BLOGS; i++) {
                StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Blog " + i + "</title>");
                for (int j = 0; j < 10; j++) {
                    feed.append("<item><title>Post ").append(j).append("</title><guid>b").append(i).append('-').append(j)
                            .append("</guid><link>").append(site.url("/b" + i + "/p" + j)).append("</link><pubDate>")
                            .append(rfc.format(Instant.now().minus(Duration.ofDays(2L * j + 20)))).append("</pubDate></item>");
                }
                site.text("/b" + i + "/feed.xml", 200, feed.append("</channel></rss>").toString(), "application/rss+xml");
                csv.append("Official ").append(i).append(",Mayor,").append(i % 2 == 0 ? "FR" : "DE")
                        .append(",local,executive,").append(site.url("/b" + i + "/")).append(',')
                        .append(site.url("/b" + i + "/feed.xml")).append(",https://example.org/s\n");
            }
            Map<String, String> values = new HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0",
                    "OFFICIALBLOGS_DATA_DIR", dir.toString(), "OFFICIALBLOGS_SCHEDULER", "false",
                    "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true", "OFFICIALBLOGS_HOST_DELAY_MS", "0",
                    "OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "100000"));
            // the crawl at full speed although readers are served, so its writes press the readers as hard as they can
            values.put("OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING", "100");
            try (App app = new App(Config.fromValues(values))) {
                app.importer.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test");
                app.metrics.recomputeAll(Instant.now());
                var web = app.webApp("test").start();
                try {
                    URI base = URI.create("http://127.0.0.1:" + web.port());
                    List<String> paths = List.of("/", "/?tab=all&country=FR", "/officials/1", "/officials/40", "/recent",
                            "/api/v1/blogs", "/api/v1/rankings?sort=score", "/data/blogs.csv", "/methodology");
                    AtomicBoolean crawling = new AtomicBoolean(true);
                    AtomicInteger requests = new AtomicInteger();
                    List<String> failures = new CopyOnWriteArrayList<>();
                    Map<String, Integer> statuses = new ConcurrentHashMap<>();
                    List<Thread> readers = new java.util.ArrayList<>();
                    for (int r = 0; r < 4; r++) {
                        int offset = r;
                        Thread t = new Thread(() -> {
                            HttpClient http = HttpClient.newHttpClient();
                            int n = offset;
                            while (crawling.get()) {
                                String path = paths.get(n++ % paths.size());
                                try {
                                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(base.resolve(path))
                                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                                    requests.incrementAndGet();
                                    statuses.merge(path + " " + resp.statusCode(), 1, Integer::sum);
                                    if (resp.statusCode() >= 500 || resp.body().contains("SQLITE_BUSY")
                                            || resp.body().contains("database is locked")) {
                                        failures.add(path + " -> " + resp.statusCode());
                                    }
                                } catch (Exception e) {
                                    failures.add(path + " -> " + e);
                                }
                            }
                        }, "reader-" + r);
                        t.start();
                        readers.add(t);
                    }
                    CrawlRunner.Summary summary = app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
                    crawling.set(false);
                    for (Thread t : readers) t.join();

                    assertThat(summary.fetched()).as(summary.text()).isEqualTo(BLOGS);
                    int posts = app.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM post")
                            .mapTo(Integer.class).one());
                    assertThat(posts).isEqualTo(BLOGS * 10);
                    assertThat(failures).as("requests that failed during the crawl").isEmpty();
                    assertThat(requests.get()).as("readers were busy during the crawl: %s", statuses).isGreaterThan(20);
                    assertThat(statuses.keySet()).allMatch(k -> k.endsWith(" 200"), "every answer was 200: " + statuses);
                } finally {
                    web.stop();
                }
            }
        }
    }
}
