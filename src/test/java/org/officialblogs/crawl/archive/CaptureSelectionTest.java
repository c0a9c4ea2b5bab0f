package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaptureSelectionTest {

    private static CdxCapture at(String timestamp, String url) {
        return new CdxCapture(new CaptureUrl(timestamp, URI.create(url)), "text/xml", 200, null, null);
    }

    @Test
    void afterAFeedWasReadCapturesOfTheSameFeedWithinTheSpacingAreSkipped() {
        CaptureSelection selection = new CaptureSelection(Duration.ofDays(7), 100);
        CdxCapture first = at("20090101000000", "http://blog.example.org/feed/");

        assertThat(selection.fetch(first)).isTrue();
        selection.readAsFeed(first.at());
        assertThat(selection.fetch(at("20090105000000", "https://www.blog.example.org/feed"))).as("the same feed")
                .isFalse();
        assertThat(selection.fetch(at("20090105000000", "http://blog.example.org/feed/atom/"))).as("another feed")
                .isTrue();
        assertThat(selection.fetch(at("20090108000000", "http://blog.example.org/feed/"))).isTrue();
        assertThat(selection.skippedAsClose()).isEqualTo(1);
    }

    @Test
    void aCaptureWithoutAFeedDoesNotCountSoTheNextOneIsTried() {
        CaptureSelection selection = new CaptureSelection(Duration.ofDays(7), 100);

        assertThat(selection.fetch(at("20090101000000", "http://blog.example.org/feed/"))).isTrue();
        assertThat(selection.fetch(at("20090102000000", "http://blog.example.org/feed/"))).isTrue();
    }

    @Test
    void theBudgetCapsTheFetchesOfARead() {
        CaptureSelection selection = new CaptureSelection(Duration.ZERO, 2);

        assertThat(selection.fetch(at("20090101000000", "http://a.example/feed"))).isTrue();
        assertThat(selection.fetch(at("20090102000000", "http://a.example/feed"))).isTrue();
        assertThat(selection.fetch(at("20090103000000", "http://a.example/feed"))).isFalse();
        assertThat(selection.skippedOverBudget()).isEqualTo(1);
    }
}
