package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.fetch.FetchSettings;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.crawl.fetch.Sleeper;

/** The archive reader wired as production wires it, with test timeouts, loopback allowed and a short pace. */
final class ArchiveTesting {

    static final String USER_AGENT = FetchSettings.userAgent("9.9.9", "https://officialblogs.test");
    /** The pace toward the stand-in: short, so that the tests are quick, and long enough to measure. */
    static final Duration DELAY = Duration.ofMillis(150);

    private ArchiveTesting() {
    }

    static ArchiveSettings settings(URI endpoint) {
        return ArchiveSettings.defaults(endpoint).withRequestDelay(DELAY).withRetries(Duration.ofSeconds(5), 3)
                .withCdxPaging(3, 20);
    }

    /** The archive's own fetcher, from the crawler's settings as {@link ArchiveSettings#fetchSettings} adapts them. */
    static Fetcher fetcher(ArchiveSettings settings) {
        FetchSettings crawler = FetchSettings.defaults(USER_AGENT)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withAllowPrivateNetwork(true);
        return new Fetcher(settings.fetchSettings(crawler), HostResolver.system(), Clock.systemUTC());
    }

    static ArchiveClient client(Fetcher fetcher, ArchiveSettings settings) {
        return new ArchiveClient(fetcher, settings, Clock.systemUTC(), Sleeper.real());
    }

    static ArchiveHistoryReader reader(ArchiveClient client) {
        return new ArchiveHistoryReader(client, new FeedReader(),
                new ArchiveQueryPlan(new FeedDiscovery(new PlatformDetector())), ZoneOffset.UTC);
    }
}
