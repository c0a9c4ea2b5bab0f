package org.officialblogs.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * At most {@code max()} events per key within a {@code window()}: submissions per client address, login attempts
 * per username and address and per address, read API requests per address. Counting is atomic: of many callers
 * racing on one key, on one node or several, exactly those under the limit are let through. Kept in the database
 * ({@link #shared}), so several web nodes share one count and a restart forgets nothing.
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

    /**
     * The limit {@code name} (one per kind of event: "login.account", "api", ...), counted in the database every node
     * shares. The keys (client addresses, user names) are stored until their window is over, then purged.
     */
    static RateLimiter shared(String name, int max, Duration window, RateLimitDao dao, Clock clock) {
        return new SharedRateLimiter(name, max, window, dao, clock);
    }

    /**
     * As {@link #shared}, for a limit checked on every request of a kind (the read API): decided from what this node
     * last learnt of the shared count plus its own events since, written in the background every {@code sync}, so
     * no request waits for a database write. Exact on one node; across several a burst may pass the limit by what
     * the other nodes let through in about two {@code sync} (see {@link BatchedRateLimiter}).
     */
    static RateLimiter batched(String name, int max, Duration window, Duration sync, RateLimitDao dao, Clock clock,
                               java.util.concurrent.Executor background) {
        return new BatchedRateLimiter(name, max, window, sync, dao, clock, background);
    }
}
