package org.officialblogs.crawl.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.officialblogs.priority.PriorityGate;
import org.officialblogs.priority.Urgency;

/**
 * Politeness for many threads: one request per host at a time, a minimum pause between the end of one request and
 * the start of the next to the same host, a global cap on requests in flight, and host pauses (after a 429) during
 * which nothing is sent to the host at all. When requests queue for the global cap, the thread whose crawl has the
 * most requests left ({@link Urgency}) goes first: its chain decides when the crawl ends.
 */
public final class HostThrottle {

    private final Duration minDelay;
    private final PriorityGate inFlight;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, HostSlot> slots = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> pauses = new ConcurrentHashMap<>();

    public HostThrottle(Duration minDelay, int maxConcurrent, Clock clock, Sleeper sleeper) {
        if (minDelay.isNegative() || maxConcurrent < 1) {
            throw new IllegalArgumentException("need minDelay >= 0 and maxConcurrent >= 1");
        }
        this.minDelay = minDelay;
        this.inFlight = new PriorityGate(maxConcurrent);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits for the host's turn and a global slot. The returned permit must be closed by the same thread when the
     * request is over. When the host is paused (now or by the time its turn comes) the permit is not granted:
     * {@link Permit#pausedUntil()} says until when, and nothing must be sent.
     */
    public Permit acquire(String host) throws InterruptedException {
        String key = key(host);
        Optional<Instant> paused = pausedUntil(key);
        if (paused.isPresent()) {
            return new Permit(null, paused.get());
        }
        HostSlot slot = slots.computeIfAbsent(key, k -> new HostSlot());
        slot.lock.lockInterruptibly();
        boolean granted = false;
        try {
            if (slot.lastEnd != null) {
                Duration wait = Duration.between(clock.instant(), slot.lastEnd.plus(minDelay));
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
            // another thread may have been told to back off while this one queued
            paused = pausedUntil(key);
            if (paused.isPresent()) {
                return new Permit(null, paused.get());
            }
            inFlight.acquire(Urgency.current());
            granted = true;
            return new Permit(slot, null);
        } finally {
            if (!granted) {
                slot.lock.unlock();
            }
        }
    }

    /** Sends nothing to the host before {@code until}; a later pause replaces an earlier one only if longer. */
    public void pauseHost(String host, Instant until) {
        pauses.merge(key(host), until, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
    }

    /** When the host's pause ends, if it is paused now. */
    public Optional<Instant> pausedUntil(String host) {
        String key = key(host);
        Instant until = pauses.get(key);
        if (until == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(until)) {
            pauses.remove(key, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    private static final class HostSlot {
        private final ReentrantLock lock = new ReentrantLock(true);
        private Instant lastEnd; // guarded by lock
    }

    /** The right to send one request to a host; closing it starts the host's delay and frees the slot. */
    public final class Permit implements AutoCloseable {
        private final HostSlot slot;
        private final Instant pausedUntil;
        private boolean closed;

        private Permit(HostSlot slot, Instant pausedUntil) {
            this.slot = slot;
            this.pausedUntil = pausedUntil;
        }

        /** Present when the host is paused and this permit grants nothing. */
        public Optional<Instant> pausedUntil() {
            return Optional.ofNullable(pausedUntil);
        }

        @Override
        public void close() {
            if (slot == null || closed) {
                return;
            }
            closed = true;
            slot.lastEnd = clock.instant();
            inFlight.release();
            slot.lock.unlock();
        }
    }
}
