package org.officialblogs.crawl.feed;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.feed.FeedFixtures.parsed;

/** How bytes become text: BOMs, valid UTF-8, the XML declaration, the HTTP charset, and the Latin-1 fallback. */
class FeedReaderEncodingTest {

    private static final URI FEED_URL = URI.create("https://blog.example.org/feed/");
    private final FeedReader reader = new FeedReader();

    private static String rss(String declaration, String title) {
        return declaration + "<rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<link>https://blog.example.org/</link><description>d</description>"
                + "<item><title>" + title + "</title><link>https://blog.example.org/1</link>"
                + "<pubDate>Mon, 23 Mar 2009 09:10:06 +0200</pubDate></item></channel></rss>";
    }

    @Test
    void theHttpCharsetDecodesBytesThatDeclareNothing() {
        byte[] body = rss("", "Цитата дня").getBytes(Charset.forName("windows-1251"));
        ParsedFeed feed = parsed(reader.read(body, "text/xml; charset=\"windows-1251\"", FEED_URL));
        assertThat(feed.title()).isEqualTo("Цитата дня");
        assertThat(feed.charset()).isEqualTo("windows-1251");
    }

    @Test
    void theDeclarationWinsOverAServerDefaultForNonUtf8Bytes() {
        String turkish = "Türkiye'nin muhasebe sitesi: ş ğ ı İ";
        byte[] body = rss("<?xml version='1.0' encoding='iso-8859-9'?>\n", turkish)
                .getBytes(Charset.forName("ISO-8859-9"));
        ParsedFeed feed = parsed(reader.read(body, "text/html; charset=ISO-8859-1", FEED_URL));
        assertThat(feed.items().get(0).title()).isEqualTo(turkish);
        assertThat(feed.charset()).isEqualTo("windows-1254");
        assertThat(feed.items().get(0).published()).hasToString("2009-03-23T07:10:06Z");
    }

    @Test
    void validUtf8IsUtf8WhateverTheDeclarationClaims() {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Élysée déjà vu").getBytes(
                StandardCharsets.UTF_8);
        ParsedFeed feed = parsed(reader.read(body, "application/rss+xml; charset=iso-8859-1", FEED_URL));
        assertThat(feed.title()).isEqualTo("Élysée déjà vu");
        assertThat(feed.charset()).isEqualTo("UTF-8");
    }

    @Test
    void latin1BytesWithoutADeclarationFallBackToWindows1252() {
        byte[] body = rss("", "Caf\u00e9 \u201cquoted\u201d").getBytes(Charset.forName("windows-1252"));
        ParsedFeed feed = parsed(reader.read(body, null, FEED_URL));
        assertThat(feed.title()).isEqualTo("Café “quoted”");
        assertThat(feed.repairs()).anyMatch(r -> r.contains("windows-1252"));
    }

    @Test
    void declaredUtf8ThatIsNotFallsBackToWindows1252() {
        byte[] body = rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Männer").getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed feed = parsed(reader.read(body, "text/xml; charset=utf-8", FEED_URL));
        assertThat(feed.title()).isEqualTo("Männer");
        assertThat(feed.charset()).isEqualTo("windows-1252");
    }

    @Test
    void byteOrderMarksDecideUtf16AndUtf8() {
        String xml = rss("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "Ελληνικά");
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.writeBytes(xml.getBytes(StandardCharsets.UTF_16LE));
        assertThat(parsed(reader.read(utf16.toByteArray(), null, FEED_URL)).title()).isEqualTo("Ελληνικά");

        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        utf8.writeBytes(("\n\n" + rss("<?xml version=\"1.0\"?>", "naïve")).getBytes(StandardCharsets.UTF_8));
        assertThat(parsed(reader.read(utf8.toByteArray(), null, FEED_URL)).title()).isEqualTo("naïve");
    }

    @Test
    void charactersXmlForbidsAreDroppedNotFatal() {
        ParsedFeed feed = parsed(reader.read(FeedFixtures.utf8(rss("", "Bad\u0001 byte\u000B here")), null,
                FEED_URL));
        assertThat(feed.title()).isEqualTo("Bad byte here");
        assertThat(feed.repairs()).contains("dropped 4 characters that XML 1.0 forbids");
    }

    @Test
    void bareAmpersandsAndHtmlEntitiesAreRepaired() {
        ParsedFeed feed = parsed(reader.read(FeedFixtures.utf8(rss("", "AT&T &mdash; caf&eacute; &unknown; &#233;")),
                null, FEED_URL));
        assertThat(feed.title()).isEqualTo("AT&T — café &unknown; é");
    }
}
