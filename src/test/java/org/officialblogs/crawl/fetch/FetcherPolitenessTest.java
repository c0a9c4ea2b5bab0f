package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real waiting with small delays, measured where it matters: on the server. */
class FetcherPolitenessTest {

    private static final Duration DELAY = Duration.ofMillis(200);

    private RecordingServer first;
    private RecordingServer second;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() throws IOException {
        first = RecordingServer.start("127.0.0.2");
        second = RecordingServer.start("127.0.0.3");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        first.close();
        second.close();
    }

    private static Fetcher fetcher(Duration delay, int concurrent) {
        return new Fetcher(TestSettings.loopbackAllowed().withPoliteness(delay, concurrent), HostResolver.system(),
                Clock.systemUTC());
    }

    @Test
    void requestsToOneHostArriveAtLeastTheDelayApart() {
        first.text("/a", 200, "a");
        first.text("/b", 200, "b");
        try (Fetcher fetcher = fetcher(DELAY, 16)) {
            assertThat(fetcher.fetch(FetchRequest.feed(first.url("/a"), null, null)).ok()).isTrue();
            assertThat(fetcher.fetch(FetchRequest.feed(first.url("/b"), null, null)).ok()).isTrue();
        }

        List<RecordingServer.Seen> seen = first.requests(); // robots.txt, /a, /b
        assertThat(seen).extracting(RecordingServer.Seen::path).containsExactly("/robots.txt", "/a", "/b");
        for (int i = 1; i < seen.size(); i++) {
            assertThat(Duration.ofNanos(seen.get(i).arrivedNanos() - seen.get(i - 1).arrivedNanos()))
                    .isGreaterThanOrEqualTo(DELAY);
        }
    }

    @Test
    void concurrentFetchesToOneHostGoOneAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        first.on("/slow", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            RecordingServer.send(exchange, 200, "slow");
        });
        try (Fetcher fetcher = fetcher(Duration.ofMillis(50), 16)) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> fetcher.fetch(
                        FetchRequest.feed(first.url("/slow"), null, null).withSkipRobots())));
            }
            for (Future<FetchResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).ok()).isTrue();
            }
        }

        assertThat(first.count("/slow")).isEqualTo(3);
        assertThat(maxInFlight).hasValue(1);
    }

    @Test
    void twoHostsAreFetchedInParallel() throws Exception {
        // each handler waits until both requests are on the servers at the same time
        CountDownLatch bothArrived = new CountDownLatch(2);
        for (RecordingServer server : List.of(first, second)) {
            server.on("/feed", exchange -> {
                bothArrived.countDown();
                boolean together;
                try {
                    together = bothArrived.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    together = false;
                }
                RecordingServer.send(exchange, together ? 200 : 500, together ? "together" : "alone");
            });
        }
        try (Fetcher fetcher = fetcher(DELAY, 16)) {
            Future<FetchResult> a = pool.submit(() -> fetcher.fetch(FetchRequest.feed(first.url("/feed"), null, null)));
            Future<FetchResult> b = pool.submit(() -> fetcher.fetch(FetchRequest.feed(second.url("/feed"), null, null)));

            assertThat(a.get(10, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(b.get(10, TimeUnit.SECONDS).ok()).isTrue();
        }
    }

    @Test
    void globalLimitCapsRequestsInFlightAcrossHosts() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        for (RecordingServer server : List.of(first, second)) {
            server.on("/slow", exchange -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                RecordingServer.send(exchange, 200, "slow");
            });
        }
        try (Fetcher fetcher = fetcher(Duration.ZERO, 1)) {
            Future<FetchResult> a = pool.submit(() -> fetcher.fetch(
                    FetchRequest.feed(first.url("/slow"), null, null).withSkipRobots()));
            Future<FetchResult> b = pool.submit(() -> fetcher.fetch(
                    FetchRequest.feed(second.url("/slow"), null, null).withSkipRobots()));

            assertThat(a.get(10, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(b.get(10, TimeUnit.SECONDS).ok()).isTrue();
        }

        assertThat(maxInFlight).hasValue(1);
    }
}
