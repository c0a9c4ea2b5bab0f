package org.officialblogs.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * At most {@code max()} events per key within a sliding {@code window()}: submissions per client address, login
 * attempts per username and address and per address, read API requests per address. Counting is atomic: of many
 * callers racing on one key, exactly those under the limit are let through. An interface so that several app
 * servers can share one count (a database-backed implementation) where today each process keeps its own.
 */
public interface RateLimiter {

    /** Whether one more event is allowed now, and if not, how long until it will be. */
    record Decision(boolean allowed, Duration retryAfter) {
        /** Whole minutes to wait, rounded up, for a message a person reads. */
        public long retryAfterMinutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }

        /** Whole seconds to wait, rounded up, for a Retry-After header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Counts one event for {@code key} if that keeps it within the limit; the decision says whether it did. */
    Decision tryAcquire(String key);

    /** Tells whether one more event would be allowed, counting nothing (a cheap check before any work). */
    Decision check(String key);

    /** Forgets a key's events (a successful login clears its failed attempts). */
    void reset(String key);

    int max();

    Duration window();

    /** The limiter of one process, kept in memory: a restart forgets the counts and no address is written to disk. */
    static RateLimiter inMemory(int max, Duration window, Clock clock) {
        return new InMemoryRateLimiter(max, window, clock);
    }
}
