package org.officialblogs.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many password checks run at once. Each Argon2id check holds its memory cost (19 MiB at OWASP's parameters)
 * for its whole run, so a flood of logins could exhaust the heap; here at most {@code concurrent} run, a few more
 * wait up to {@code wait} in arrival order, and the rest are told to come back (the login answers 429). Per node, on
 * purpose: what it protects is this process's heap, which no other node's checks touch.
 */
public final class PasswordChecks {

    /** How long a login waits for a free check before it is answered 429 with Retry-After. */
    public static final java.time.Duration QUEUE_WAIT = java.time.Duration.ofSeconds(2);

    /** A slot to run one check in; closing it frees the slot. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;
    private final int concurrent;
    private final Duration wait;

    public PasswordChecks(int concurrent, Duration wait) {
        if (concurrent < 1) throw new IllegalArgumentException("at least one check must be able to run");
        this.slots = new Semaphore(concurrent, true);
        this.concurrent = concurrent;
        this.wait = wait;
    }

    /** A slot, waiting at most the configured time for one; empty when all stayed busy that long. */
    public Optional<Slot> enter() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(slots::release);
    }

    public int concurrent() {
        return concurrent;
    }

    public Duration waitLimit() {
        return wait;
    }
}
