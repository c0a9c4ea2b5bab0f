package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.fetch.FetchSettings;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.testkit.MutableClock;

/** The query client against a real HTTP server on loopback: the service's rules and its failures. */
class WikidataClientTest {

    static final String UA = FetchSettings.userAgent("1.2.3", "https://blogs.example.org");

    FakeQueryService service;
    MutableClock clock;
    Fetcher fetcher;
    List<Duration> waits;
    List<String> notices;
    WikidataClient client;

    @BeforeEach
    void start() throws Exception {
        service = new FakeQueryService();
        clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        fetcher = new Fetcher(FetchSettings.defaults(UA).withAllowPrivateNetwork(true)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500))
                .withPoliteness(Duration.ZERO, 1).withRetryAfter(Duration.ofSeconds(60), Duration.ofHours(24)),
                HostResolver.system(), clock);
        waits = new ArrayList<>();
        notices = new ArrayList<>();
        // waiting moves the clock: the fetcher's pauses end when the test says so, not after real seconds
        client = new WikidataClient(fetcher, URI.create(service.endpoint()), clock, d -> {
            waits.add(d);
            clock.advance(d);
        }, WikidataClient.Policy.standard());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        service.close();
    }

    SparqlResults countries() throws WikidataClient.QueryFailedException {
        return client.select(WikidataQueries.countries(List.of("DE", "CA")), "the countries DE", notices::add);
    }

    @Test
    void sendsTheQueryWithOurUserAgentAndReadsTheAnswer() throws Exception {
        assertThat(countries().rows()).hasSize(3);
        assertThat(service.queries).singleElement().asString().contains("wdt:P297").contains("VALUES ?code { \"DE\" \"CA\" }");
        assertThat(service.userAgents).containsExactly("OfficialBlogs/1.2.3 (+https://blogs.example.org)");
        assertThat(service.site.count("/robots.txt")).as("an API call, not a crawl").isZero();
    }

    @Test
    void aTooManyRequestsIsWaitedOutAsItsRetryAfterSays() throws Exception {
        service.then(new FakeQueryService.Answer(429, "text/plain", "Too Many Requests", "Retry-After", "30"));
        assertThat(countries().rows()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(30));
        assertThat(notices).singleElement().asString().contains("HTTP 429").contains("waiting 30 s").contains("(2 of 4)");
        assertThat(service.queries).hasSize(2);
    }

    @Test
    void aServiceUnavailableWithAnHttpDateIsWaitedOutToo() throws Exception {
        service.then(new FakeQueryService.Answer(503, "text/plain", "busy", "Retry-After", "Tue, 01 Dec 2026 12:00:10 GMT"));
        assertThat(countries().rows()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void givesUpAfterItsTriesAndSaysSo() {
        for (int i = 0; i < 4; i++) service.then(new FakeQueryService.Answer(429, "text/plain", "no", "Retry-After", "5"));
        assertThatThrownBy(this::countries).isInstanceOf(WikidataClient.QueryFailedException.class)
                .hasMessageContaining("after 4 tries").hasMessageContaining("asked us to slow down");
        assertThat(service.queries).hasSize(4);
    }

    @Test
    void aWaitLongerThanWeWaitEndsTheRun() {
        service.then(new FakeQueryService.Answer(429, "text/plain", "no", "Retry-After", "3600"));
        assertThatThrownBy(this::countries).hasMessageContaining("asked us to wait until 2026-12-01T13:00:00Z")
                .hasMessageContaining("longer than the 5 minutes we wait");
        assertThat(waits).isEmpty();
    }

    @Test
    void anHtmlErrorPageIsNotTakenForResults() {
        service.then(new FakeQueryService.Answer(200, "text/html; charset=utf-8", Fixtures.text("wikidata/error-page.html")));
        assertThatThrownBy(this::countries).hasMessage("The query service answered the countries DE with text/html"
                + " (a page titled “Wikimedia Error”) instead of SPARQL JSON results. Is " + service.endpoint()
                + " a SPARQL endpoint?");
    }

    @Test
    void anAnswerThatIsNotTheFormatIsSaidSo() {
        service.then(new FakeQueryService.Answer(200, "application/sparql-results+json", "{\"head\": {}}"));
        assertThatThrownBy(this::countries).hasMessage("The query service's answer to the countries DE is not SPARQL JSON"
                + " results: the answer has no head.vars array.");
    }

    @Test
    void aQueryThatTakesTooLongTimesOut() {
        service.then(new FakeQueryService.Answer(-3000, null, null));
        assertThatThrownBy(this::countries).hasMessageContaining("gave no answer to the countries DE in time")
                .hasMessageContaining("stops queries after 60 s");
    }

    @Test
    void aServerErrorIsExplainedAsTheServicesTimeLimit() {
        service.then(new FakeQueryService.Answer(500, "text/plain", "java.util.concurrent.TimeoutException"));
        assertThatThrownBy(this::countries).hasMessageContaining("(HTTP 500)").hasMessageContaining("60-second limit");
    }

    @Test
    void aRefusedUserAgentIsExplained() {
        service.then(new FakeQueryService.Answer(403, "text/html", "<title>Forbidden</title>"));
        assertThatThrownBy(this::countries).hasMessageContaining("HTTP 403").hasMessageContaining("OFFICIALBLOGS_BASE_URL");
    }
}
