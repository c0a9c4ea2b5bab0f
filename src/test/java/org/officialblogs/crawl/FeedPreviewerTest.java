package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/** The submission preview runs the crawler's discovery on loopback sites and says what it found, or why not. */
class FeedPreviewerTest {

    @TempDir
    Path dir;
    LoopbackSite site;
    CrawlTestApp t;
    FeedPreviewer previewer;

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        t = new CrawlTestApp(dir, Instant.parse("2026-11-20T12:00:00Z"), Map.of());
        PlatformDetector detector = new PlatformDetector();
        previewer = new FeedPreviewer(new FeedLocator(t.app.fetcher, new FeedReader(), new FeedDiscovery(detector), detector));
    }

    @AfterEach
    void stop() {
        t.close();
        site.close();
    }

    @Test
    void findsTheLinkedFeedWithItsPlatformPostCountAndLatestPost() {
        site.text("/", 200, "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/posts/default\">"
                + "</head><body></body></html>", "text/html");
        site.text("/feeds/posts/default", 200, "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Ann</title><id>tag:blogger.com,1999:blog-123</id><updated>2026-11-19T10:00:00Z</updated>"
                + "<generator version=\"7.00\" uri=\"http://www.blogger.com\">Blogger</generator>"
                + "<entry><id>tag:blogger.com,1999:blog-123.post-1</id><title>One</title><published>2026-11-19T10:00:00Z</published><updated>2026-11-19T10:00:00Z</updated></entry>"
                + "<entry><id>tag:blogger.com,1999:blog-123.post-2</id><title>Two</title><published>2026-11-12T10:00:00Z</published><updated>2026-11-12T10:00:00Z</updated></entry>"
                + "</feed>", "application/atom+xml");
        BlogPreviewer.Preview p = previewer.preview(site.url("/"));
        assertThat(p.feedFound()).isTrue();
        assertThat(p.feedUrl()).isEqualTo(site.url("/feeds/posts/default"));
        assertThat(p.platform()).isEqualTo("blogger");
        assertThat(p.postCount()).isEqualTo(2);
        assertThat(p.latestPostAt()).isEqualTo(Instant.parse("2026-11-19T10:00:00Z"));
    }

    @Test
    void explainsWhatCouldNotBeFound() {
        site.text("/", 200, "<html><head><title>No feed here</title></head><body></body></html>", "text/html");
        BlogPreviewer.Preview none = previewer.preview(site.url("/"));
        assertThat(none.feedFound()).isFalse();
        assertThat(none.message()).startsWith("No feed found: the address does not lead to a feed.")
                .contains("links no feed");
        assertThat(previewer.preview("ftp://example.org/").message()).contains("not a web address");
        assertThat(previewer.preview(site.url("/missing/")).message()).startsWith("No feed found: the site refused the request");
    }
}
