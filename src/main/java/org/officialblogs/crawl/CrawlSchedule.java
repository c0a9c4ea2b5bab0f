package org.officialblogs.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to crawl a blog next: pure functions of the blog's state and the time, so they are tested without waiting.
 *
 * <p>After a success the interval adapts to the posting rate: a quarter of the blog's average gap between posts
 * over the last 30 days, between 1 h and 24 h; a quiet blog (no post in 30 days) is checked daily. The feed's
 * {@code ttl} and the response's Cache-Control max-age / Expires set a floor. Every interval gets +-10 % jitter so
 * blogs added together do not stay in lock-step.
 *
 * <p>After a failure: the first two retries come after 1 h; from the third consecutive failure the delay doubles
 * from 2 h up to 7 days. A blog without a success for 30 days is unreachable and retried weekly; a 410 Gone is
 * offline and retried weekly in case it comes back. A Retry-After from the server is obeyed when it is later.
 */
public final class CrawlSchedule {

    public static final Duration MIN_INTERVAL = Duration.ofHours(1);
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);
    public static final Duration QUIET_AFTER = Duration.ofDays(30);
    public static final Duration FIRST_RETRY = Duration.ofHours(1);
    public static final int BACKOFF_AFTER_FAILURES = 3;
    public static final Duration BACKOFF_START = Duration.ofHours(2);
    public static final Duration MAX_BACKOFF = Duration.ofDays(7);
    public static final Duration UNREACHABLE_AFTER = Duration.ofDays(30);
    public static final Duration WEEKLY = Duration.ofDays(7);
    public static final double JITTER = 0.10;

    private CrawlSchedule() {}

    /**
     * The interval before the next crawl after a successful one.
     *
     * @param recentPosts published times of the blog's posts (any order; future and null ones are ignored)
     * @param ttl the feed's ttl, or null
     * @param cacheFor how long the response may be cached (max-age or Expires - now), or null
     */
    public static Duration intervalAfterSuccess(List<Instant> recentPosts, Duration ttl, Duration cacheFor, Instant now) {
        Instant since = now.minus(QUIET_AFTER);
        long n = recentPosts.stream().filter(p -> p != null && !p.isAfter(now) && p.isAfter(since)).count();
        Duration interval;
        if (n == 0) {
            interval = MAX_INTERVAL;
        } else {
            Duration averageGap = QUIET_AFTER.dividedBy(n);
            interval = clamp(averageGap.dividedBy(4), MIN_INTERVAL, MAX_INTERVAL);
        }
        Duration floor = max(ttl, cacheFor);
        if (floor != null && floor.compareTo(interval) > 0) interval = min(floor, MAX_INTERVAL);
        return interval;
    }

    /** The delay before retrying after the given number of consecutive failures (1 for the first). */
    public static Duration retryDelay(int consecutiveFailures) {
        if (consecutiveFailures < BACKOFF_AFTER_FAILURES) return FIRST_RETRY;
        int doublings = Math.min(consecutiveFailures - BACKOFF_AFTER_FAILURES, 20);
        Duration d = BACKOFF_START.multipliedBy(1L << doublings);
        return min(d, MAX_BACKOFF);
    }

    /**
     * The next attempt after a failure.
     *
     * @param failingSince when the current run of failures began (the first failure after the last success)
     * @param gone the server said 410 Gone
     * @param retryAt the server's Retry-After, or null
     */
    public static Instant nextAfterFailure(int consecutiveFailures, Instant failingSince, boolean gone, Instant retryAt,
                                           Instant now, RandomGenerator random) {
        Duration delay = retryDelay(consecutiveFailures);
        if (gone || isUnreachable(failingSince, now)) delay = max(delay, WEEKLY);
        Instant next = now.plus(jitter(delay, random));
        if (retryAt != null && retryAt.isAfter(next)) next = retryAt;
        return next;
    }

    /** The next attempt after a success. */
    public static Instant nextAfterSuccess(List<Instant> recentPosts, Duration ttl, Duration cacheFor, Instant now,
                                           RandomGenerator random) {
        return now.plus(jitter(intervalAfterSuccess(recentPosts, ttl, cacheFor, now), random));
    }

    /** True when the blog has failed without a success for 30 days or more. */
    public static boolean isUnreachable(Instant failingSince, Instant now) {
        return failingSince != null && !failingSince.plus(UNREACHABLE_AFTER).isAfter(now);
    }

    /** The duration scaled by a random factor in [0.9, 1.1]. */
    public static Duration jitter(Duration d, RandomGenerator random) {
        double factor = 1.0 + (random.nextDouble() * 2 - 1) * JITTER;
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static Duration clamp(Duration d, Duration lo, Duration hi) {
        return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
