package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.fetch.FetchSettings;

class ArchiveSettingsTest {

    @Test
    void theDefaultsAreTheInternetArchiveAtAConservativePace() {
        ArchiveSettings settings = ArchiveSettings.from(Config.defaults(Map.of()));

        assertThat(settings.endpoint()).isEqualTo(URI.create("https://web.archive.org"));
        assertThat(settings.requestDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxRetryWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.captureSpacing()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theEndpointAndPaceComeFromTheConfiguration() {
        ArchiveSettings settings = ArchiveSettings.from(Config.defaults(Map.of(
                "OFFICIALBLOGS_ARCHIVE_ENDPOINT", "http://127.0.0.1:8080/wayback/",
                "OFFICIALBLOGS_ARCHIVE_DELAY_MS", "250")));

        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080/wayback"));
        assertThat(settings.requestDelay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aBadEndpointOrPaceStopsTheAppWithTheVariablesName() {
        assertThatThrownBy(() -> Config.defaults(Map.of("OFFICIALBLOGS_ARCHIVE_ENDPOINT", "ftp://archive.example")))
                .isInstanceOf(Config.InvalidConfigException.class)
                .hasMessageContaining("OFFICIALBLOGS_ARCHIVE_ENDPOINT must be an absolute http(s) URL");
        assertThatThrownBy(() -> Config.defaults(Map.of("OFFICIALBLOGS_ARCHIVE_ENDPOINT", "http://a b")))
                .hasMessageContaining("OFFICIALBLOGS_ARCHIVE_ENDPOINT is not a URL");
        assertThatThrownBy(() -> Config.defaults(Map.of("OFFICIALBLOGS_ARCHIVE_DELAY_MS", "-1")))
                .hasMessageContaining("OFFICIALBLOGS_ARCHIVE_DELAY_MS must be >= 0");
        assertThatThrownBy(() -> ArchiveSettings.defaults(URI.create("https://web.archive.org/?x=1")))
                .hasMessageContaining("must not have a query");
    }

    @Test
    void theArchivesFetcherKeepsTheCrawlersAgentAndLimitsButPacesAndFollowsNoRedirect() {
        FetchSettings crawler = FetchSettings.defaults(FetchSettings.userAgent("1.0", "https://blogs.example.org"));

        FetchSettings archive = ArchiveSettings.defaults(ArchiveSettings.DEFAULT_ENDPOINT).fetchSettings(crawler);

        assertThat(archive.userAgent()).isEqualTo("OfficialBlogs/1.0 (+https://blogs.example.org)");
        assertThat(archive.hostDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(archive.maxConcurrentFetches()).isEqualTo(1);
        assertThat(archive.maxRedirects()).isZero();
        assertThat(archive.maxBodyBytes()).isEqualTo(crawler.maxBodyBytes());
        assertThat(archive.allowPrivateNetwork()).isFalse();
    }
}
