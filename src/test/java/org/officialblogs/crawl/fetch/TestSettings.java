package org.officialblogs.crawl.fetch;

import java.time.Duration;

/** Fetch settings for tests: short timeouts, no politeness delay, loopback allowed unless a test says otherwise. */
final class TestSettings {

    static final String USER_AGENT = FetchSettings.userAgent("9.9.9", "https://officialblogs.test/about");

    private TestSettings() {
    }

    static FetchSettings loopbackAllowed() {
        return FetchSettings.defaults(USER_AGENT)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withPoliteness(Duration.ZERO, 16)
                .withAllowPrivateNetwork(true);
    }
}
