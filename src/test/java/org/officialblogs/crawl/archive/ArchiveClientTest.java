package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_RSS;
import static org.officialblogs.crawl.archive.ArchiveFixtures.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.fetch.Fetcher;

class ArchiveClientTest {

    private static final String FEED = "http://blog.example.org/feed/";

    private ArchiveStandIn archive;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        archive = ArchiveStandIn.start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        if (fetcher != null) {
            fetcher.close();
        }
        archive.close();
    }

    private ArchiveClient client(ArchiveSettings settings) {
        fetcher = ArchiveTesting.fetcher(settings);
        return ArchiveTesting.client(fetcher, settings);
    }

    private ArchiveClient client() {
        return client(ArchiveTesting.settings(archive.endpoint()));
    }

    private static CdxQuery query(int limit) {
        return CdxQuery.readableCaptures(URI.create(FEED), MatchType.EXACT, null, null, limit);
    }

    private static CdxCapture listedAt(String timestamp, String original) {
        return new CdxCapture(new CaptureUrl(timestamp, URI.create(original)), "text/xml", 200, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRetryAfterLongerThanAReadWaitsStopsTheReadAtOnce() {
        archive.capture("20090105093000", FEED, 200, "text/xml", feed(NORM_RSS))
                .answerNext("/cdx/", 429, "text/plain", "slow down", "Retry-After", "3600");
        Instant before = Instant.now();

        ArchiveHistory history = ArchiveTesting.reader(client()).read(new ArchiveRequest(URI.create(FEED), null,
                Platform.WORDPRESS, null, null));

        assertThat(history.stoppedBy().kind()).isEqualTo(ArchiveFailureKind.RATE_LIMITED);
        assertThat(history.stoppedBy().retryAt()).isAfter(before.plusSeconds(3590));
        assertThat(history.stoppedBy().message()).contains("longer than the 5 s a read waits");
        assertThat(history.listings()).hasSize(1);
        assertThat(history.documents()).isEmpty();
        assertThat(history.complete()).isFalse();
        assertThat(archive.requests()).extracting(ArchiveStandIn.Seen::status)
                .as("robots.txt and the one refused question; nothing more while the archive asks for a pause")
                .containsExactly(404, 429);
    }

    @Test
    void aCaptureAnswered503WithRetryAfterIsFetchedAfterTheWait() {
        archive.capture("20090105093000", FEED, 200, "text/xml", feed(NORM_RSS))
                .answerNext("/web/", 503, "text/html", "<html>busy</html>", "Retry-After", "1");

        CaptureFetch fetched = client().fetch(listedAt("20090105093000", FEED));

        assertThat(fetched.ok()).isTrue();
        assertThat(fetched.body()).isEqualTo(feed(NORM_RSS));
        List<ArchiveStandIn.Seen> seen = archive.requests();
        assertThat(seen).extracting(ArchiveStandIn.Seen::status).containsExactly(404, 503, 200);
        assertThat(Duration.ofNanos(seen.get(2).arrivedNanos() - seen.get(1).arrivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIndexAnsweringWithAnHtmlPageIsAClearFailure() {
        archive.answerNext("/cdx/", 200, "text/html",
                "<html><head><title>Internet Archive: Scheduled Maintenance</title></head><body></body></html>");

        CdxListing listing = client().list(query(10));

        assertThat(listing.failure().kind()).isEqualTo(ArchiveFailureKind.NOT_CDX);
        assertThat(listing.failure().message()).isEqualTo(
                "an HTML or XML page instead of the JSON list (title \"Internet Archive: Scheduled Maintenance\")");
        assertThat(listing.captures()).isEmpty();
    }

    @Test
    void anIndexErrorStatusIsAFailureWithTheStatus() {
        archive.answerNext("/cdx/", 502, "text/html", "<html>Bad Gateway</html>");

        CdxListing listing = client().list(query(10));

        assertThat(listing.failure().kind()).isEqualTo(ArchiveFailureKind.UNAVAILABLE);
        assertThat(listing.failure().httpStatus()).isEqualTo(502);
        assertThat(listing.failure().stopsTheRead()).isFalse();
    }

    @Test
    void anIndexRedirectInsideTheArchiveIsFollowedAndOneOutsideIsNot() {
        archive.capture("20090105093000", FEED, 200, "text/xml", feed(NORM_RSS));
        URI asked = query(10).uri(archive.endpoint());
        archive.answerNext("/cdx/", 301, "text/html", "", "Location",
                archive.endpoint() + "/cdx/search/cdx?" + asked.getRawQuery() + "&gzip=false");

        CdxListing moved = client().list(query(10));

        assertThat(moved.failure()).isNull();
        assertThat(moved.captures()).extracting(CdxCapture::timestamp).containsExactly("20090105093000");

        archive.answerNext("/cdx/", 302, "text/html", "", "Location", "http://elsewhere.example/cdx");
        CdxListing away = client().list(query(10));
        assertThat(away.failure().kind()).isEqualTo(ArchiveFailureKind.NOT_CDX);
        assertThat(away.failure().message()).isEqualTo(
                "the index redirected to http://elsewhere.example/cdx instead of answering");
    }

    @Test
    void aListingStopsAtThePageBudgetAndAtARepeatedResumeKey() {
        archive.capture("20090105093000", FEED, 200, "text/xml", bytes("<rss/>"))
                .capture("20090106093000", FEED, 200, "text/xml", bytes("<rss version=\"2.0\"/>"))
                .capture("20090107093000", FEED, 200, "text/xml", bytes("<rss version=\"0.92\"/>"));

        CdxListing cut = client(ArchiveTesting.settings(archive.endpoint()).withCdxPaging(1, 2)).list(query(1));
        assertThat(cut.captures()).extracting(CdxCapture::timestamp).containsExactly("20090105093000", "20090106093000");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.complete()).isFalse();

        String page = "[[\"timestamp\",\"original\"],[\"20090105093000\",\"" + FEED + "\"],[],[\"SAME\"]]";
        archive.answerNext("/cdx/", 200, "application/json", page).answerNext("/cdx/", 200, "application/json", page);
        CdxListing looping = client(ArchiveTesting.settings(archive.endpoint())).list(query(1));
        assertThat(looping.failure().kind()).isEqualTo(ArchiveFailureKind.CDX_MALFORMED);
        assertThat(looping.failure().message()).contains("resume key 'SAME' twice");
        assertThat(looping.requests()).isEqualTo(2);
    }

    @Test
    void aCaptureTheArchiveDoesNotHoldAndARedirectLoopAreFailuresOfTheirOwnKind() {
        archive.redirect("20090105093000", "http://blog.example.org/a", 301, "http://blog.example.org/b")
                .redirect("20090105093000", "http://blog.example.org/b", 301, "http://blog.example.org/a");
        ArchiveClient client = client();

        CaptureFetch missing = client.fetch(listedAt("20090105093000", "http://blog.example.org/never"));
        assertThat(missing.failure().kind()).isEqualTo(ArchiveFailureKind.NOT_IN_ARCHIVE);
        assertThat(missing.failure().httpStatus()).isEqualTo(404);

        CaptureFetch loop = client.fetch(listedAt("20090105093000", "http://blog.example.org/a"));
        assertThat(loop.failure().kind()).isEqualTo(ArchiveFailureKind.TOO_MANY_REDIRECTS);
        assertThat(loop.redirects()).hasSize(2);
    }

    @Test
    void theArchivesMoveToTheNearestCaptureIsFollowedAndRecorded() {
        archive.capture("20090110000000", FEED, 200, "text/xml", feed(NORM_RSS));

        CaptureFetch fetched = client().fetch(listedAt("20090105093000", FEED));

        assertThat(fetched.ok()).isTrue();
        assertThat(fetched.capture()).isEqualTo(new CaptureUrl("20090110000000", URI.create(FEED)));
        assertThat(fetched.redirects()).singleElement().satisfies(hop -> assertThat(hop.status()).isEqualTo(302));
    }
}
