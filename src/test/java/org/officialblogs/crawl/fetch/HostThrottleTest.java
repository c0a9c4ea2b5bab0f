package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.officialblogs.testkit.MutableClock;

class HostThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** Sleeping moves the test clock instead of the thread. */
    private final Sleeper fakeSleep = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };

    @Test
    void secondRequestToAHostWaitsForTheRestOfTheDelay() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(Duration.ofSeconds(2), 4, clock, fakeSleep);

        try (HostThrottle.Permit first = throttle.acquire("blog.example")) {
            assertThat(first.pausedUntil()).isEmpty();
        }
        clock.advance(Duration.ofMillis(500));
        try (HostThrottle.Permit second = throttle.acquire("BLOG.example")) {
            assertThat(second.pausedUntil()).isEmpty();
        }

        assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void noWaitOnceTheDelayHasPassedOrForAnotherHost() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(Duration.ofSeconds(2), 4, clock, fakeSleep);

        throttle.acquire("a.example").close();
        throttle.acquire("b.example").close();
        clock.advance(Duration.ofSeconds(3));
        throttle.acquire("a.example").close();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void delayCountsFromTheEndOfTheRequest() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(Duration.ofSeconds(2), 4, clock, fakeSleep);

        try (HostThrottle.Permit slow = throttle.acquire("a.example")) {
            assertThat(slow.pausedUntil()).isEmpty();
            clock.advance(Duration.ofSeconds(10)); // a slow response
        }
        throttle.acquire("a.example").close();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void pausedHostGetsNoPermitUntilThePauseEnds() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(Duration.ZERO, 4, clock, fakeSleep);
        Instant until = clock.instant().plus(Duration.ofMinutes(10));

        throttle.pauseHost("a.example", until);
        throttle.pauseHost("a.example", clock.instant().plusSeconds(5)); // a shorter pause does not shorten it

        try (HostThrottle.Permit permit = throttle.acquire("A.EXAMPLE")) {
            assertThat(permit.pausedUntil()).contains(until);
        }
        assertThat(throttle.pausedUntil("b.example")).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        try (HostThrottle.Permit permit = throttle.acquire("a.example")) {
            assertThat(permit.pausedUntil()).isEmpty();
        }
        assertThat(throttle.pausedUntil("a.example")).isEmpty();
    }

    @Test
    void pauseSetWhileQueuedIsSeenOnceTheTurnComes() throws InterruptedException {
        Instant until = clock.instant().plus(Duration.ofHours(1));
        AtomicReference<HostThrottle> self = new AtomicReference<>();
        HostThrottle throttle = new HostThrottle(Duration.ofSeconds(1), 4, clock, duration -> {
            // while this request waits its turn, another fetch to the host gets a 429
            self.get().pauseHost("a.example", until);
            clock.advance(duration);
        });
        self.set(throttle);
        throttle.acquire("a.example").close();

        try (HostThrottle.Permit permit = throttle.acquire("a.example")) {
            assertThat(permit.pausedUntil()).contains(until);
        }
        // the refused permit did not count as a request: the host's next turn needs no further wait
        clock.advance(Duration.ofHours(1));
        try (HostThrottle.Permit permit = throttle.acquire("a.example")) {
            assertThat(permit.pausedUntil()).isEmpty();
        }
    }

    @Test
    void globalLimitHoldsBackOtherHostsUntilASlotFrees() throws Exception {
        HostThrottle throttle = new HostThrottle(Duration.ZERO, 1, clock, fakeSleep);
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicBoolean secondGranted = new AtomicBoolean();

        HostThrottle.Permit first = throttle.acquire("a.example");
        Thread other = new Thread(() -> {
            secondStarted.countDown();
            try (HostThrottle.Permit second = throttle.acquire("b.example")) {
                secondGranted.set(second.pausedUntil().isEmpty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        assertThat(secondStarted.await(2, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(secondGranted).isFalse();

        first.close();
        other.join(2000);
        assertThat(secondGranted).isTrue();
    }

    @Test
    void oneRequestPerHostAtATime() throws Exception {
        HostThrottle throttle = new HostThrottle(Duration.ZERO, 8, clock, fakeSleep);
        AtomicBoolean secondGranted = new AtomicBoolean();

        HostThrottle.Permit first = throttle.acquire("a.example");
        Thread other = new Thread(() -> {
            try (HostThrottle.Permit second = throttle.acquire("a.example")) {
                secondGranted.set(second.pausedUntil().isEmpty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        Thread.sleep(100);
        assertThat(secondGranted).isFalse();

        first.close();
        other.join(2000);
        assertThat(secondGranted).isTrue();
    }
}
