package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.testkit.MutableClock;

class FetcherRobotsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private RecordingServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = RecordingServer.start("127.0.0.2");
        server.text("/public/feed", 200, "<rss/>");
        server.text("/private/feed", 200, "<rss>secret</rss>");
        fetcher = new Fetcher(TestSettings.loopbackAllowed().withRobotsTtl(Duration.ofHours(24), Duration.ofHours(1)),
                HostResolver.system(), clock);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchResult get(String path) {
        return fetcher.fetch(FetchRequest.feed(server.url(path), null, null));
    }

    @Test
    void disallowedUrlIsNeverRequestedAndRobotsIsFetchedOnce() {
        server.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n", "Content-Type", "text/plain");

        FetchResult blocked = get("/private/feed");
        FetchResult open = get("/public/feed");

        assertThat(blocked.failure()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
        assertThat(blocked.message()).contains("/robots.txt disallows /private/feed for OfficialBlogs");
        assertThat(blocked.status()).isZero();
        assertThat(server.count("/private/feed")).isZero();
        assertThat(open.ok()).isTrue();
        assertThat(server.count("/robots.txt")).isEqualTo(1);
        assertThat(server.requests("/robots.txt").get(0).header("User-Agent")).isEqualTo(TestSettings.USER_AGENT);
    }

    @Test
    void groupNamingOurAgentWinsOverTheStarGroup() {
        server.text("/robots.txt", 200, "User-agent: OtherBot\nDisallow: /public/\n\n"
                + "User-agent: OfficialBlogs\nDisallow: /\n\nUser-agent: *\nAllow: /\n");

        assertThat(get("/public/feed").failure()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
        assertThat(server.count("/public/feed")).isZero();
    }

    @Test
    void rulesForOtherAgentsDoNotApplyToUs() {
        server.text("/robots.txt", 200, "User-agent: OtherBot\nDisallow: /\n");

        assertThat(get("/public/feed").ok()).isTrue();
    }

    @Test
    void missingOrForbiddenRobotsAllowsEverything() throws IOException {
        // no /robots.txt handler: 404
        assertThat(get("/private/feed").ok()).isTrue();
        try (RecordingServer other = RecordingServer.start("127.0.0.3")) {
            other.text("/robots.txt", 403, "forbidden");
            other.text("/feed", 200, "<rss/>");

            assertThat(fetcher.fetch(FetchRequest.feed(other.url("/feed"), null, null)).ok()).isTrue();
        }
    }

    @Test
    void serverErrorOnRobotsDisallowsUntilAskedAgain() {
        AtomicReference<Integer> robotsStatus = new AtomicReference<>(500);
        server.on("/robots.txt", exchange -> RecordingServer.send(exchange, robotsStatus.get(), "User-agent: *\n"));

        FetchResult during = get("/public/feed");
        FetchResult stillCached = get("/public/feed");
        robotsStatus.set(200);
        clock.advance(Duration.ofMinutes(61));
        FetchResult after = get("/public/feed");

        assertThat(during.failure()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
        assertThat(during.message()).contains("RFC 9309").contains("HTTP 500");
        assertThat(stillCached.failure()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
        assertThat(after.ok()).isTrue();
        assertThat(server.count("/robots.txt")).isEqualTo(2);
        assertThat(server.count("/public/feed")).isEqualTo(1);
    }

    @Test
    void lastGoodRulesOutliveALaterServerError() {
        AtomicReference<Integer> robotsStatus = new AtomicReference<>(200);
        server.on("/robots.txt", exchange -> RecordingServer.send(exchange, robotsStatus.get(),
                "User-agent: *\nDisallow: /private/\n"));

        assertThat(get("/public/feed").ok()).isTrue();
        robotsStatus.set(503);
        clock.advance(Duration.ofHours(25));

        assertThat(get("/public/feed").ok()).isTrue();
        assertThat(get("/private/feed").failure()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
        assertThat(server.count("/robots.txt")).isEqualTo(2);
    }

    @Test
    void cachedRobotsExpiresAfterItsTtl() {
        server.text("/robots.txt", 200, "User-agent: *\nAllow: /\n");

        get("/public/feed");
        clock.advance(Duration.ofHours(23));
        get("/public/feed");
        clock.advance(Duration.ofHours(2));
        get("/public/feed");

        assertThat(server.count("/robots.txt")).isEqualTo(2);
        assertThat(server.count("/public/feed")).isEqualTo(3);
    }

    @Test
    void redirectedRobotsIsFollowed() {
        server.text("/robots.txt", 301, "moved", "Location", "/robots-real.txt");
        server.text("/robots-real.txt", 200, "User-agent: *\nDisallow: /private/\n");

        assertThat(get("/private/feed").failure()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
        assertThat(server.count("/robots-real.txt")).isEqualTo(1);
    }

    @Test
    void rateLimitedRobotsPausesTheHostAndThePageIsNotRequested() {
        server.text("/robots.txt", 429, "slow down", "Retry-After", "300");

        FetchResult result = get("/public/feed");

        assertThat(result.failure()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(result.retryAt()).isEqualTo(clock.instant().plusSeconds(300));
        assertThat(server.count("/public/feed")).isZero();
    }

    @Test
    void skipRobotsSendsOnlyTheRequestItself() {
        server.text("/robots.txt", 200, "User-agent: *\nDisallow: /\n");

        FetchResult result = fetcher.fetch(FetchRequest.feed(server.url("/public/feed"), null, null).withSkipRobots());

        assertThat(result.ok()).isTrue();
        assertThat(server.count("/robots.txt")).isZero();
    }
}
