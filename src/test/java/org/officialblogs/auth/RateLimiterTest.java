package org.officialblogs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsMaxEventsPerWindowThenSaysHowLongToWait() {
        HandClock clock = new HandClock();
        RateLimiter limiter = RateLimiter.inMemory(3, Duration.ofHours(1), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
            clock.advance(Duration.ofMinutes(10));
        }
        RateLimiter.Decision refused = limiter.tryAcquire("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        // the first event was 30 minutes ago, so one slot frees in 30 minutes
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(refused.retryAfterMinutes()).isEqualTo(30);
        assertThat(limiter.check("10.0.0.2").allowed()).as("other keys are not affected").isTrue();
        clock.advance(Duration.ofMinutes(30));
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void checkDoesNotCountAndResetForgets() {
        HandClock clock = new HandClock();
        RateLimiter limiter = RateLimiter.inMemory(1, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 5; i++) assertThat(limiter.check("k").allowed()).isTrue();
        limiter.tryAcquire("k");
        assertThat(limiter.check("k").allowed()).isFalse();
        limiter.reset("k");
        assertThat(limiter.check("k").allowed()).isTrue();
    }

    @Test
    void ofManyRacingCallersExactlyTheLimitPass() throws Exception {
        RateLimiter limiter = RateLimiter.inMemory(5, Duration.ofMinutes(15), new HandClock());
        int callers = 64;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(callers);
        java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    if (limiter.tryAcquire("same key").allowed()) passed.incrementAndGet();
                    return null;
                }));
            }
            for (var f : all) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(passed.get()).isEqualTo(5);
    }

    @Test
    void manyKeysArePrunedOnceTheirWindowHasPassed() {
        HandClock clock = new HandClock();
        RateLimiter limiter = RateLimiter.inMemory(1, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 20_000; i++) limiter.tryAcquire("ip" + i);
        clock.advance(Duration.ofMinutes(2));
        limiter.tryAcquire("late");
        assertThat(limiter.check("ip0").allowed()).isTrue();
        assertThat(limiter.check("late").allowed()).isFalse();
    }
}
