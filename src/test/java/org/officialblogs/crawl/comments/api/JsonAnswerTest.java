package org.officialblogs.crawl.comments.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.LoopbackSite;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.Fetcher;

class JsonAnswerTest {
    private LoopbackSite site;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        site = new LoopbackSite();
        fetcher = TestFetchers.loopback();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    private JsonAnswer fetch(String path) {
        ApiRequest request = ApiRequest.get("comments", null, URI.create(site.url(path)));
        return JsonAnswer.of(ApiAnswer.of(fetcher.fetch(request.toFetchRequest())), "The service");
    }

    @Test
    void realErrorAnswersBecomeReadFailuresThatSayWhatHappened() {
        site.text("/401", 401, "{\"error\":\"sign in\"}", "application/json")
                .text("/403", 403, "<h1>Forbidden</h1>", "text/html")
                .text("/410", 410, "", "text/plain")
                .text("/429", 429, "{}", "application/json", "Retry-After", "120")
                .text("/500", 500, "oops", "text/plain")
                .text("/400", 400, "{\"code\":\"rest_comment_invalid_page_number\"}", "application/json");

        assertThat(fetch("/401").failure().kind()).isEqualTo(ReadFailureKind.UNAUTHORIZED);
        assertThat(fetch("/403").failure().kind()).isEqualTo(ReadFailureKind.FORBIDDEN);
        assertThat(fetch("/404-nothing-here").failure().kind()).isEqualTo(ReadFailureKind.NOT_FOUND);
        assertThat(fetch("/410").failure().kind()).isEqualTo(ReadFailureKind.NOT_FOUND);
        assertThat(fetch("/500").failure().kind()).isEqualTo(ReadFailureKind.SERVER_ERROR);
        assertThat(fetch("/400").failure().kind()).isEqualTo(ReadFailureKind.CLIENT_ERROR);
        JsonAnswer limited = fetch("/429");
        assertThat(limited.failure().kind()).isEqualTo(ReadFailureKind.RATE_LIMITED);
        assertThat(limited.failure().message()).startsWith("The service answered HTTP 429");
        // A 429 pauses the whole host: the next request to it is not even sent.
        assertThat(fetch("/401").failure().kind()).isEqualTo(ReadFailureKind.RATE_LIMITED);
        assertThat(site.count("/401")).isEqualTo(1);
    }

    @Test
    void aWebPageWhereJsonShouldBeIsNotJsonWhateverTheStatus() {
        site.text("/login-wall", 200, "<!DOCTYPE html><html><body>Sign in</body></html>", "text/html; charset=utf-8")
                .text("/untyped", 200, "\uFEFF  <html><body>Just a moment...</body></html>", null)
                .text("/json-as-text", 200, "{\"comments\":[]}", "text/plain");

        JsonAnswer wall = fetch("/login-wall");
        assertThat(wall.failure().kind()).isEqualTo(ReadFailureKind.NOT_JSON);
        assertThat(wall.failure().message()).isEqualTo("The service answered with text/html instead of JSON");
        assertThat(fetch("/untyped").failure().kind()).isEqualTo(ReadFailureKind.NOT_JSON);
        JsonAnswer text = fetch("/json-as-text");
        assertThat(text.readable()).isTrue();
        assertThat(text.json().path("comments").isArray()).isTrue();
    }

    @Test
    void robotsTxtThatForbidsTheApiIsItsOwnFailure() {
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /api/\n", "text/plain")
                .text("/api/v1/post/1/comments", 200, "{\"comments\":[]}", "application/json");

        assertThat(fetch("/api/v1/post/1/comments").failure().kind()).isEqualTo(ReadFailureKind.ROBOTS_DISALLOWED);
    }

    @Test
    void emptyAndBrokenBodies() {
        assertThat(JsonAnswer.of(ApiAnswer.json("  \n".getBytes(StandardCharsets.UTF_8)), "X").failure().kind())
                .isEqualTo(ReadFailureKind.EMPTY);
        JsonAnswer broken = JsonAnswer.of(ApiAnswer.json("{\"comments\": [".getBytes(StandardCharsets.UTF_8)), "X");
        assertThat(broken.failure().kind()).isEqualTo(ReadFailureKind.MALFORMED);
        assertThat(broken.failure().message()).startsWith("X answered with broken JSON");
    }

    @Test
    void answersWithoutAResponseAreUnreachable() {
        ApiAnswer dns = new ApiAnswer(0, null, null, FailureKind.DNS, "no such host", null);
        assertThat(JsonAnswer.of(dns, "X").failure().kind()).isEqualTo(ReadFailureKind.UNREACHABLE);
        assertThat(JsonAnswer.of(dns, "X").failure().message()).isEqualTo("X answered nothing (no such host)");
    }

    @Test
    void aDeeplyNestedTreeIsReadButNotAnEndlessOne() {
        String deep = "{\"c\":[".repeat(150) + "]}".repeat(150);
        assertThat(JsonAnswer.of(ApiAnswer.json(deep.getBytes(StandardCharsets.UTF_8)), "X").readable()).isTrue();
        String endless = "[".repeat(5000) + "]".repeat(5000);
        assertThat(JsonAnswer.of(ApiAnswer.json(endless.getBytes(StandardCharsets.UTF_8)), "X").failure().kind())
                .isEqualTo(ReadFailureKind.MALFORMED);
    }
}
