package org.officialblogs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code max} events per key within a sliding {@code window} (per client address for submissions, per
 * username and address for failed logins). Kept in memory: a restart forgets the counts, which only ever errs
 * towards letting people in, and no client address is written to disk.
 */
public final class RateLimiter {

    /** Whether one more event is allowed now, and if not, how long until it will be. */
    public record Decision(boolean allowed, Duration retryAfter) {
        /** Whole minutes to wait, rounded up, for a message a person reads. */
        public long retryAfterMinutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }
    }

    /** Beyond this many keys, keys with no event inside the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    public RateLimiter(int max, Duration window, Clock clock) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    public int max() {
        return max;
    }

    public Duration window() {
        return window;
    }

    /** Tells whether one more event would be allowed, without counting one. */
    public synchronized Decision check(String key) {
        Instant now = clock.instant();
        Deque<Instant> q = events.get(key);
        if (q == null) return new Decision(true, Duration.ZERO);
        dropOld(q, now);
        if (q.size() < max) return new Decision(true, Duration.ZERO);
        return new Decision(false, Duration.between(now, q.peekFirst().plus(window)));
    }

    /** Counts one event. */
    public synchronized void record(String key) {
        Instant now = clock.instant();
        if (events.size() > PRUNE_ABOVE) prune(now);
        Deque<Instant> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        dropOld(q, now);
        q.addLast(now);
        while (q.size() > max) q.removeFirst();
    }

    /** Counts one event if allowed; the decision says whether it was. */
    public synchronized Decision tryAcquire(String key) {
        Decision d = check(key);
        if (d.allowed()) record(key);
        return d;
    }

    /** Forgets a key's events (a successful login clears its failures). */
    public synchronized void reset(String key) {
        events.remove(key);
    }

    private void dropOld(Deque<Instant> q, Instant now) {
        Instant cutoff = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) q.removeFirst();
    }

    private void prune(Instant now) {
        for (Iterator<Deque<Instant>> it = events.values().iterator(); it.hasNext(); ) {
            Deque<Instant> q = it.next();
            dropOld(q, now);
            if (q.isEmpty()) it.remove();
        }
    }
}
