package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.fetch.FetchSettings;

/**
 * How the crawler reads a web archive. The defaults are deliberately slow: the Internet Archive limits its CDX
 * index to a couple of dozen requests a minute per address and blocks an address at its firewall for an hour when
 * 429 answers are ignored, so one request every 5 s (12 a minute, half the limit) is the pace, one at a time.
 *
 * @param endpoint         the archive's base address, e.g. {@code https://web.archive.org}; the CDX index is at
 *                         {@code <endpoint>/cdx/search/cdx} and captures at {@code <endpoint>/web/<timestamp>id_/<url>}
 * @param requestDelay     least time between the end of one request to the archive and the start of the next
 * @param maxRetryWait     the longest Retry-After (429 or 503) waited out during a read; a longer one stops the read
 * @param maxAttempts      tries of one request while the archive keeps asking us to wait
 * @param cdxPageSize      captures asked for per CDX request ({@code limit}); more come with the resume key
 * @param maxCdxPages      CDX pages read per query before the listing is cut short (and says so)
 * @param maxQueries       addresses asked about per blog (its feed first, then the platform's usual feed paths)
 * @param captureSpacing   after a capture of an address was read as a feed, later captures of the same address
 *                         within this time are not fetched (a feed lists weeks of posts, so one a week loses little)
 * @param maxCaptures      captures fetched per blog read, all addresses together
 * @param maxRedirectHops  redirects followed inside the archive for one capture (a captured redirect, then the
 *                         archive's move to the nearest capture of its target)
 */
public record ArchiveSettings(
        URI endpoint,
        Duration requestDelay,
        Duration maxRetryWait,
        int maxAttempts,
        int cdxPageSize,
        int maxCdxPages,
        int maxQueries,
        Duration captureSpacing,
        int maxCaptures,
        int maxRedirectHops) {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://web.archive.org");
    public static final Duration DEFAULT_REQUEST_DELAY = Duration.ofSeconds(5);

    public ArchiveSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        String problem = endpointProblem(endpoint);
        if (problem != null) {
            throw new IllegalArgumentException("archive endpoint " + problem + ": " + endpoint);
        }
        endpoint = withoutTrailingSlash(endpoint);
        if (requestDelay == null || requestDelay.isNegative()) {
            throw new IllegalArgumentException("requestDelay must be >= 0, got " + requestDelay);
        }
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must be >= 0, got " + maxRetryWait);
        }
        if (captureSpacing == null || captureSpacing.isNegative()) {
            throw new IllegalArgumentException("captureSpacing must be >= 0, got " + captureSpacing);
        }
        if (maxAttempts < 1 || cdxPageSize < 1 || maxCdxPages < 1 || maxQueries < 1 || maxCaptures < 1
                || maxRedirectHops < 0) {
            throw new IllegalArgumentException("need maxAttempts, cdxPageSize, maxCdxPages, maxQueries and maxCaptures"
                    + " >= 1 and maxRedirectHops >= 0");
        }
    }

    /**
     * The defaults at {@code endpoint}: 5 s between requests, Retry-After waited out up to 10 min, 3 tries, 1,000
     * captures a CDX page and 20 pages a query, 12 addresses a blog, one capture a week per address, 300 captures
     * a blog, 5 redirect hops.
     */
    public static ArchiveSettings defaults(URI endpoint) {
        return new ArchiveSettings(endpoint, DEFAULT_REQUEST_DELAY, Duration.ofMinutes(10), 3, 1_000, 20, 12,
                Duration.ofDays(7), 300, 5);
    }

    /** The defaults with the endpoint and pace the configuration names. */
    public static ArchiveSettings from(Config config) {
        return defaults(config.archive().endpoint()).withRequestDelay(config.archive().delay());
    }

    public ArchiveSettings withRequestDelay(Duration delay) {
        return new ArchiveSettings(endpoint, delay, maxRetryWait, maxAttempts, cdxPageSize, maxCdxPages, maxQueries,
                captureSpacing, maxCaptures, maxRedirectHops);
    }

    public ArchiveSettings withRetries(Duration longestWait, int attempts) {
        return new ArchiveSettings(endpoint, requestDelay, longestWait, attempts, cdxPageSize, maxCdxPages,
                maxQueries, captureSpacing, maxCaptures, maxRedirectHops);
    }

    public ArchiveSettings withCdxPaging(int pageSize, int maxPages) {
        return new ArchiveSettings(endpoint, requestDelay, maxRetryWait, maxAttempts, pageSize, maxPages, maxQueries,
                captureSpacing, maxCaptures, maxRedirectHops);
    }

    public ArchiveSettings withCaptureBudget(Duration spacing, int captures) {
        return new ArchiveSettings(endpoint, requestDelay, maxRetryWait, maxAttempts, cdxPageSize, maxCdxPages,
                maxQueries, spacing, captures, maxRedirectHops);
    }

    /**
     * The fetcher settings for the archive: the crawler's own (User-Agent, guard, size and time limits) paced at
     * {@link #requestDelay} one request at a time, and following no redirect by itself, so that {@link ArchiveClient}
     * follows the archive's redirects and refuses any that would leave the archive for the (gone) live site.
     */
    public FetchSettings fetchSettings(FetchSettings crawler) {
        return crawler.withPoliteness(requestDelay, 1).withMaxRedirects(0);
    }

    /** Why a value cannot be an archive endpoint, or null when it can (for configuration messages too). */
    public static String endpointProblem(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!endpoint.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                || endpoint.getHost() == null) {
            return "must be an absolute http(s) URL";
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            return "must not have a query or fragment";
        }
        return null;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
