package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/**
 * Hostile and broken sites, each served on loopback and crawled through the whole application: every case ends in
 * the expected blog state (failure kind, message, next attempt, registry status), and a good blog on the same server
 * still crawls afterwards, so the process stays healthy.
 */
class CrawlFailuresTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static final String GOOD_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Good</title><link>https://good.example/</link>
            <item><title>One</title><guid>g1</guid><link>https://good.example/1</link>
            <pubDate>Wed, 18 Nov 2026 10:00:00 +0000</pubDate></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;
    LoopbackSite site;
    CrawlTestApp t;

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        t = new CrawlTestApp(dir, NOW, Map.of("OFFICIALBLOGS_MAX_BODY_BYTES", "200000"));
        site.text("/good.xml", 200, GOOD_FEED, "application/rss+xml");
    }

    @AfterEach
    void stop() {
        t.close();
        site.close();
    }

    private CrawlState crawlFeed(String name, String path) {
        long id = t.addBlog(name, site.url("/" + name + "/"), site.url(path));
        CrawlOutcome o = t.crawl(id);
        assertThat(o.failed()).as("crawl of %s", path).isTrue();
        CrawlState s = t.state(id);
        assertThat(s.failureKind()).isEqualTo(o.failureKind());
        assertThat(s.failureMessage()).isNotBlank();
        assertThat(s.consecutiveFailures()).isEqualTo(1);
        assertThat(s.lastAttemptAt()).isEqualTo(NOW);
        assertThat(s.nextAttemptAt()).isAfter(NOW);
        // and the process is healthy: a good feed on the same server still crawls
        long good = t.addBlog("Good " + name, site.url("/good-" + name + "/"), site.url("/good.xml?for=" + name));
        assertThat(t.crawl(good).result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        return s;
    }

    @Test
    void xxeAndBillionLaughsAreRefusedAsMalformed() {
        site.text("/xxe.xml", 200, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>", "application/rss+xml");
        site.text("/lol.xml", 200, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<rss version=\"2.0\"><channel><title>&lol3;</title></channel></rss>", "application/rss+xml");
        assertThat(crawlFeed("xxe", "/xxe.xml").failureKind()).isEqualTo("malformed");
        assertThat(crawlFeed("lol", "/lol.xml").failureKind()).isEqualTo("malformed");
        assertThat(t.count("SELECT count(*) FROM post WHERE title LIKE '%root%' OR title LIKE '%lol%'")).isZero();
    }

    @Test
    void aGzipBombAndABodyOverTheLimitFailLoudlyAsTooLarge() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) gz.write(zeros);
        }
        byte[] bombBytes = bomb.toByteArray();
        site.on("/bomb.xml", ex -> LoopbackSite.send(ex, 200, bombBytes, "application/rss+xml", "Content-Encoding", "gzip"));
        String big = "<rss version=\"2.0\"><channel><title>Big</title>" + "<item><title>x</title></item>".repeat(20_000)
                + "</channel></rss>";
        site.text("/big.xml", 200, big, "application/rss+xml");
        assertThat(crawlFeed("bomb", "/bomb.xml").failureKind()).isEqualTo("too_large");
        CrawlState big2 = crawlFeed("big", "/big.xml");
        assertThat(big2.failureKind()).isEqualTo("too_large");
        assertThat(t.count("SELECT count(*) FROM post WHERE title = 'x'")).as("nothing truncated is kept").isZero();
    }

    @Test
    void aServerThatDripsTimesOut() {
        site.on("/drip.xml", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        assertThat(crawlFeed("drip", "/drip.xml").failureKind()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aRedirectToAFileOrJarAddressIsAnInvalidUrlAndThePublicPageShowsNoJavaText() throws Exception {
        site.text("/to-file.xml", 302, "", null, "Location", "file:///etc/passwd");
        site.text("/to-jar.xml", 301, "", null, "Location", "jar:file:/tmp/x.jar!/feed.xml");
        site.text("/hostless.xml", 302, "", null, "Location", "http:///feed.xml");
        for (String name : new String[] {"to-file", "to-jar", "hostless"}) {
            CrawlState s = crawlFeed(name, "/" + name + ".xml");
            assertThat(s.failureKind()).as(name).isEqualTo("invalid_url");
            assertThat(s.failureMessage()).as(name).contains("redirect refused");
        }
        var web = t.app.webApp("test").start();
        try {
            long official = t.count("SELECT official_id FROM blog WHERE site_url LIKE '%/to-file/'");
            var http = java.net.http.HttpClient.newHttpClient();
            String page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + web.port() + "/officials/" + official)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("The address is not a usable http(s) web address (HTTP 302 redirect refused: only http and https URLs are fetched: file:///etc/passwd)")
                    .doesNotContain("invalid_url")
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("internal_error");
        } finally {
            web.stop();
        }
        assertThat(t.count("SELECT count(*) FROM crawl_state WHERE failure_kind = 'internal_error'")).isZero();
    }

    @Test
    void aRedirectLoopIsTooManyRedirects() {
        site.text("/loop-a", 302, "", null, "Location", "/loop-b");
        site.text("/loop-b", 302, "", null, "Location", "/loop-a");
        assertThat(crawlFeed("loop", "/loop-a").failureKind()).isEqualTo("too_many_redirects");
    }

    @Test
    void rateLimitedPausesTheWholeHostUntilRetryAfter() {
        site.text("/busy.xml", 429, "slow down", "text/plain", "Retry-After", "7200");
        long id = t.addBlog("busy", site.url("/busy/"), site.url("/busy.xml"));
        assertThat(t.crawl(id).failureKind()).isEqualTo("rate_limited");
        CrawlState s = t.state(id);
        assertThat(s.nextAttemptAt()).isAfterOrEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(s.lastHttpStatus()).isEqualTo(429);
        // another blog on the same host waits too, without a request being sent
        long neighbour = t.addBlog("neighbour", site.url("/n/"), site.url("/good.xml"));
        CrawlOutcome o = t.crawl(neighbour);
        assertThat(o.failureKind()).isEqualTo("rate_limited");
        assertThat(site.count("/good.xml")).isZero();
        assertThat(t.state(neighbour).nextAttemptAt()).isAfterOrEqualTo(NOW.plus(Duration.ofHours(2)));
        // when the pause is over, both are fetched
        t.clock.advance(Duration.ofHours(3));
        site.text("/busy.xml", 200, GOOD_FEED, "application/rss+xml");
        assertThat(t.crawl(id).result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        assertThat(t.crawl(neighbour).result()).isEqualTo(CrawlOutcome.Result.FETCHED);
    }

    @Test
    void goneMarksTheBlogOfflineAtOnceAndRetriesWeekly() {
        site.text("/gone.xml", 410, "gone", "text/plain");
        long id = t.addBlog("gone", site.url("/gone/"), site.url("/gone.xml"));
        CrawlOutcome o = t.crawl(id);
        assertThat(o.failureKind()).isEqualTo("gone");
        assertThat(o.changesMetrics()).as("the blog went offline").isTrue();
        assertThat(t.blogColumn(id, "status")).isEqualTo("offline");
        assertThat(t.state(id).nextAttemptAt()).isAfter(NOW.plus(Duration.ofDays(6)));
        t.clock.advance(Duration.ofDays(7));
        CrawlOutcome again = t.crawl(id);
        assertThat(again.failureKind()).isEqualTo("gone");
        assertThat(again.changesMetrics()).as("gone again: nothing the metrics read changed").isFalse();
        // it comes back: the blog is active again
        site.text("/gone.xml", 200, GOOD_FEED, "application/rss+xml");
        t.clock.advance(Duration.ofDays(7));
        assertThat(t.crawl(id).result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        assertThat(t.blogColumn(id, "status")).isEqualTo("active");
        assertThat(t.state(id).failureKind()).isNull();
    }

    @Test
    void invalidXmlIsMalformedAndAnHtmlPageIsNotAFeed() {
        site.text("/broken.xml", 200, "<rss version=\"2.0\"><channel><title>Cut off<item><title>x", "application/rss+xml");
        site.text("/page.html", 200, "<!doctype html><html><head><title>Mayor</title></head><body>Hello</body></html>",
                "text/html; charset=utf-8");
        assertThat(crawlFeed("broken", "/broken.xml").failureKind()).isEqualTo("malformed");
        CrawlState page = crawlFeed("page", "/page.html");
        assertThat(page.failureKind()).isEqualTo("not_a_feed");
        assertThat(page.failureMessage()).contains("links no feed");
    }

    @Test
    void robotsDisallowIsObeyedAndRecorded() {
        site.text("/robots.txt", 200, "User-agent: OfficialBlogs\nDisallow: /private/\n", "text/plain");
        site.text("/private/feed.xml", 200, GOOD_FEED, "application/rss+xml");
        assertThat(crawlFeed("robots", "/private/feed.xml").failureKind()).isEqualTo("robots_disallowed");
        assertThat(site.count("/private/feed.xml")).isZero();
    }

    @Test
    void repeatedFailuresBackOffAndAMonthWithoutSuccessIsUnreachable() {
        site.text("/down.xml", 503, "down", "text/plain");
        long id = t.addBlog("down", site.url("/down/"), site.url("/down.xml"));
        Duration previous = Duration.ZERO;
        for (int i = 1; i <= 5; i++) {
            assertThat(t.crawl(id).changesMetrics()).as("failure %d: not yet unreachable", i).isFalse();
            CrawlState s = t.state(id);
            assertThat(s.consecutiveFailures()).isEqualTo(i);
            Duration wait = Duration.between(t.clock.instant(), s.nextAttemptAt());
            if (i > 3) assertThat(wait).as("backoff grows after 3 failures").isGreaterThan(previous);
            previous = wait;
            t.clock.advance(wait);
        }
        assertThat(t.state(id).unreachable()).isFalse();
        t.clock.advance(Duration.ofDays(31));
        assertThat(t.crawl(id).changesMetrics()).as("now unreachable").isTrue();
        CrawlState s = t.state(id);
        assertThat(s.unreachable()).isTrue();
        assertThat(s.failingSince()).isEqualTo(NOW);
        assertThat(Duration.between(t.clock.instant(), s.nextAttemptAt())).isGreaterThan(Duration.ofDays(6));
        assertThat(t.count("SELECT count(*) FROM crawl_log WHERE blog_id = " + id + " AND failure_kind = 'http_5xx'"))
                .isEqualTo(6);
    }

    @Test
    void aPermanentMoveIsFollowedOnlyAfterThreeCrawlsSeeIt() {
        site.text("/old.xml", 301, "", null, "Location", "/new.xml");
        site.text("/new.xml", 200, GOOD_FEED.replace("<item>", "<ttl>60</ttl><item>"), "application/rss+xml");
        long id = t.addBlog("moved", site.url("/moved/"), site.url("/old.xml"));
        for (int i = 1; i <= 2; i++) {
            assertThat(t.crawl(id).result()).isEqualTo(CrawlOutcome.Result.FETCHED);
            assertThat(t.blogColumn(id, "feed_url")).isEqualTo(site.url("/old.xml"));
            assertThat(t.state(id).redirectCount()).isEqualTo(i);
        }
        t.crawl(id);
        assertThat(t.blogColumn(id, "feed_url")).isEqualTo(site.url("/new.xml"));
        assertThat(t.state(id).redirectCount()).isZero();
    }

    @Test
    void aTemporaryRedirectNeverRewritesTheFeedAddress() {
        site.text("/temp.xml", 302, "", null, "Location", "/good.xml");
        long id = t.addBlog("temp", site.url("/temp/"), site.url("/temp.xml"));
        for (int i = 0; i < 4; i++) t.crawl(id);
        assertThat(t.blogColumn(id, "feed_url")).isEqualTo(site.url("/temp.xml"));
        assertThat(t.count("SELECT count(*) FROM post WHERE blog_id = " + id)).isEqualTo(1);
    }

    @Test
    void conditionalGetSendsValidatorsBackAndA304KeepsEverything() {
        site.on("/etag.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LoopbackSite.send(ex, 304, "", null, "ETag", "\"v1\"");
            } else {
                LoopbackSite.send(ex, 200, GOOD_FEED.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                        "ETag", "\"v1\"", "Last-Modified", "Wed, 18 Nov 2026 10:00:00 GMT");
            }
        });
        long id = t.addBlog("etag", site.url("/etag/"), site.url("/etag.xml"));
        CrawlOutcome read = t.crawl(id);
        assertThat(read.result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        assertThat(read.changesMetrics()).isTrue();
        assertThat(t.state(id).etag()).isEqualTo("\"v1\"");
        t.clock.advance(Duration.ofHours(25));
        CrawlOutcome unchanged = t.crawl(id);
        assertThat(unchanged.result()).isEqualTo(CrawlOutcome.Result.NOT_MODIFIED);
        assertThat(unchanged.commentChecks()).as("its one post is young enough to have its comments read again")
                .isPositive();
        assertThat(unchanged.changesMetrics()).as("a 304, but comments checked: reply facts may change").isTrue();
        CrawlState s = t.state(id);
        assertThat(s.etag()).isEqualTo("\"v1\"");
        assertThat(s.lastModified()).isEqualTo("Wed, 18 Nov 2026 10:00:00 GMT");
        assertThat(s.lastHttpStatus()).isEqualTo(304);
        assertThat(t.count("SELECT count(*) FROM post WHERE blog_id = " + id)).isEqualTo(1);
        assertThat(s.nextAttemptAt()).isBetween(t.clock.instant().plus(Duration.ofMinutes(54)),
                t.clock.instant().plus(Duration.ofHours(27)));
    }
}
