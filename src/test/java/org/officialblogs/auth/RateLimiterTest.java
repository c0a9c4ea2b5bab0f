package org.officialblogs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.db.Database;

/** The shared rate limiter over a real database: its window, its exact count under a race, and its purge. */
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

    @TempDir
    Path dir;
    Database db;
    RateLimitDao dao;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        dao = new RateLimitDao(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    long rows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rate_limit").mapTo(Long.class).one());
    }

    @Test
    void allowsMaxEventsPerWindowThenSaysHowLongToWait() {
        HandClock clock = new HandClock();
        RateLimiter limiter = RateLimiter.shared("test", 3, Duration.ofHours(1), dao, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
            clock.advance(Duration.ofMinutes(10));
        }
        RateLimiter.Decision refused = limiter.tryAcquire("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        // the window opened with the first event, 30 minutes ago, so it ends in 30 minutes
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(refused.retryAfterMinutes()).isEqualTo(30);
        assertThat(limiter.check("10.0.0.2").allowed()).as("other keys are not affected").isTrue();
        clock.advance(Duration.ofMinutes(30));
        // a new window: the full limit again, then refused until it ends
        for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        RateLimiter.Decision again = limiter.tryAcquire("10.0.0.1");
        assertThat(again.allowed()).isFalse();
        assertThat(again.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void checkDoesNotCountAndResetForgets() {
        HandClock clock = new HandClock();
        RateLimiter limiter = RateLimiter.shared("test", 1, Duration.ofMinutes(15), dao, clock);
        for (int i = 0; i < 5; i++) assertThat(limiter.check("k").allowed()).isTrue();
        limiter.tryAcquire("k");
        assertThat(limiter.check("k").allowed()).isFalse();
        limiter.reset("k");
        assertThat(limiter.check("k").allowed()).isTrue();
    }

    @Test
    void limitsOfDifferentNamesCountApart() {
        HandClock clock = new HandClock();
        RateLimiter logins = RateLimiter.shared("login", 1, Duration.ofMinutes(15), dao, clock);
        RateLimiter api = RateLimiter.shared("api", 1, Duration.ofMinutes(1), dao, clock);
        assertThat(logins.tryAcquire("10.0.0.1").allowed()).isTrue();
        assertThat(api.tryAcquire("10.0.0.1").allowed()).isTrue();
        assertThat(logins.tryAcquire("10.0.0.1").allowed()).isFalse();
        assertThat(api.tryAcquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void twoLimitersOverOneDatabaseShareTheCount() {
        // two nodes: each its own limiter object and connection pool, one database file
        HandClock clock = new HandClock();
        try (Database other = Database.open(db.url())) {
            RateLimiter a = RateLimiter.shared("login", 5, Duration.ofMinutes(15), dao, clock);
            RateLimiter b = RateLimiter.shared("login", 5, Duration.ofMinutes(15), new RateLimitDao(other.jdbi()), clock);
            int passed = 0;
            for (int i = 0; i < 10; i++) if ((i % 2 == 0 ? a : b).tryAcquire("user|10.0.0.1").allowed()) passed++;
            assertThat(passed).isEqualTo(5);
            assertThat(a.check("user|10.0.0.1").allowed()).isFalse();
            b.reset("user|10.0.0.1");
            assertThat(a.check("user|10.0.0.1").allowed()).isTrue();
        }
    }

    @Test
    void ofManyRacingCallersExactlyTheLimitPass() throws Exception {
        RateLimiter limiter = RateLimiter.shared("test", 5, Duration.ofMinutes(15), dao, new HandClock());
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
        RateLimiter limiter = RateLimiter.shared("test", 1, Duration.ofMinutes(1), dao, clock);
        for (int i = 0; i < 2_000; i++) limiter.tryAcquire("ip" + i);
        assertThat(rows()).isEqualTo(2_000);
        clock.advance(Duration.ofMinutes(2));
        limiter.tryAcquire("late");
        assertThat(limiter.check("ip0").allowed()).isTrue();
        assertThat(limiter.check("late").allowed()).isFalse();
        assertThat(rows()).as("only the key still inside its window is kept").isEqualTo(1);
    }

    /** The read API's limiter: flushes run on the caller's thread here, so the test sees each write. */
    RateLimiter batched(RateLimitDao on, int max, HandClock clock) {
        return RateLimiter.batched("api", max, Duration.ofMinutes(1), Duration.ofSeconds(1), on, clock, Runnable::run);
    }

    @RepeatedTest(30) // a race: one run rarely hits the interleaving that miscounted
    void theBatchedLimiterIsExactOnOneNodeUnderARace() throws Exception {
        RateLimiter limiter = batched(dao, 5, new HandClock());
        int callers = 32;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(callers);
        java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    if (limiter.tryAcquire("10.0.0.1").allowed()) passed.incrementAndGet();
                    return null;
                }));
            }
            for (var f : all) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(passed.get()).isEqualTo(5);
        RateLimiter.Decision refused = limiter.tryAcquire("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theBatchedLimiterWritesItsCountsEachSyncAndNodesSeeEachOthersThen() {
        HandClock clock = new HandClock();
        try (Database other = Database.open(db.url())) {
            RateLimiter a = batched(dao, 5, clock);
            RateLimiter b = batched(new RateLimitDao(other.jdbi()), 5, clock);
            // node A's first request writes at once (its first sync), the next two wait for the next sync
            for (int i = 0; i < 3; i++) assertThat(a.tryAcquire("10.0.0.1").allowed()).isTrue();
            assertThat(dao.window("api", "10.0.0.1")).map(RateLimitDao.Window::events).contains(1L);
            clock.advance(Duration.ofSeconds(1));
            assertThat(a.tryAcquire("10.0.0.1").allowed()).isTrue();
            assertThat(dao.window("api", "10.0.0.1")).map(RateLimitDao.Window::events).contains(4L);
            // node B reads the shared count: one more passes there, then both refuse
            assertThat(b.tryAcquire("10.0.0.1").allowed()).isTrue();
            assertThat(b.tryAcquire("10.0.0.1").allowed()).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(b.tryAcquire("10.0.0.1").allowed()).isFalse();
            assertThat(a.tryAcquire("10.0.0.1").allowed()).as("A re-reads the count B wrote").isFalse();
            // the window opened by A's first request ends a minute after it: the full limit again
            clock.advance(Duration.ofMinutes(1));
            for (int i = 0; i < 5; i++) assertThat(b.tryAcquire("10.0.0.1").allowed()).isTrue();
            assertThat(b.tryAcquire("10.0.0.1").allowed()).isFalse();
        }
    }

    @Test
    void aBurstWithinOneSyncPassesAtMostOnceTheLimitPerNode() {
        // the documented trade-off: two nodes that have written nothing yet each let the limit through
        HandClock clock = new HandClock();
        try (Database other = Database.open(db.url())) {
            RateLimiter a = RateLimiter.batched("api", 5, Duration.ofMinutes(1), Duration.ofSeconds(1), dao, clock, work -> {});
            RateLimiter b = RateLimiter.batched("api", 5, Duration.ofMinutes(1), Duration.ofSeconds(1),
                    new RateLimitDao(other.jdbi()), clock, work -> {});
            int passed = 0;
            for (int i = 0; i < 20; i++) if ((i % 2 == 0 ? a : b).tryAcquire("10.0.0.9").allowed()) passed++;
            assertThat(passed).isEqualTo(10);
        }
    }
}
