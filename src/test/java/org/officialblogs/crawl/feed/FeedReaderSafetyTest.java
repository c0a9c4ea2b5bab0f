package org.officialblogs.crawl.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import org.officialblogs.crawl.read.ReadFailureKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.officialblogs.crawl.feed.FeedFixtures.failure;
import static org.officialblogs.crawl.feed.FeedFixtures.feedFile;
import static org.officialblogs.crawl.feed.FeedFixtures.parsed;
import static org.officialblogs.crawl.feed.FeedFixtures.utf8;

/** Hostile and broken bodies: each is refused as a value with a kind and a useful message, never thrown. */
class FeedReaderSafetyTest {

    private static final URI FEED_URL = URI.create("https://blog.example.org/feed/");
    private final FeedReader reader = new FeedReader();

    private static final String RSS_TAIL = """
            <rss version="2.0"><channel><title>&xxe;</title><link>https://blog.example.org/</link>
            <description>d</description><item><title>t</title><link>https://blog.example.org/a</link></item>
            </channel></rss>
            """;

    @Test
    void refusesXxeWithAFileEntity() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                + RSS_TAIL;
        FeedReadResult.Failure failure = failure(reader.read(utf8(xxe), "application/rss+xml", FEED_URL));
        assertThat(failure.kind()).isEqualTo(ReadFailureKind.UNSAFE);
        assertThat(failure.message()).contains("internal subset").contains("line 2").doesNotContain("root:");
    }

    @Test
    void refusesBillionLaughsQuickly() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        xml.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        FeedReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> reader.read(utf8(xml.toString()), null, FEED_URL));
        assertThat(failure(result).kind()).isEqualTo(ReadFailureKind.UNSAFE);
    }

    @Test
    void refusesAParameterEntityHiddenBehindACommentAndLowercaseDoctype() {
        String xml = "<!-- harmless? -->\n<!doctype rss [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>"
                + RSS_TAIL;
        assertThat(failure(reader.read(utf8(xml), null, FEED_URL)).kind()).isEqualTo(ReadFailureKind.UNSAFE);
    }

    /**
     * The decision on harmless DOCTYPEs: one without an internal subset (Netscape RSS 0.91, as blosxom printed it)
     * only names an external DTD. It is removed before parsing (the DTD is never loaded), so the feed is read as
     * the best readers read it, and Rome still tells RSS 0.91 Netscape apart by the kept public id. The HTML
     * entities that DTD defines still come out right.
     */
    @Test
    void readsNetscapeRss091WithItsHarmlessDoctype() {
        String xml = """
                <?xml version="1.0"?>
                <!-- name="generator" content="blosxom/2.0" -->
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">

                <rss version="0.91">
                  <channel>
                    <title>OSI News Weblog</title>
                    <link>http://opensource.org/weblog/</link>
                    <description>News</description>
                    <language>en</language>
                    <item>
                      <title>Caf&eacute; &amp; open&nbsp;source</title>
                      <link>http://opensource.org/weblog/2005/07/27#oscon05meeting</link>
                      <description>Meeting at OSCON</description>
                    </item>
                  </channel>
                </rss>
                """;
        ParsedFeed feed = parsed(reader.read(utf8(xml), "text/xml", FEED_URL));
        assertThat(feed.format()).isEqualTo("rss_0.91N");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Café & open source");
            assertThat(item.url()).hasToString("http://opensource.org/weblog/2005/07/27#oscon05meeting");
        });
        assertThat(feed.generator()).contains("blosxom/2.0");
        assertThat(feed.repairs()).anyMatch(r -> r.startsWith("removed DOCTYPE rss"));
    }

    @Test
    void neverFetchesAnExternalDtd() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY eacute \"PWNED\">".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + dtd + "\">\n"
                    + "<rss version=\"2.0\"><channel><title>Caf&eacute;</title><link>https://blog.example.org/</link>"
                    + "<description>d</description><item><title>Caf&eacute;</title>"
                    + "<link>https://blog.example.org/a</link></item></channel></rss>";
            ParsedFeed feed = parsed(reader.read(utf8(xml), null, FEED_URL));
            assertThat(feed.items().get(0).title()).isEqualTo("Café");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void htmlServedInsteadOfAFeedIsNotAFeed() {
        FeedReadResult.Failure realPage = failure(reader.read(feedFile("wordpress-lemire-post-comments.html"),
                "text/html; charset=UTF-8", URI.create("https://lemire.me/blog/feed/")));
        assertThat(realPage.kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(realPage.message()).contains("HTML");

        String wellFormedXhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head>"
                + "<body><p>Hello</p></body></html>";
        FeedReadResult.Failure xhtml = failure(reader.read(utf8(wellFormedXhtml), null, FEED_URL));
        assertThat(xhtml.kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(xhtml.message()).contains("<html>");
    }

    @Test
    void truncatedXmlIsMalformedWithTheLine() {
        byte[] whole = feedFile("wordpress-natasha-wp4.7.rss.xml");
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        FeedReadResult.Failure failure = failure(reader.read(half, null, FEED_URL));
        assertThat(failure.kind()).isEqualTo(ReadFailureKind.MALFORMED);
        assertThat(failure.message()).startsWith("XML error at line ").contains("column");
    }

    @Test
    void errorLinesCountFromTheOriginalBodyEvenAfterRepairs() {
        String xml = "\n\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>x</title>\n"
                + "<item><title>a</item>\n</channel></rss>\n";
        FeedReadResult.Failure failure = failure(reader.read(utf8(xml), null, FEED_URL));
        assertThat(failure.kind()).isEqualTo(ReadFailureKind.MALFORMED);
        assertThat(failure.message()).contains("line 6").contains("<item><title>a</item>");
    }

    @Test
    void emptyBlankAndBinaryBodiesAreNotFeeds() {
        assertThat(failure(reader.read(new byte[0], null, FEED_URL)))
                .isEqualTo(new FeedReadResult.Failure(ReadFailureKind.UNEXPECTED_FORMAT, "empty body (0 bytes)"));
        assertThat(failure(reader.read(utf8(" \n\t\n"), null, FEED_URL)).message()).startsWith("blank body");

        byte[] blob = new byte[4096];
        new Random(42).nextBytes(blob);
        FeedReadResult.Failure random = failure(reader.read(blob, "application/octet-stream", FEED_URL));
        assertThat(random.kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(random.message()).startsWith("binary data");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(failure(reader.read(png, "image/png", FEED_URL)).message()).startsWith("binary data");

        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
        assertThat(failure(reader.read(gzip, null, FEED_URL)).message()).contains("gzip");
    }

    @Test
    void jsonAndUnknownXmlAreNotFeeds() {
        FeedReadResult.Failure json = failure(reader.read(utf8("{\"version\": \"https://jsonfeed.org/version/1\"}"),
                "application/feed+json", FEED_URL));
        assertThat(json.kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(json.message()).contains("JSON");

        String sitemap = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>https://blog.example.org/</loc></url></urlset>";
        FeedReadResult.Failure unknown = failure(reader.read(utf8(sitemap), null, FEED_URL));
        assertThat(unknown.kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(unknown.message()).contains("<urlset>").contains("not RSS, RDF or Atom");

        assertThat(failure(reader.read(utf8("Service Unavailable"), null, FEED_URL)).message())
                .contains("Service Unavailable");
    }

    @Test
    void titlesComeOutAsPlainTextAndSummariesSanitised() {
        String xml = """
                <rss version="2.0"><channel><title>&lt;script&gt;alert('feed')&lt;/script&gt;My blog</title>
                <link>https://blog.example.org/</link><description>d</description>
                <item>
                  <title>&lt;script&gt;alert(1)&lt;/script&gt;Budget &amp;amp; &lt;b&gt;tax&lt;/b&gt;</title>
                  <link>https://blog.example.org/budget</link>
                  <description><![CDATA[<p onclick="steal()">Hello <script>alert(2)</script><img src="x" onerror="y()">
                    <a href="javascript:alert(3)">bad</a> <a href="/about">about</a>
                    <iframe src="https://evil.example/"></iframe><style>body{}</style></p>]]></description>
                </item></channel></rss>
                """;
        ParsedFeed feed = parsed(reader.read(utf8(xml), null, URI.create("https://blog.example.org/feed/")));
        assertThat(feed.title()).isEqualTo("My blog");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Budget & tax");
        assertThat(item.summaryHtml())
                .startsWith("<p>Hello")
                .contains("<a href=\"https://blog.example.org/about\">about</a>")
                .doesNotContain("script").doesNotContain("alert").doesNotContain("onclick").doesNotContain("onerror")
                .doesNotContain("<img").doesNotContain("iframe").doesNotContain("javascript:")
                .doesNotContain("<style");
    }

    @Test
    void atomTextTitlesKeepLiteralAngleBrackets() {
        ParsedFeed feed = FeedFixtures.read("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Why &lt;script&gt; tags matter</title>
                <id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
                <entry><title type="text">A &lt;b&gt; is not bold here</title><id>urn:1</id>
                <updated>2024-01-01T00:00:00Z</updated><summary type="text">1 &lt; 2 &amp; &lt;i&gt;x&lt;/i&gt;</summary>
                <link href="https://blog.example.org/1"/></entry></feed>
                """);
        assertThat(feed.title()).isEqualTo("Why <script> tags matter");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("A <b> is not bold here");
        assertThat(item.summaryHtml()).isEqualTo("1 &lt; 2 &amp; &lt;i&gt;x&lt;/i&gt;");
    }
}
