package org.officialblogs.crawl.comments.api;

import java.time.Clock;
import java.time.Duration;
import org.officialblogs.crawl.fetch.FetchSettings;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.HostResolver;

/** A real Fetcher for loopback tests: short timeouts, no politeness delay, loopback allowed. */
public final class TestFetchers {
    private TestFetchers() {
    }

    public static Fetcher loopback() {
        return new Fetcher(FetchSettings.defaults(FetchSettings.userAgent("9.9.9", "https://officialblogs.test/about"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withPoliteness(Duration.ZERO, 16)
                .withAllowPrivateNetwork(true), HostResolver.system(), Clock.systemUTC());
    }
}
