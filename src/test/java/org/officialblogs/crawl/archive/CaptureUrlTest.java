package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaptureUrlTest {

    private static final URI ARCHIVE = URI.create("https://web.archive.org");

    @Test
    void buildsTheRawAndReplayForms() {
        CaptureUrl capture = new CaptureUrl("20090105120000", URI.create("http://www.norm2782.com/?feed=rss2"));

        assertThat(capture.raw(ARCHIVE))
                .hasToString("https://web.archive.org/web/20090105120000id_/http://www.norm2782.com/?feed=rss2");
        assertThat(capture.replay(ARCHIVE))
                .hasToString("https://web.archive.org/web/20090105120000/http://www.norm2782.com/?feed=rss2");
        assertThat(capture.capturedAt()).isEqualTo(Instant.parse("2009-01-05T12:00:00Z"));
    }

    @Test
    void readsCaptureAddressesOfThisArchiveOnly() {
        CaptureUrl raw = CaptureUrl.parse(ARCHIVE,
                URI.create("https://web.archive.org/web/20090120000000id_/http://www.norm2782.com/feed/?paged=2"));
        assertThat(raw).isEqualTo(new CaptureUrl("20090120000000", URI.create("http://www.norm2782.com/feed/?paged=2")));

        assertThat(CaptureUrl.parse(ARCHIVE, URI.create("http://web.archive.org/web/20090120000000/http:/norm2782.com/feed")))
                .as("replay form, http, collapsed scheme").isEqualTo(
                        new CaptureUrl("20090120000000", URI.create("http://norm2782.com/feed")));
        assertThat(CaptureUrl.parse(ARCHIVE, URI.create("https://web.archive.org/web/20090120000000im_/norm2782.com/a.png")))
                .isEqualTo(new CaptureUrl("20090120000000", URI.create("http://norm2782.com/a.png")));

        assertThat(CaptureUrl.parse(ARCHIVE, URI.create("http://www.norm2782.com/feed/"))).as("the live site").isNull();
        assertThat(CaptureUrl.parse(ARCHIVE, URI.create("https://web.archive.org/cdx/search/cdx?url=x"))).isNull();
        assertThat(CaptureUrl.parse(ARCHIVE, URI.create("https://web.archive.org/web/2009/http://a.example/"))).isNull();
        assertThat(CaptureUrl.parse(ARCHIVE, URI.create("https://web.archive.org:8443/web/20090120000000id_/http://a.example/")))
                .isNull();
        URI mirror = URI.create("http://127.0.0.1:8080/wb");
        assertThat(CaptureUrl.parse(mirror, URI.create("http://127.0.0.1:8080/wb/web/20090120000000id_/http://a.example/")))
                .isEqualTo(new CaptureUrl("20090120000000", URI.create("http://a.example/")));
        assertThat(CaptureUrl.parse(mirror, URI.create("http://127.0.0.1:8080/web/20090120000000id_/http://a.example/")))
                .isNull();
    }

    @Test
    void aCaptureTimeIsFourteenValidDigits() {
        assertThat(CaptureUrl.instantOf("20090229000000")).as("2009 is not a leap year").isNull();
        assertThat(CaptureUrl.instantOf("2009")).isNull();
        assertThatThrownBy(() -> new CaptureUrl("200901", URI.create("http://a.example/")))
                .hasMessageContaining("14-digit");
    }
}
