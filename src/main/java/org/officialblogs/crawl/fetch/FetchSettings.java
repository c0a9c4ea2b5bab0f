package org.officialblogs.crawl.fetch;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.config.Config;

/**
 * Everything the fetcher can be tuned with. {@link #defaults(String)} gives the production values; tests shorten the
 * timeouts and delays with the {@code with...} copies.
 *
 * @param userAgent            sent on every request, see {@link #userAgent(String, String)}
 * @param connectTimeout       TCP (and TLS handshake) connect
 * @param socketTimeout        longest silence while reading
 * @param requestTimeout       whole exchange budget across redirect hops, politeness waits not counted
 * @param maxBodyBytes         body limit after decompression; larger bodies fail as TOO_LARGE, never truncated
 * @param maxRedirects         hops followed before TOO_MANY_REDIRECTS
 * @param hostDelay            minimum time between the end of one request and the start of the next to one host
 * @param maxConcurrentFetches requests in flight at once, all hosts together
 * @param robotsTtl            how long a fetched robots.txt (or its 4xx absence) is trusted
 * @param robotsErrorTtl       how long a robots.txt server error keeps the site disallowed before asking again
 * @param retryAfterDefault    pause after a 429/503 without a readable Retry-After
 * @param retryAfterCap        longest pause a Retry-After can impose
 * @param allowPrivateNetwork  lift the private-address guard (tests, demos on a LAN)
 * @param allowedAddresses     exact addresses let through even with the guard on
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        Duration hostDelay,
        int maxConcurrentFetches,
        Duration robotsTtl,
        Duration robotsErrorTtl,
        Duration retryAfterDefault,
        Duration retryAfterCap,
        boolean allowPrivateNetwork,
        Set<InetAddress> allowedAddresses) {

    /** The agent name robots.txt groups are matched against (RFC 9309 product token). */
    public static final String ROBOTS_AGENT = "OfficialBlogs";

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(socketTimeout, "socketTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(robotsTtl, "robotsTtl");
        requirePositive(robotsErrorTtl, "robotsErrorTtl");
        if (hostDelay.isNegative() || retryAfterDefault.isNegative() || retryAfterCap.compareTo(retryAfterDefault) < 0) {
            throw new IllegalArgumentException("need hostDelay >= 0 and 0 <= retryAfterDefault <= retryAfterCap");
        }
        if (maxBodyBytes < 1 || maxRedirects < 0 || maxConcurrentFetches < 1) {
            throw new IllegalArgumentException("need maxBodyBytes >= 1, maxRedirects >= 0, maxConcurrentFetches >= 1");
        }
        allowedAddresses = Set.copyOf(allowedAddresses);
    }

    /** Production defaults: 5 s connect, 10 s read, 20 s whole, 10 MiB, 5 redirects, 2 s per host, 16 at once. */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(userAgent, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                DEFAULT_MAX_BODY_BYTES, 5, Duration.ofSeconds(2), 16, Duration.ofHours(24), Duration.ofHours(1),
                Duration.ofMinutes(10), Duration.ofHours(24), false, Set.of());
    }

    /** The crawler's settings from the configuration's HTTP and politeness groups, with {@code userAgent}. */
    public static FetchSettings from(Config.Http http, Config.Politeness politeness, String userAgent) {
        return defaults(userAgent)
                .withTimeouts(http.connectTimeout(), http.readTimeout(), http.requestTimeout())
                .withMaxBodyBytes(http.maxBodyBytes())
                .withPoliteness(politeness.hostDelay(), politeness.maxConcurrentFetches())
                .withAllowPrivateNetwork(http.allowPrivateNetwork());
    }

    /** {@code OfficialBlogs/<version> (+<base url>)}: an honest name, version and where to read about us. */
    public static String userAgent(String version, String baseUrl) {
        return ROBOTS_AGENT + "/" + version + " (+" + baseUrl + ")";
    }

    public FetchSettings withTimeouts(Duration connect, Duration socket, Duration request) {
        return new FetchSettings(userAgent, connect, socket, request, maxBodyBytes, maxRedirects, hostDelay,
                maxConcurrentFetches, robotsTtl, robotsErrorTtl, retryAfterDefault, retryAfterCap,
                allowPrivateNetwork, allowedAddresses);
    }

    public FetchSettings withMaxBodyBytes(long bytes) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, bytes, maxRedirects,
                hostDelay, maxConcurrentFetches, robotsTtl, robotsErrorTtl, retryAfterDefault, retryAfterCap,
                allowPrivateNetwork, allowedAddresses);
    }

    public FetchSettings withMaxRedirects(int redirects) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, maxBodyBytes, redirects,
                hostDelay, maxConcurrentFetches, robotsTtl, robotsErrorTtl, retryAfterDefault, retryAfterCap,
                allowPrivateNetwork, allowedAddresses);
    }

    public FetchSettings withPoliteness(Duration delay, int concurrentFetches) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                delay, concurrentFetches, robotsTtl, robotsErrorTtl, retryAfterDefault, retryAfterCap,
                allowPrivateNetwork, allowedAddresses);
    }

    public FetchSettings withRobotsTtl(Duration ttl, Duration errorTtl) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                hostDelay, maxConcurrentFetches, ttl, errorTtl, retryAfterDefault, retryAfterCap,
                allowPrivateNetwork, allowedAddresses);
    }

    public FetchSettings withRetryAfter(Duration whenMissing, Duration cap) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                hostDelay, maxConcurrentFetches, robotsTtl, robotsErrorTtl, whenMissing, cap,
                allowPrivateNetwork, allowedAddresses);
    }

    public FetchSettings withAllowPrivateNetwork(boolean allow) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                hostDelay, maxConcurrentFetches, robotsTtl, robotsErrorTtl, retryAfterDefault, retryAfterCap,
                allow, allowedAddresses);
    }

    public FetchSettings withAllowedAddresses(Set<InetAddress> addresses) {
        return new FetchSettings(userAgent, connectTimeout, socketTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                hostDelay, maxConcurrentFetches, robotsTtl, robotsErrorTtl, retryAfterDefault, retryAfterCap,
                allowPrivateNetwork, addresses);
    }

    public AddressGuard addressGuard() {
        return new AddressGuard(allowPrivateNetwork, allowedAddresses);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
