package org.officialblogs.crawl.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a {@code Retry-After} header (delay in seconds or an HTTP date) into the instant to wait until: a missing or
 * unreadable value gives the default delay, a date in the past gives now, and nothing waits longer than the cap.
 */
public final class RetryAfter {

    private final Clock clock;
    private final Duration whenMissing;
    private final Duration cap;

    public RetryAfter(Clock clock, Duration whenMissing, Duration cap) {
        if (whenMissing.isNegative() || cap.isNegative() || whenMissing.compareTo(cap) > 0) {
            throw new IllegalArgumentException("need 0 <= whenMissing <= cap, got " + whenMissing + " and " + cap);
        }
        this.clock = clock;
        this.whenMissing = whenMissing;
        this.cap = cap;
    }

    /** The instant before which the server asked not to be asked again; {@code headerValue} may be null. */
    public Instant until(String headerValue) {
        Instant now = clock.instant();
        Instant latest = now.plus(cap);
        if (headerValue == null || headerValue.isBlank()) {
            return now.plus(whenMissing);
        }
        String value = headerValue.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more digits than a long holds is still "a very long time": the cap
            if (value.length() > 12) {
                return latest;
            }
            Instant at = now.plusSeconds(Long.parseLong(value));
            return at.isAfter(latest) ? latest : at;
        }
        Instant date = HttpDates.parse(value);
        if (date == null) {
            return now.plus(whenMissing);
        }
        if (date.isBefore(now)) {
            return now;
        }
        return date.isAfter(latest) ? latest : date;
    }
}
