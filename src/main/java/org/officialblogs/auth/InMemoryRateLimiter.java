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
 * {@link RateLimiter} in this process's memory: each key's event times in a queue, all under one lock, so a check
 * and its count are one step. A restart forgets the counts, which only ever errs towards letting people in.
 */
final class InMemoryRateLimiter implements RateLimiter {

    /** Beyond this many keys, keys with no event inside the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    InMemoryRateLimiter(int max, Duration window, Clock clock) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public Duration window() {
        return window;
    }

    @Override
    public synchronized Decision check(String key) {
        Instant now = clock.instant();
        Deque<Instant> q = events.get(key);
        if (q == null) return new Decision(true, Duration.ZERO);
        dropOld(q, now);
        if (q.size() < max) return new Decision(true, Duration.ZERO);
        return new Decision(false, Duration.between(now, q.peekFirst().plus(window)));
    }

    @Override
    public synchronized Decision tryAcquire(String key) {
        Decision d = check(key);
        if (d.allowed()) {
            Instant now = clock.instant();
            if (events.size() > PRUNE_ABOVE) prune(now);
            events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
        return d;
    }

    @Override
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
