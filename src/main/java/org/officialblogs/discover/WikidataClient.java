package org.officialblogs.discover;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SELECT queries to a SPARQL endpoint (the Wikidata Query Service by default) the way its rules ask: through a
 * fetcher of its own that carries our User-Agent and sends one request at a time, GET with the query in the URL (so
 * the service can cache it), a time limit above the service's own 60 s, and a 429 or 503 answered by waiting out its
 * Retry-After before asking again. Every failure ends in a {@link QueryFailedException} whose message says what
 * happened and what to do.
 */
public final class WikidataClient {

    private static final Logger log = LoggerFactory.getLogger(WikidataClient.class);

    public static final URI PUBLIC_ENDPOINT = URI.create("https://query.wikidata.org/sparql");
    public static final String ACCEPT = "application/sparql-results+json";
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * @param attempts    tries of one query in all (the first and the retries after a 429, 503, 502 or 504)
     * @param longestWait the longest Retry-After we wait out; a longer one ends the run with a message
     * @param defaultWait the wait after a 502 or 504, which carry no Retry-After
     */
    public record Policy(int attempts, Duration longestWait, Duration defaultWait) {
        public static Policy standard() {
            return new Policy(4, Duration.ofMinutes(5), Duration.ofSeconds(10));
        }
    }

    /** How waits are spent (tests give a clock that moves instead). */
    @FunctionalInterface
    public interface Waiter {
        void sleep(Duration d) throws InterruptedException;

        static Waiter real() {
            return d -> Thread.sleep(Math.max(0, d.toMillis()));
        }
    }

    /** A query that could not be answered; the message is meant for the person who ran the command. */
    public static final class QueryFailedException extends Exception {
        public QueryFailedException(String message) {
            super(message);
        }
    }

    private final Fetcher fetcher;
    private final URI endpoint;
    private final Clock clock;
    private final Waiter waiter;
    private final Policy policy;

    public WikidataClient(Fetcher fetcher, URI endpoint, Clock clock, Waiter waiter, Policy policy) {
        this.fetcher = fetcher;
        this.endpoint = endpoint;
        this.clock = clock;
        this.waiter = waiter;
        this.policy = policy;
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Runs a SELECT query.
     *
     * @param what    what the query asks, for messages ("page 2 of the holders")
     * @param notices told about each wait, so a person watching knows why nothing moves
     */
    public SparqlResults select(String query, String what, Consumer<String> notices) throws QueryFailedException {
        URI url = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + "query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        for (int attempt = 1; ; attempt++) {
            FetchResult r = fetcher.fetch(FetchRequest.api(url, ACCEPT));
            if (r.ok()) return read(r, what);
            Instant until = retryAt(r);
            if (until == null || attempt >= policy.attempts()) throw new QueryFailedException(failure(r, what, attempt));
            Duration wait = Duration.between(clock.instant(), until);
            if (wait.compareTo(policy.longestWait()) > 0) {
                throw new QueryFailedException("The query service asked us to wait until " + until
                        + " (" + (r.status() == 0 ? "busy" : "HTTP " + r.status()) + ") before asking for " + what
                        + ", longer than the " + policy.longestWait().toMinutes() + " minutes we wait; try again later.");
            }
            String notice = "The query service answered " + (r.status() == 0 ? r.failure().label() : "HTTP " + r.status())
                    + " to " + what + "; waiting " + Math.max(0, wait.toSeconds()) + " s as it asks, then trying again ("
                    + (attempt + 1) + " of " + policy.attempts() + ").";
            log.info("wikidata query waiting endpoint={} status={} waitSeconds={} attempt={}", endpoint, r.status(),
                    wait.toSeconds(), attempt);
            notices.accept(notice);
            try {
                waiter.sleep(wait.isNegative() ? Duration.ZERO : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryFailedException("Interrupted while waiting to ask the query service again.");
            }
        }
    }

    /** When to ask again: the Retry-After of a 429 or 503, a short wait after a 502 or 504; null when not worth it. */
    private Instant retryAt(FetchResult r) {
        if (r.failure() == FailureKind.RATE_LIMITED || (r.failure() == FailureKind.HTTP_5XX && r.retryAt() != null)) {
            return r.retryAt() != null ? r.retryAt() : clock.instant().plus(policy.defaultWait());
        }
        if (r.status() == 502 || r.status() == 504) return clock.instant().plus(policy.defaultWait());
        return null;
    }

    private SparqlResults read(FetchResult r, String what) throws QueryFailedException {
        String type = r.contentType() == null ? "" : r.contentType().toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            String title = title(r.body());
            throw new QueryFailedException("The query service answered " + what + " with "
                    + (type.isEmpty() ? "no content type" : type.split(";")[0].strip())
                    + (title == null ? "" : " (a page titled “" + title + "”)") + " instead of SPARQL JSON results."
                    + " Is " + endpoint + " a SPARQL endpoint?");
        }
        try {
            return SparqlResults.parse(r.body());
        } catch (SparqlResults.MalformedResultsException e) {
            throw new QueryFailedException("The query service's answer to " + what + " is not SPARQL JSON results: "
                    + e.getMessage() + ".");
        }
    }

    private String failure(FetchResult r, String what, int attempts) {
        String tries = attempts > 1 ? " after " + attempts + " tries" : "";
        if (r.failure() == FailureKind.TIMEOUT) {
            return "The query service gave no answer to " + what + " in time" + tries + " (" + r.message() + "). The public"
                    + " service stops queries after 60 s: ask for fewer countries at once, or name positions with --position.";
        }
        if (r.status() == 500) {
            return "The query service failed on " + what + " (HTTP 500)" + tries + ". On the public service this usually"
                    + " means the query ran past its 60-second limit: ask for fewer countries at once, or name positions"
                    + " with --position.";
        }
        if (r.status() == 403) {
            return "The query service refused " + what + " (HTTP 403). Wikimedia refuses clients whose User-Agent does not"
                    + " say who they are: set OFFICIALBLOGS_BASE_URL to the public address of your site.";
        }
        if (r.status() == 400) {
            return "The query service could not run " + what + " (HTTP 400: it did not accept the query).";
        }
        return "The query service could not be asked for " + what + tries + ": " + r.failure().label().toLowerCase(Locale.ROOT)
                + (r.message() == null ? "" : " (" + r.message() + ")") + ".";
    }

    private static String title(byte[] body) {
        if (body == null) return null;
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8);
        Matcher m = TITLE.matcher(text);
        if (!m.find()) return null;
        String t = m.group(1).replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }
}
