package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.testkit.MutableClock;

/** The private-address guard on: only the test server's own address (127.0.0.2) is let through. */
class FetcherGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private RecordingServer allowed;
    private RecordingServer secret;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        allowed = RecordingServer.start("127.0.0.2");
        // same port on another loopback address, so a resolver can offer both for one name
        secret = RecordingServer.start("127.0.0.1", allowed.port());
        secret.text("/secret", 200, "admin console");
        secret.text("/feed", 200, "<rss>wrong server</rss>");
        allowed.text("/feed", 200, "<rss/>");
        HostResolver resolver = HostResolver.withOverrides(Map.of(
                "intranet.test", List.of(InetAddress.getByName("127.0.0.1")),
                "mixed.test", List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")),
                "sixtofour.test", List.of(InetAddress.getByName("2002:7f00:1::1"))), HostResolver.system());
        fetcher = new Fetcher(guarded(), resolver, clock);
    }

    private static FetchSettings guarded() throws IOException {
        return TestSettings.loopbackAllowed()
                .withAllowPrivateNetwork(false)
                .withAllowedAddresses(Set.of(InetAddress.getByName("127.0.0.2")));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        allowed.close();
        secret.close();
    }

    private FetchResult get(String url) {
        return fetcher.fetch(FetchRequest.feed(URI.create(url), null, null));
    }

    @Test
    void allowedAddressIsFetched() {
        assertThat(get("http://127.0.0.2:" + allowed.port() + "/feed").ok()).isTrue();
    }

    @Test
    void literalLoopbackIsRefusedBeforeAnythingIsSent() {
        FetchResult result = get("http://127.0.0.1:" + secret.port() + "/secret");

        assertThat(result.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
        assertThat(result.message()).isEqualTo("refused to connect: 127.0.0.1 is loopback");
        assertThat(secret.requests()).isEmpty();
    }

    @Test
    void ipv6LoopbackAndMappedFormsAreRefused() throws IOException {
        try (RecordingServer v6 = RecordingServer.start("::1")) {
            v6.text("/secret", 200, "admin console");

            FetchResult loopback = get("http://[::1]:" + v6.port() + "/secret");
            FetchResult mapped = get("http://[::ffff:127.0.0.1]:" + secret.port() + "/secret");
            FetchResult compatible = get("http://[::127.0.0.1]:" + secret.port() + "/secret");

            assertThat(loopback.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(mapped.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(compatible.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(v6.requests()).isEmpty();
            assertThat(secret.requests()).isEmpty();
        }
    }

    @Test
    void redirectHopToLoopbackIsRefused() {
        allowed.text("/feed-moved", 302, "see there", "Location", "http://127.0.0.1:" + secret.port() + "/secret");

        FetchResult result = get("http://127.0.0.2:" + allowed.port() + "/feed-moved");

        assertThat(result.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
        assertThat(result.redirects()).hasSize(1);
        assertThat(secret.requests()).isEmpty();
    }

    @Test
    void redirectToANameThatResolvesPrivateIsRefusedAtResolution() {
        allowed.text("/feed-moved", 301, "see there", "Location", "http://intranet.test:" + secret.port() + "/secret");

        FetchResult result = get("http://127.0.0.2:" + allowed.port() + "/feed-moved");

        assertThat(result.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
        assertThat(result.message()).contains("intranet.test").contains("127.0.0.1 is loopback");
        assertThat(secret.requests()).isEmpty();
    }

    @Test
    void nameResolvingToA6to4WrappedLoopbackIsRefused() {
        FetchResult result = get("http://sixtofour.test:" + allowed.port() + "/feed");

        assertThat(result.failure()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
        assertThat(result.message()).contains("inside 6to4");
    }

    @Test
    void privateAnswersAreDroppedAndThePublicOneIsUsed() {
        FetchResult result = get("http://mixed.test:" + allowed.port() + "/feed");

        assertThat(result.ok()).isTrue();
        assertThat(new String(result.body())).isEqualTo("<rss/>");
        assertThat(allowed.count("/feed")).isEqualTo(1);
        assertThat(secret.requests()).isEmpty();
    }

    @Test
    void liftingTheGuardReachesLoopback() {
        try (Fetcher open = new Fetcher(TestSettings.loopbackAllowed(), HostResolver.system(), clock)) {
            FetchResult result = open.fetch(FetchRequest.feed(URI.create("http://127.0.0.1:" + secret.port()
                    + "/secret"), null, null));

            assertThat(result.ok()).isTrue();
            assertThat(secret.count("/secret")).isEqualTo(1);
        }
    }
}
