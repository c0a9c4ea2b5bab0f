package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A kept page is gzipped once, to the same HTML, and only for requests whose Accept-Encoding allows gzip. */
class KeptPageTest {

    @Test
    void theGzipFormIsMadeOnceAndUnzipsToTheHtml() throws IOException {
        byte[] html = "<!doctype html><title>Rankings</title><table>".concat("<tr><td>A blog</td></tr>".repeat(500))
                .getBytes(StandardCharsets.UTF_8);
        KeptPage page = new KeptPage(html);
        byte[] gzipped = page.gzipped();
        assertThat(page.gzipped()).as("kept, not made again").isSameAs(gzipped);
        assertThat(gzipped.length).isLessThan(html.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(in.readAllBytes()).isEqualTo(html);
        }
        assertThat(page.html()).isSameAs(html);
    }

    @Test
    void gzipIsSentWhereTheRequestAcceptsItByNameOrByStarWithAWeightAboveZero() {
        assertThat(HtmlResponse.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(HtmlResponse.acceptsGzip("gzip")).isTrue();
        assertThat(HtmlResponse.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).isTrue();
        assertThat(HtmlResponse.acceptsGzip("x-gzip")).isTrue();
        assertThat(HtmlResponse.acceptsGzip("GZip")).isTrue();
        assertThat(HtmlResponse.acceptsGzip("*")).isTrue();

        assertThat(HtmlResponse.acceptsGzip(null)).isFalse();
        assertThat(HtmlResponse.acceptsGzip("")).isFalse();
        assertThat(HtmlResponse.acceptsGzip("identity")).isFalse();
        assertThat(HtmlResponse.acceptsGzip("br, zstd")).isFalse();
        assertThat(HtmlResponse.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(HtmlResponse.acceptsGzip("*, gzip;q=0")).as("named with weight 0, whatever * says").isFalse();
        assertThat(HtmlResponse.acceptsGzip("*;q=0")).isFalse();
        assertThat(HtmlResponse.acceptsGzip("deflate, *;q=0.000")).isFalse();
    }
}
