package org.officialblogs.crawl.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers "may we fetch this URL?" from each origin's robots.txt (RFC 9309, parsed by crawler-commons), fetched once
 * per origin and cached. A 4xx robots.txt allows everything; a server error disallows everything until it is asked
 * again (keeping the last good rules if there are any); a host we cannot reach at all passes that failure on.
 */
final class RobotsGate {

    /** Fetches a robots.txt URL (through the same fetcher, guard and throttle as everything else). */
    @FunctionalInterface
    interface RobotsSource {
        FetchResult fetchRobots(URI robotsUrl);
    }

    /** The answer for one URL: allowed, or the failure to report instead of fetching it. */
    record Verdict(FailureKind failure, String message) {
        static final Verdict ALLOWED = new Verdict(null, null);

        boolean allowed() {
            return failure == null;
        }
    }

    private record Entry(BaseRobotRules rules, Instant expiresAt, String note, boolean good) {
    }

    private final RobotsSource source;
    private final Clock clock;
    private final Duration ttl;
    private final Duration errorTtl;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> originLocks = new ConcurrentHashMap<>();

    RobotsGate(RobotsSource source, Clock clock, Duration ttl, Duration errorTtl) {
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
        this.errorTtl = errorTtl;
    }

    Verdict check(URI url) {
        String origin = origin(url);
        Entry entry = fresh(cache.get(origin));
        if (entry == null) {
            synchronized (originLocks.computeIfAbsent(origin, k -> new Object())) {
                entry = fresh(cache.get(origin));
                if (entry == null) {
                    FetchResult fetched = source.fetchRobots(URI.create(origin + "/robots.txt"));
                    Verdict transport = transportFailure(fetched);
                    if (transport != null) {
                        return transport;
                    }
                    entry = entryFor(fetched, cache.get(origin));
                    cache.put(origin, entry);
                }
            }
        }
        if (entry.rules().isAllowed(url.toString())) {
            return Verdict.ALLOWED;
        }
        return new Verdict(FailureKind.ROBOTS_DISALLOWED, entry.note() != null ? entry.note()
                : origin + "/robots.txt disallows " + url.getRawPath() + " for " + FetchSettings.ROBOTS_AGENT);
    }

    private Entry fresh(Entry entry) {
        return entry != null && clock.instant().isBefore(entry.expiresAt()) ? entry : null;
    }

    /** Failures that mean the host itself is unreachable: the page would fail the same way, so say that. */
    private static Verdict transportFailure(FetchResult fetched) {
        if (fetched.ok() || fetched.failure() == null) {
            return null;
        }
        return switch (fetched.failure()) {
            case DNS, CONNECT, TIMEOUT, TLS, NETWORK, BLOCKED_ADDRESS, INVALID_URL, RATE_LIMITED ->
                    new Verdict(fetched.failure(), "robots.txt: " + fetched.message());
            default -> null;
        };
    }

    private Entry entryFor(FetchResult fetched, Entry previous) {
        Instant now = clock.instant();
        if (fetched.ok() && fetched.body() != null) {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            SimpleRobotRules rules = parser.parseContent(fetched.finalUrl().toString(), fetched.body(),
                    fetched.contentType(), List.of(FetchSettings.ROBOTS_AGENT.toLowerCase(Locale.ROOT)));
            return new Entry(rules, now.plus(ttl), null, true);
        }
        FailureKind kind = fetched.failure();
        if (kind == FailureKind.HTTP_4XX || kind == FailureKind.GONE || (fetched.ok() && fetched.body() == null)) {
            // RFC 9309 2.3.1.3: robots.txt "unavailable" means no rules at all
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(ttl), null,
                    true);
        }
        Instant retry = now.plus(errorTtl);
        if (previous != null && previous.good()) {
            // RFC 9309 2.4: an unreachable robots.txt may be replaced by the cached copy
            return new Entry(previous.rules(), retry, null, true);
        }
        String note = "robots.txt could not be read (" + fetched.message() + "); RFC 9309 treats that as "
                + "disallow-all; asking again after " + retry;
        return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), retry, note, false);
    }

    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }
}
