package org.officialblogs.crawl.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to fetch a post's comment sources again; pure. Replies come early, so a fresh post is looked at often and
 * an older one seldom; nothing is fetched once the post is older than the measurement window.
 *
 * @param freshPeriod       a post younger than this is fresh (default 14 days)
 * @param freshInterval     interval while fresh (default 6 h; {@link Duration#ZERO} means on every crawl)
 * @param settlingPeriod    a post younger than this, but not fresh, is settling (default 60 days)
 * @param settlingInterval  interval while settling (default 1 day)
 * @param lateInterval      interval after that, until the window ends (default 7 days)
 * @param measurementWindow no fetch is due once the post is older than this (default 180 days)
 */
public record CommentFetchPolicy(
        Duration freshPeriod,
        Duration freshInterval,
        Duration settlingPeriod,
        Duration settlingInterval,
        Duration lateInterval,
        Duration measurementWindow) {

    public static final CommentFetchPolicy DEFAULTS = new CommentFetchPolicy(Duration.ofDays(14),
            Duration.ofHours(6), Duration.ofDays(60), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(180));

    /**
     * The standard pace within a measurement window: fresh posts (two weeks) every 6 h, settling ones (two months)
     * daily, then weekly until the window ends; the periods shrink to fit a shorter window.
     */
    public static CommentFetchPolicy forWindow(Duration measurementWindow) {
        Duration fresh = DEFAULTS.freshPeriod().compareTo(measurementWindow) < 0 ? DEFAULTS.freshPeriod() : measurementWindow;
        Duration settling = DEFAULTS.settlingPeriod().compareTo(measurementWindow) < 0 ? DEFAULTS.settlingPeriod() : measurementWindow;
        return new CommentFetchPolicy(fresh, DEFAULTS.freshInterval(), settling, DEFAULTS.settlingInterval(),
                DEFAULTS.lateInterval(), measurementWindow);
    }

    public CommentFetchPolicy {
        for (Duration d : new Duration[] {freshPeriod, freshInterval, settlingPeriod, settlingInterval,
                lateInterval, measurementWindow}) {
            Objects.requireNonNull(d, "every duration is required");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations cannot be negative: " + d);
            }
        }
        if (freshPeriod.compareTo(settlingPeriod) > 0 || settlingPeriod.compareTo(measurementWindow) > 0) {
            throw new IllegalArgumentException("need freshPeriod <= settlingPeriod <= measurementWindow");
        }
    }

    /**
     * The time of the next fetch of a post's comments, or empty when none is due any more.
     *
     * @param postPublished when the post was published
     * @param lastFetched   when its comments were last fetched, or null if never
     * @return now if never fetched (within the window); else the last fetch plus the interval for the post's age
     *         at that fetch; empty when that falls after the window's end, or when now is past it
     */
    public Optional<Instant> nextFetch(Instant postPublished, Instant lastFetched, Clock clock) {
        Objects.requireNonNull(postPublished, "postPublished");
        Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        Instant windowEnd = postPublished.plus(measurementWindow);
        if (now.isAfter(windowEnd)) {
            return Optional.empty();
        }
        if (lastFetched == null) {
            return Optional.of(now);
        }
        Duration age = Duration.between(postPublished, lastFetched);
        Duration interval = age.compareTo(freshPeriod) < 0 ? freshInterval
                : age.compareTo(settlingPeriod) < 0 ? settlingInterval : lateInterval;
        Instant next = lastFetched.plus(interval);
        return next.isAfter(windowEnd) ? Optional.empty() : Optional.of(next);
    }

    /** Whether a fetch is due now. */
    public boolean isDue(Instant postPublished, Instant lastFetched, Clock clock) {
        return nextFetch(postPublished, lastFetched, clock).map(next -> !next.isAfter(clock.instant()))
                .orElse(false);
    }
}
