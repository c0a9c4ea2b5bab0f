package org.officialblogs.crawl.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One GET to make.
 *
 * @param url                 absolute http(s) URL
 * @param etag                validator from the last 200/304, sent back verbatim as If-None-Match; null if none
 * @param lastModified        validator from the last 200/304, sent back verbatim as If-Modified-Since; null if none
 * @param accept              Accept header value
 * @param skipRobots          true only for robots.txt itself and for query APIs ({@link #api}); never for feeds or pages
 * @param originBoundHeaders  headers sent only to the URL's own origin (e.g. Authorization for a protected feed);
 *                            dropped for good once a redirect leaves that origin
 */
public record FetchRequest(
        URI url,
        String etag,
        String lastModified,
        String accept,
        boolean skipRobots,
        Map<String, String> originBoundHeaders) {

    /** What feed readers accept: feeds first, HTML (for discovery) after, anything last. */
    public static final String FEED_ACCEPT = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1";

    private static final Set<String> RESERVED_HEADERS = Set.of("host", "user-agent", "accept", "accept-encoding",
            "if-none-match", "if-modified-since", "connection", "content-length", "transfer-encoding");

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accept, "accept");
        originBoundHeaders = Map.copyOf(originBoundHeaders);
        for (String name : originBoundHeaders.keySet()) {
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header is set by the fetcher itself: " + name);
            }
        }
    }

    /** A feed fetch with the validators saved from the last 200/304 (either may be null). */
    public static FetchRequest feed(URI url, String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified, FEED_ACCEPT, false, Map.of());
    }

    /** A plain GET accepting anything, robots.txt obeyed (HTML pages, comment pages). */
    public static FetchRequest page(URI url) {
        return new FetchRequest(url, null, null, "text/html, application/xhtml+xml, */*;q=0.5", false, Map.of());
    }

    /**
     * A call to a documented query API (the Wikidata Query Service) made as its usage policy asks: our User-Agent,
     * one request at a time, Retry-After obeyed. robots.txt governs crawlers following links, not a client sending
     * the query a person asked for, so it is not consulted; the address guard and the limits still apply.
     */
    public static FetchRequest api(URI url, String accept) {
        return new FetchRequest(url, null, null, accept, true, Map.of());
    }

    /** The same request without the robots.txt check: only for robots.txt itself and tests of the raw transport. */
    public FetchRequest withSkipRobots() {
        return new FetchRequest(url, etag, lastModified, accept, true, originBoundHeaders);
    }

    public FetchRequest withOriginBoundHeaders(Map<String, String> headers) {
        return new FetchRequest(url, etag, lastModified, accept, skipRobots, headers);
    }
}
