package org.officialblogs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RateLimiter} kept in the database, so every web node (and every restart) counts against the same limit.
 * A key's window opens with its first counted event and lasts {@code window}; the events in it are counted in one
 * statement that returns the new count, and an event is allowed when that count is within {@code max}. Refused
 * events are counted too (they change nothing: the window is already full). Once the window is over the next event
 * opens a new one, so in any span of one window at most twice {@code max} events pass (the end of one window and the
 * start of the next), and on average at most {@code max}; what a refused caller is told to wait is exact (until its
 * window ends). Windows that are over are purged by the limiter as it goes, at most once a window per process.
 */
final class SharedRateLimiter implements RateLimiter {

    private final String name;
    private final int max;
    private final Duration window;
    private final RateLimitDao dao;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    SharedRateLimiter(String name, int max, Duration window, RateLimitDao dao, Clock clock) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the window must be positive");
        this.name = name;
        this.max = max;
        this.window = window;
        this.dao = dao;
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
    public Decision tryAcquire(String key) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        RateLimitDao.Window w = dao.count(name, key, 1, now, now.minus(window));
        return w.events() <= max ? new Decision(true, Duration.ZERO) : refused(w, now);
    }

    @Override
    public Decision check(String key) {
        Instant now = clock.instant();
        Optional<RateLimitDao.Window> w = dao.window(name, key);
        if (w.isEmpty() || !w.get().start().isAfter(now.minus(window)) || w.get().events() < max) {
            return new Decision(true, Duration.ZERO);
        }
        return refused(w.get(), now);
    }

    @Override
    public void reset(String key) {
        dao.delete(name, key);
    }

    private Decision refused(RateLimitDao.Window w, Instant now) {
        Duration left = Duration.between(now, w.start().plus(window));
        return new Decision(false, left.isNegative() ? Duration.ZERO : left);
    }

    /** Deletes the windows that are over, once a window at most (any node may; a second purge finds nothing). */
    private void purgeNowAndThen(Instant now) {
        long last = lastPurge.get();
        long at = now.toEpochMilli();
        if (last != Long.MIN_VALUE && at - last < window.toMillis()) return;
        if (lastPurge.compareAndSet(last, at)) dao.purge(name, now.minus(window));
    }
}
