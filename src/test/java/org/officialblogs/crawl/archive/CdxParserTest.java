package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CdxParserTest {

    private final CdxParser parser = new CdxParser();

    private CdxAnswer parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CdxAnswer.Page page(CdxAnswer answer) {
        assertThat(answer).isInstanceOf(CdxAnswer.Page.class);
        return (CdxAnswer.Page) answer;
    }

    private static ArchiveFailure failure(CdxAnswer answer) {
        assertThat(answer).isInstanceOf(CdxAnswer.Failed.class);
        return ((CdxAnswer.Failed) answer).failure();
    }

    @Test
    void readsTheHeaderRowTheCapturesAndTheResumeKey() {
        CdxAnswer.Page page = page(parse("""
                [["timestamp","original","mimetype","statuscode","digest","length"],
                 ["20090105120000","http://www.norm2782.com/feed/","text/xml","200","AAAA","2100"],
                 ["20090121080000","http://www.norm2782.com:80/feed","text/html","301","BBBB","-"],
                 ["20090130093000","http://www.norm2782.com/feed/","warc/revisit","-","AAAA","312"],
                 [],
                 ["com,norm2782)/feed 20090130093000"]]
                """));

        assertThat(page.captures()).hasSize(3);
        CdxCapture first = page.captures().get(0);
        assertThat(first.timestamp()).isEqualTo("20090105120000");
        assertThat(first.capturedAt()).isEqualTo(Instant.parse("2009-01-05T12:00:00Z"));
        assertThat(first.original()).isEqualTo(URI.create("http://www.norm2782.com/feed/"));
        assertThat(first.mimeType()).isEqualTo("text/xml");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.digest()).isEqualTo("AAAA");
        assertThat(first.length()).isEqualTo(2100L);
        assertThat(page.captures().get(1).redirect()).isTrue();
        assertThat(page.captures().get(1).length()).isNull();
        assertThat(page.captures().get(2).status()).as("a revisit record has no status").isNull();
        assertThat(page.resumeKey()).isEqualTo("com,norm2782)/feed 20090130093000");
        assertThat(page.skipped()).isZero();
    }

    @Test
    void fieldsAreFoundByTheHeaderWhateverTheirOrder() {
        CdxAnswer.Page page = page(parse("""
                [["urlkey","original","length","timestamp"],
                 ["com,example)/rss","https://example.com/rss","99","20070304050607"]]
                """));

        assertThat(page.captures()).singleElement().satisfies(c -> {
            assertThat(c.timestamp()).isEqualTo("20070304050607");
            assertThat(c.original()).isEqualTo(URI.create("https://example.com/rss"));
            assertThat(c.length()).isEqualTo(99L);
            assertThat(c.mimeType()).isNull();
            assertThat(c.status()).isNull();
        });
        assertThat(page.resumeKey()).isNull();
    }

    @Test
    void noCapturesIsAnEmptyPageWhetherTheBodyIsEmptyBlankOrAnEmptyList() {
        assertThat(page(parser.parse(new byte[0])).captures()).isEmpty();
        assertThat(page(parser.parse(null)).captures()).isEmpty();
        assertThat(page(parse(" \n")).captures()).isEmpty();
        assertThat(page(parse("[]")).captures()).isEmpty();
        assertThat(page(parse("[[\"timestamp\",\"original\"]]")).captures()).isEmpty();
    }

    @Test
    void malformedRowsAreLeftOutAndNamedWhileTheGoodOnesAreKept() {
        CdxAnswer.Page page = page(parse("""
                [["timestamp","original","statuscode"],
                 ["20090105120000","http://blog.example.org/feed/","200"],
                 ["2009010512","http://blog.example.org/feed/","200"],
                 ["20091345120000","http://blog.example.org/feed/","200"],
                 ["20090106120000","mailto:someone@example.org","200"],
                 ["20090107120000"],
                 {"timestamp":"20090108120000"},
                 ["20090109120000","blog.example.org/feed/","200"]]
                """));

        assertThat(page.captures()).extracting(CdxCapture::timestamp)
                .containsExactly("20090105120000", "20090109120000");
        assertThat(page.captures().get(1).original())
                .as("the archive writes some originals without a scheme").isEqualTo(URI.create("http://blog.example.org/feed/"));
        assertThat(page.skipped()).isEqualTo(5);
        assertThat(page.notes()).containsExactly(
                "row 3: capture time '2009010512' is not a valid 14-digit timestamp",
                "row 4: capture time '20091345120000' is not a valid 14-digit timestamp",
                "row 5: original address 'mailto:someone@example.org' is not an http(s) URL",
                "row 6: has 1 fields, fewer than the header names",
                "row 7: not a list of fields: {\"timestamp\":\"20090108120000\"}");
    }

    @Test
    void rowsAfterTheResumeKeyAndAnEmptyRowWithoutAKeyAreReported() {
        CdxAnswer.Page afterKey = page(parse("""
                [["timestamp","original"],["20090105120000","http://a.example/feed"],[],["KEY"],["20090106120000","http://a.example/feed"]]
                """));
        assertThat(afterKey.captures()).hasSize(1);
        assertThat(afterKey.resumeKey()).isEqualTo("KEY");
        assertThat(afterKey.skipped()).isEqualTo(1);

        CdxAnswer.Page noKey = page(parse("[[\"timestamp\",\"original\"],[\"20090105120000\",\"http://a.example/feed\"],[]]"));
        assertThat(noKey.resumeKey()).isNull();
        assertThat(noKey.notes()).containsExactly("row 3: an empty row without a resume key after it");
    }

    @Test
    void anHtmlErrorPageIsNotTheIndexAnswer() {
        ArchiveFailure failure = failure(parse("""
                <!DOCTYPE html><html><head><title>Wayback Machine - Service Unavailable</title></head>
                <body><p>The server is temporarily unable to service your request.</p></body></html>
                """));
        assertThat(failure.kind()).isEqualTo(ArchiveFailureKind.NOT_CDX);
        assertThat(failure.message()).isEqualTo(
                "an HTML or XML page instead of the JSON list (title \"Wayback Machine - Service Unavailable\")");
    }

    @Test
    void plainTextLinesAnObjectAndCompressedBytesAreNotTheJsonList() {
        assertThat(failure(parse("com,example)/feed 20090105120000 http://example.com/feed text/xml 200 AAAA 10\n")))
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(ArchiveFailureKind.NOT_CDX);
                    assertThat(f.message()).startsWith("plain text instead of the JSON list: com,example)/feed");
                });
        assertThat(failure(parse("{\"error\":\"bad query\"}")).message())
                .isEqualTo("a JSON object instead of the list of captures: {\"error\":\"bad query\"}");
        assertThat(failure(parser.parse(new byte[] {0x1F, (byte) 0x8B, 8, 0})).kind())
                .isEqualTo(ArchiveFailureKind.NOT_CDX);
    }

    @Test
    void anExcludedSiteIsSaidSo() {
        ArchiveFailure failure = failure(parse(
                "org.archive.wayback.exception.AdministrativeAccessControlException: Blocked Site Error\n"));
        assertThat(failure.kind()).isEqualTo(ArchiveFailureKind.EXCLUDED);
    }

    @Test
    void brokenJsonSaysWhere() {
        ArchiveFailure truncated = failure(parse("[[\"timestamp\",\"original\"],\n [\"20090105120000\",\"http://a.exa"));
        assertThat(truncated.kind()).isEqualTo(ArchiveFailureKind.CDX_MALFORMED);
        assertThat(truncated.message()).startsWith("broken JSON at line 2, column");

        assertThat(failure(parse("[[\"time\",\"url\"],[\"20090105120000\",\"http://a.example/\"]]")).message())
                .isEqualTo("the first row does not name the fields 'timestamp' and 'original': [\"time\",\"url\"]");
        assertThat(failure(parse("[1,2,3] trailing")).kind()).isEqualTo(ArchiveFailureKind.CDX_MALFORMED);
    }
}
