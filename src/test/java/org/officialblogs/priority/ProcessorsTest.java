package org.officialblogs.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessorsTest {

    @Test
    void noMoreRunAtOnceThanThereAreProcessors() throws Exception {
        Processors two = new Processors(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = start(two, new int[] {1, 1, 1, 1, 1}, running, most, new CopyOnWriteArrayList<>(),
                release);
        assertThat(running.get()).isEqualTo(2);
        release.countDown();
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(most.get()).isEqualTo(2);
        assertThat(two.waiting()).isZero();
    }

    @Test
    void aFreedProcessorGoesToTheMostUrgentWaiterThenTheEarliest() throws Exception {
        Processors one = new Processors(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<Thread> threads = start(one, new int[] {3, 3, 1, 8, 5}, new AtomicInteger(), new AtomicInteger(), served,
                release);
        release.countDown();
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(served).containsExactly(3, 8, 5, 3, 1);
    }

    /**
     * Starts a thread per urgency, one after the other, each running work that holds its processor until
     * {@code release}; returns once as many run as can and the others wait, in the order started.
     */
    private static List<Thread> start(Processors processors, int[] urgencies, AtomicInteger running,
                                      AtomicInteger most, List<Integer> served, CountDownLatch release)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int urgency : urgencies) {
            int runningBefore = running.get();
            int waitingBefore = processors.waiting();
            Thread t = new Thread(() -> {
                Urgency.set(urgency);
                processors.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    served.add(urgency);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return null;
                });
            });
            threads.add(t);
            t.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() == runningBefore && processors.waiting() == waitingBefore
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        return threads;
    }

    @Test
    void workInsideWorkTakesNoSecondProcessor() {
        Processors one = new Processors(1);
        int answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> one.run(() -> one.run(() -> 42)));
        assertThat(answer).isEqualTo(42);
        assertThat(one.run(() -> 7)).isEqualTo(7); // and the processor was given back
    }

    @Test
    void aThreadInterruptedWhileWaitingRunsItsWorkAndKeepsTheInterrupt() throws Exception {
        Processors one = new Processors(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> one.run(() -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await(10, TimeUnit.SECONDS);
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            one.run(() -> {
                ran.set(true);
                return null;
            });
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        awaitWaiting(one, 1);
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        release.countDown();
        holder.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(ran).isTrue();
        assertThat(interruptKept).isTrue();
        assertThat(one.waiting()).isZero();
        assertThat(one.run(() -> 1)).isEqualTo(1); // the holder's processor came back; the waiter took none
    }

    private static void awaitWaiting(Processors processors, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processors.waiting() < n && System.nanoTime() < deadline) Thread.sleep(1);
        assertThat(processors.waiting()).isEqualTo(n);
    }
}
