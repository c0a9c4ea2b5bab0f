package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/**
 * A crawl inside the site: while visitors are served it starts fewer blogs at once (16 fetches x 8 by default; here
 * 1 x 8), and on a quiet site as many as it has. Every blog has a host of its own on loopback, so the site sees when
 * each blog's crawl begins (its robots.txt) and ends (its feed, a host's delay later).
 */
class CrawlWhileServingTest {

    static final int BLOGS = 20;

    @TempDir
    Path dir;

    /** The most blogs the runner counted in progress while visitors came. */
    private final java.util.concurrent.atomic.AtomicInteger mostCounted = new java.util.concurrent.atomic.AtomicInteger();

    /** Per host: when its first and its last request arrived. */
    private final Map<String, long[]> spans = new ConcurrentHashMap<>();

    @Test
    void whileVisitorsAreServedAtMostEightBlogsAreInProgressAndOnAQuietSiteAllOfThem() throws Exception {
        try (LoopbackSite site = new LoopbackSite()) {
            for (String path : List.of("/robots.txt", "/feed.xml")) {
                site.on(path, ex -> {
                    String host = ex.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "");
                    long now = System.nanoTime();
                    spans.merge(host, new long[] {now, now}, (a, b) -> new long[] {a[0], b[1]});
                    if (path.equals("/robots.txt")) {
                        LoopbackSite.send(ex, 200, "User-agent: *\nAllow: /\n", "text/plain");
                    } else {
                        LoopbackSite.send(ex, 200, "<rss version=\"2.0\"><channel><title>" + host + "</title><item>"
                                + "<title>A post</title><guid>" + host + "-1</guid><pubDate>Mon, 02 Nov 2026 10:00:00"
                                + " GMT</pubDate></item></channel></rss>", "application/rss+xml");
                    }
                });
            }
            int port = Integer.parseInt(site.url("/").replaceAll(".*:(\\d+)/$", "$1"));
            Map<String, List<InetAddress>> hosts = new HashMap<>();
            for (int i = 0; i < BLOGS; i++) hosts.put("blog" + i + ".test", List.of(InetAddress.getLoopbackAddress()));
            HostResolver resolver = HostResolver.withOverrides(hosts, HostResolver.system());

            assertThat(peakInProgress(dir.resolve("serving"), resolver, port, true)).isBetween(1, 8);
            // the runner's own count (the operational metrics' officialblogs_crawl_in_progress) agrees
            assertThat(mostCounted.get()).isBetween(1, 8);
            spans.clear();
            assertThat(peakInProgress(dir.resolve("quiet"), resolver, port, false)).isGreaterThan(8);
        }
    }

    /** Crawls every blog on an app of its own, visitors coming all along or not; the most blogs seen in progress. */
    private int peakInProgress(Path data, HostResolver resolver, int port, boolean visitors) throws Exception {
        Map<String, String> settings = Map.of("OFFICIALBLOGS_MAX_CONCURRENT_FETCHES", "1",
                "OFFICIALBLOGS_HOST_DELAY_MS", "300",
                // the crawl's share of the processors is not what is tested here: it never waits for the visitors
                "OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING", "100");
        try (CrawlTestApp crawl = new CrawlTestApp(data, Instant.parse("2026-11-05T12:00:00Z"), settings, resolver)) {
            for (int i = 0; i < BLOGS; i++) {
                crawl.addBlog("Official " + i, "http://blog" + i + ".test:" + port + "/",
                        "http://blog" + i + ".test:" + port + "/feed.xml");
            }
            AtomicBoolean crawling = new AtomicBoolean(true);
            Thread visits = new Thread(() -> {
                while (crawling.get()) {
                    crawl.app.visitors.visitBegan(); // a visitor's request, answered at once
                    crawl.app.visitors.visitEnded();
                    mostCounted.accumulateAndGet(crawl.app.crawlRunner.inProgress(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            if (visitors) {
                crawl.app.visitors.visitBegan();
                crawl.app.visitors.visitEnded();
                visits.start();
            }
            CrawlRunner.Summary summary;
            try {
                summary = crawl.app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
            } finally {
                crawling.set(false);
                visits.join();
            }
            assertThat(summary.fetched()).as(summary.text()).isEqualTo(BLOGS);
            assertThat(crawl.app.crawlRunner.inProgress()).as("none once the run is over").isZero();
        }
        assertThat(spans).hasSize(BLOGS);
        // the most spans open at once: a blog is in progress from its first request to its last
        List<long[]> events = new ArrayList<>();
        for (long[] s : spans.values()) {
            events.add(new long[] {s[0], 1});
            events.add(new long[] {s[1], -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0, peak = 0;
        for (long[] e : events) {
            open += (int) e[1];
            peak = Math.max(peak, open);
        }
        return peak;
    }
}
