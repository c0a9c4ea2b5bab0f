package org.officialblogs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RateLimiter} for a limit checked on every request of a kind (the read API): counted in the database with
 * the other limits (the same rows and windows as {@link SharedRateLimiter}), but no request waits for a write. A
 * node decides from the key's shared count as it last read or wrote it (re-read when older than {@code sync}) plus
 * the events it let through since, and adds those to the shared count in one upsert per key every {@code sync}, in
 * the background. A request therefore costs at most one primary-key read a {@code sync} per key and never takes the
 * database's write lock (on SQLite one writer at a time: a counted request would queue behind every crawl write).
 *
 * <p>The trade-off: on one node the count is exact; with several, each node sees the others' events up to about two
 * {@code sync} late, so an address spreading a burst over several nodes can pass the limit by what the other nodes
 * let through in that time (at worst, a burst sent within one {@code sync} to n nodes, n times the limit). Events
 * not yet written when a node stops are not counted, which only errs towards letting requests in.
 */
final class BatchedRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(BatchedRateLimiter.class);

    /** What this node knows of one key. Guarded by its own lock. */
    private static final class Key {
        /** The shared window's start (epoch ms) as last read or written; {@link Long#MIN_VALUE} when it has none. */
        long start = Long.MIN_VALUE;
        /** The shared count as last read or written. */
        long shared;
        /** When {@link #start} and {@link #shared} were learnt (epoch ms); {@link Long#MIN_VALUE}: never. */
        long learntAt = Long.MIN_VALUE;
        /** Events let through here and not yet written. */
        long pending;
        /** Events being written now (taken from {@link #pending}, not yet in {@link #shared}). */
        long writing;
        /** Dropped from the map: a caller holding it looks the key up again. */
        boolean gone;
        /** How many times the key learnt the shared count: a read is stale if the key learnt since it began. */
        long learnt;

        void learn(Optional<RateLimitDao.Window> w, long now) {
            start = w.map(x -> x.start().toEpochMilli()).orElse(Long.MIN_VALUE);
            shared = w.map(RateLimitDao.Window::events).orElse(0L);
            learntAt = now;
            learnt++;
        }
    }

    private final String name;
    private final int max;
    private final Duration window;
    private final long windowMs;
    private final long syncMs;
    private final RateLimitDao dao;
    private final Clock clock;
    private final Executor background;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final AtomicLong lastFlush = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    BatchedRateLimiter(String name, int max, Duration window, Duration sync, RateLimitDao dao, Clock clock,
                       Executor background) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the window must be positive");
        this.name = name;
        this.max = max;
        this.window = window;
        this.windowMs = window.toMillis();
        this.syncMs = sync.toMillis();
        this.dao = dao;
        this.clock = clock;
        this.background = background;
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
        Decision d = decide(key, true);
        flushNowAndThen();
        return d;
    }

    @Override
    public Decision check(String key) {
        return decide(key, false);
    }

    @Override
    public void reset(String key) {
        Key k = keys.remove(key);
        if (k != null) {
            synchronized (k) {
                k.gone = true;
            }
        }
        dao.delete(name, key);
    }

    private Decision decide(String key, boolean count) {
        while (true) {
            long now = clock.millis();
            Key k = keys.computeIfAbsent(key, x -> new Key());
            boolean stale;
            long learntBefore;
            synchronized (k) {
                stale = k.learntAt == Long.MIN_VALUE || now - k.learntAt >= syncMs;
                learntBefore = k.learnt;
            }
            // a read: on SQLite (WAL) it never waits for the writer
            Optional<RateLimitDao.Window> read = stale ? dao.window(name, key) : Optional.empty();
            synchronized (k) {
                if (k.gone) continue;
                // the read is kept only if nothing was learnt or is being written meanwhile: a flush that learnt
                // since knows a newer count (the read would undo its events), and one still writing may or may
                // not be in the read (its events would count twice)
                if (stale && k.learnt == learntBefore && k.writing == 0) k.learn(read, now);
                boolean open = k.start != Long.MIN_VALUE && k.start > now - windowMs;
                long events = (open ? k.shared : 0) + k.writing + k.pending;
                if (events < max) {
                    if (count) k.pending++;
                    return new Decision(true, Duration.ZERO);
                }
                // a window not yet written opens when it is, within a sync: the whole window is the longest wait
                return new Decision(false, Duration.ofMillis(open ? k.start + windowMs - now : windowMs));
            }
        }
    }

    /** Starts a write of the pending events in the background, once a {@code sync} at most. */
    private void flushNowAndThen() {
        long now = clock.millis();
        long last = lastFlush.get();
        if (last != Long.MIN_VALUE && now - last < syncMs) return;
        if (!lastFlush.compareAndSet(last, now) || !flushing.compareAndSet(false, true)) return;
        try {
            background.execute(() -> {
                try {
                    flush();
                } finally {
                    flushing.set(false);
                }
            });
        } catch (RuntimeException e) {
            flushing.set(false);
            throw e;
        }
    }

    /** Writes every key's pending events (one upsert each), learns the shared counts back, forgets idle keys. */
    void flush() {
        Instant now = clock.instant();
        long nowMs = now.toEpochMilli();
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            Key k = e.getValue();
            long n;
            synchronized (k) {
                n = k.pending;
                k.pending = 0;
                k.writing = n;
            }
            if (n > 0) {
                try {
                    RateLimitDao.Window w = dao.count(name, e.getKey(), n, now, now.minus(window));
                    synchronized (k) {
                        k.learn(Optional.of(w), nowMs);
                        k.writing = 0;
                    }
                } catch (RuntimeException ex) {
                    synchronized (k) {
                        k.pending += k.writing;
                        k.writing = 0;
                    }
                    log.warn("rate limit not written limit={} error={}", name, ex.getMessage());
                    return;
                }
            }
            keys.computeIfPresent(e.getKey(), (key, v) -> {
                synchronized (v) {
                    boolean idle = v.pending == 0 && v.writing == 0
                            && (v.start == Long.MIN_VALUE || v.start <= nowMs - windowMs);
                    if (!idle) return v;
                    v.gone = true;
                    return null;
                }
            });
        }
        long purged = lastPurge.get();
        if ((purged == Long.MIN_VALUE || nowMs - purged >= windowMs) && lastPurge.compareAndSet(purged, nowMs)) {
            dao.purge(name, now.minus(window));
        }
    }
}
