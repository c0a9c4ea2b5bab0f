package org.officialblogs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlRunner;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.registry.Origin;

/**
 * The crawl benchmark (issue 3): N synthetic blogs (default 2,000) with 25 items each, every item with comment
 * signals, served on loopback under distinct host names ({@code blogN.test}, resolved to 127.0.0.1 by a test
 * resolver so per-host politeness is real, default 2 s between requests to a host, 16 fetches at once). Measures
 * the first full crawl (robots.txt, feed, parse, store, metrics per blog), a re-crawl where every feed answers 304,
 * peak heap, and the ratio to Rome alone parsing the same bytes. Comment collection is left out of this figure on
 * purpose: the posts are older than the comment window, because comment fetches go one host at a time with the
 * same 2 s delay and would measure the politeness, not the crawler.
 *
 * <p>Run: {@code mvn -B test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=CrawlBenchmarkTest
 * -Dbench.blogs=2000 -DargLine=-Xmx256m}
 */
@Tag("benchmark")
class CrawlBenchmarkTest {

    static final int BLOGS = Integer.getInteger("bench.blogs", 2_000);
    static final int ITEMS = 25;
    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Test
    void crawlTwoThousandFeeds(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        List<byte[]> feeds = new ArrayList<>(BLOGS);
        for (int i = 0; i < BLOGS; i++) feeds.add(feed(i, now));
        long feedBytes = feeds.stream().mapToLong(b -> b.length).sum();

        // the baseline: Rome alone parsing the same bytes, single-threaded, after a warm-up
        for (int i = 0; i < Math.min(200, BLOGS); i++) new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feeds.get(i))));
        long r0 = System.nanoTime();
        for (byte[] f : feeds) new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(f)));
        double romeSeconds = (System.nanoTime() - r0) / 1e9;

        ExecutorService serverThreads = Executors.newFixedThreadPool(32);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        AtomicLong requests = new AtomicLong();
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String host = ex.getRequestHeaders().getFirst("Host");
            int blog = Integer.parseInt(host.substring(4, host.indexOf('.')));
            if (!ex.getRequestURI().getPath().equals("/feed.xml")) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            String etag = "\"b" + blog + "-v1\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                byte[] body = feeds.get(blog);
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        int port = server.getAddress().getPort();

        Map<String, List<InetAddress>> hosts = new HashMap<>();
        StringBuilder csv = new StringBuilder("name,office,country,level,branch,blog_url,feed_url,sources\n");
        for (int i = 0; i < BLOGS; i++) {
            hosts.put("blog" + i + ".test", List.of(InetAddress.getLoopbackAddress()));
            csv.append("Official ").append(i).append(",Mayor,FR,local,executive,http://blog").append(i).append(".test:")
                    .append(port).append("/,http://blog").append(i).append(".test:").append(port)
                    .append("/feed.xml,https://example.org/source\n");
        }
        Config config = Config.fromValues(Map.of("OFFICIALBLOGS_PORT", "0", "OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_SCHEDULER", "false", "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true",
                "OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS", "1"));
        List<String> report = new ArrayList<>();
        try (App app = new App(config, App.Parts.production().withResolver(
                HostResolver.withOverrides(hosts, HostResolver.system())))) {
            var imported = app.importer.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "bench");
            assertThat(imported.rejected()).isEmpty();

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();

            long c0 = System.nanoTime();
            CrawlRunner.Summary first = app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
            double firstSeconds = (System.nanoTime() - c0) / 1e9;
            long c1 = System.nanoTime();
            CrawlRunner.Summary again = app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
            double againSeconds = (System.nanoTime() - c1) / 1e9;
            sampling.set(false);
            sampler.join();

            long posts = app.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM post").mapTo(Long.class).one());
            report.add(String.format(Locale.ROOT, "Official Blogs crawl benchmark: %,d blogs x %d items (%,d KB of feeds),"
                            + " host delay %d ms, %d fetches at once, %d CPUs, max heap %d MB, Java %s", BLOGS, ITEMS,
                    feedBytes / 1024, config.politeness().hostDelay().toMillis(), config.politeness().maxConcurrentFetches(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version()));
            report.add(String.format(Locale.ROOT, "first crawl: %.1f s, %.0f feeds/s, %,d posts stored  [target <= 30 s: %s]"
                            + "  -- %s", firstSeconds, BLOGS / firstSeconds, posts, firstSeconds <= 30 ? "met" : "MISSED",
                    first.text()));
            report.add(String.format(Locale.ROOT, "re-crawl (all 304): %.1f s  [target <= 5 s: %s]  -- %s", againSeconds,
                    againSeconds <= 5 ? "met" : "MISSED", again.text()));
            report.add(String.format(Locale.ROOT, "peak heap used (sampled): %d MB  [target <= 256 MB: %s]",
                    peak.get() >> 20, (peak.get() >> 20) <= 256 ? "met" : "MISSED"));
            report.add(String.format(Locale.ROOT, "Rome parse-only baseline: %.2f s for the same bytes; first crawl / Rome"
                    + " = %.1fx (the crawl includes robots.txt, the per-host delay, HTTP, storage and metrics)",
                    romeSeconds, firstSeconds / romeSeconds));
            report.add(String.format(Locale.ROOT, "HTTP requests served: %,d", requests.get()));

            assertThat(first.fetched()).isEqualTo(BLOGS);
            assertThat(posts).isEqualTo((long) BLOGS * ITEMS);
            assertThat(again.notModified()).isEqualTo(BLOGS);
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
            String text = String.join(System.lineSeparator(), report);
            System.out.println(text);
            System.err.println(text);
        }
    }

    /** A WordPress-like RSS feed of 25 daily posts ending two days ago, each with comment signals. */
    static byte[] feed(int blog, Instant now) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\" xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Blog " + blog + "</title><link>http://blog"
                + blog + ".test/</link><description>A synthetic official's blog</description>");
        for (int j = 0; j < ITEMS; j++) {
            Instant at = now.minus(Duration.ofDays(2L + j));
            s.append("<item><title>Post ").append(j).append(" of blog ").append(blog).append("</title><link>http://blog")
                    .append(blog).append(".test/p/").append(j).append("/</link><guid isPermaLink=\"false\">b").append(blog)
                    .append("-p").append(j).append("</guid><pubDate>").append(RFC_1123.format(at)).append("</pubDate>")
                    .append("<dc:creator>Official ").append(blog).append("</dc:creator><description>Some words about the")
                    .append(" city budget, the new library and the bus lines, post ").append(j).append(".</description>")
                    .append("<comments>http://blog").append(blog).append(".test/p/").append(j).append("/#comments</comments>")
                    .append("<wfw:commentRss>http://blog").append(blog).append(".test/p/").append(j)
                    .append("/feed/</wfw:commentRss><slash:comments>").append(j % 5).append("</slash:comments></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
