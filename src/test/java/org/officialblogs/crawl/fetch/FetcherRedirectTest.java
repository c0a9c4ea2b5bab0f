package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.testkit.MutableClock;

class FetcherRedirectTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private RecordingServer server;
    private RecordingServer otherOrigin;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = RecordingServer.start("127.0.0.2");
        otherOrigin = RecordingServer.start("127.0.0.3");
        fetcher = new Fetcher(TestSettings.loopbackAllowed(), HostResolver.system(), clock);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
        otherOrigin.close();
    }

    private void redirect(String from, int status, String location) {
        server.text(from, status, "moved", "Location", location);
    }

    private FetchResult get(String path) {
        return fetcher.fetch(FetchRequest.feed(server.url(path), null, null));
    }

    @Test
    void permanentChainMayRewriteTheStoredUrl() {
        redirect("/old", 301, "/older-still");
        redirect("/older-still", 308, server.url("/feed").toString());
        server.text("/feed", 200, "<rss/>");

        FetchResult result = get("/old");

        assertThat(result.ok()).isTrue();
        assertThat(result.finalUrl()).isEqualTo(server.url("/feed"));
        assertThat(result.redirects()).extracting(RedirectHop::status).containsExactly(301, 308);
        assertThat(result.redirects().get(0).from()).isEqualTo(server.url("/old"));
        assertThat(result.redirects().get(0).to()).isEqualTo(server.url("/older-still"));
        assertThat(result.allPermanent()).isTrue();
        assertThat(result.permanentlyMovedTo()).contains(server.url("/feed"));
    }

    @Test
    void oneTemporaryHopMeansKeepTheStoredUrl() {
        redirect("/old", 301, "/temp");
        redirect("/temp", 302, "/feed");
        server.text("/feed", 200, "<rss/>");

        FetchResult result = get("/old");

        assertThat(result.ok()).isTrue();
        assertThat(result.redirects()).extracting(RedirectHop::status).containsExactly(301, 302);
        assertThat(result.allPermanent()).isFalse();
        assertThat(result.permanentlyMovedTo()).isEmpty();
    }

    @Test
    void permanentRedirectToAFailureIsNotAMove() {
        redirect("/old", 301, "/missing");

        FetchResult result = get("/old");

        assertThat(result.failure()).isEqualTo(FailureKind.HTTP_4XX);
        assertThat(result.redirects()).hasSize(1);
        assertThat(result.allPermanent()).isFalse();
    }

    @Test
    void loopIsCaughtAtTheFirstRepeat() {
        redirect("/a", 302, "/b");
        redirect("/b", 302, "/a");

        FetchResult result = get("/a");

        assertThat(result.failure()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
        assertThat(result.message()).contains("loop");
        assertThat(result.redirects()).hasSize(2);
        assertThat(server.count("/a")).isEqualTo(1);
        assertThat(server.count("/b")).isEqualTo(1);
    }

    @Test
    void moreThanFiveHopsIsTooMany() {
        for (int i = 1; i <= 6; i++) {
            redirect("/r" + i, 307, "/r" + (i + 1));
        }
        server.text("/r7", 200, "<rss/>");
        redirect("/s1", 301, "/r3"); // five hops exactly: /s1 -> /r3 -> ... -> /r7

        FetchResult tooMany = get("/r1");
        FetchResult five = get("/s1");

        assertThat(tooMany.failure()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
        assertThat(tooMany.message()).isEqualTo("more than 5 redirects");
        assertThat(tooMany.redirects()).hasSize(6);
        assertThat(five.ok()).isTrue();
        assertThat(five.redirects()).hasSize(5);
    }

    @Test
    void redirectWithoutLocationIsAProtocolFailure() {
        server.text("/nowhere", 302, "moved somewhere");

        assertThat(get("/nowhere").failure()).isEqualTo(FailureKind.PROTOCOL);
    }

    @Test
    void sloppyLocationWithSpacesAndNonAsciiIsRepaired() {
        redirect("/old", 301, "/new feed/é");
        server.text("/new%20feed/%C3%A9", 200, "<rss/>");

        FetchResult result = get("/old");

        assertThat(result.ok()).isTrue();
        assertThat(result.finalUrl().getRawPath()).isEqualTo("/new%20feed/%C3%A9");
    }

    @Test
    void credentialsStayWithTheirOriginAcrossRedirects() {
        redirect("/start", 302, "/same-origin");
        server.on("/same-origin", exchange -> RecordingServer.send(exchange, 302, "off you go",
                "Location", otherOrigin.url("/elsewhere").toString(), "Set-Cookie", "session=from-server"));
        otherOrigin.on("/elsewhere", exchange -> RecordingServer.send(exchange, 302, "and back",
                "Location", server.url("/feed").toString()));
        server.text("/feed", 200, "<rss/>");
        FetchRequest request = FetchRequest.feed(server.url("/start"), "\"v1\"", null)
                .withOriginBoundHeaders(Map.of("Authorization", "Basic c2VjcmV0", "Cookie", "ours=1"));

        FetchResult result = fetcher.fetch(request);

        assertThat(result.ok()).isTrue();
        RecordingServer.Seen sameOrigin = server.requests("/same-origin").get(0);
        assertThat(sameOrigin.header("Authorization")).isEqualTo("Basic c2VjcmV0");
        assertThat(sameOrigin.header("Cookie")).isEqualTo("ours=1");
        RecordingServer.Seen crossOrigin = otherOrigin.requests("/elsewhere").get(0);
        assertThat(crossOrigin.header("Authorization")).isNull();
        assertThat(crossOrigin.header("Cookie")).isNull();
        // once the chain has left the origin, coming back does not restore them; the server's cookie is never kept
        RecordingServer.Seen back = server.requests("/feed").get(0);
        assertThat(back.header("Authorization")).isNull();
        assertThat(back.header("Cookie")).isNull();
        assertThat(crossOrigin.header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void downgradeToPlainHttpOnTheSameHostIsAnotherOrigin() {
        URI https = URI.create("https://127.0.0.2:" + server.port() + "/x");
        assertThat(RobotsGate.origin(https)).isNotEqualTo(RobotsGate.origin(server.url("/x")));
        assertThat(RobotsGate.origin(URI.create("http://Example.org/a"))).isEqualTo(
                RobotsGate.origin(URI.create("http://example.org:80/b")));
    }

    @Test
    void redirectToAnotherSchemeIsRefused() {
        redirect("/old", 301, "ftp://127.0.0.2/feed");

        FetchResult result = get("/old");

        assertThat(result.failure()).isEqualTo(FailureKind.INVALID_URL);
        assertThat(result.redirects()).hasSize(1);
    }
}
