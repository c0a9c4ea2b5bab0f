package org.officialblogs.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InProgressLimitTest {

    private final AtomicBoolean serving = new AtomicBoolean();

    /** 5 tasks at most on a quiet site, 2 while visitors are served; a waiter looks again every 20 ms. */
    private final InProgressLimit limit = new InProgressLimit(serving::get, 5, 2, 20);

    /** A thread of its own entering a limit; {@code in} opens once it is in. */
    private record Entering(Thread thread, CountDownLatch in) {}

    private static Entering enterOnAnotherThread(InProgressLimit limit) {
        CountDownLatch in = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                limit.enter();
                in.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        return new Entering(t, in);
    }

    private CountDownLatch enterOnAnotherThread() {
        return enterOnAnotherThread(limit).in();
    }

    @Test
    void onAQuietSiteAsManyAsTheQuietLimitStartAndTheNextWaits() throws Exception {
        for (int i = 0; i < 5; i++) limit.enter();
        assertThat(limit.inProgress()).isEqualTo(5);
        CountDownLatch sixth = enterOnAnotherThread();
        assertThat(sixth.await(200, TimeUnit.MILLISECONDS)).isFalse();
        limit.leave();
        assertThat(sixth.await(5, TimeUnit.SECONDS)).as("a task ending lets the next one in").isTrue();
        assertThat(limit.inProgress()).isEqualTo(5);
    }

    @Test
    void whileVisitorsAreServedFewerStartAndTheOnesInProgressAreLeftToFinish() throws Exception {
        for (int i = 0; i < 4; i++) limit.enter(); // started on a quiet site
        serving.set(true);
        CountDownLatch next = enterOnAnotherThread();
        limit.leave();
        limit.leave();
        assertThat(next.await(200, TimeUnit.MILLISECONDS)).as("2 still in progress, the limit while serving").isFalse();
        limit.leave();
        assertThat(next.await(5, TimeUnit.SECONDS)).as("1 in progress: one more may start").isTrue();
        assertThat(limit.inProgress()).isEqualTo(2);
    }

    @Test
    void whenTheVisitorsAreGoneTheWaiterSeesItAtItsNextLook() throws Exception {
        serving.set(true);
        limit.enter();
        limit.enter();
        CountDownLatch third = enterOnAnotherThread();
        assertThat(third.await(200, TimeUnit.MILLISECONDS)).isFalse();
        serving.set(false); // nothing ends, nobody calls: the waiter looks again by itself
        assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(limit.inProgress()).isEqualTo(3);
    }

    @Test
    void anInterruptEndsTheWaitWithoutCountingIn() throws Exception {
        serving.set(true);
        limit.enter();
        limit.enter();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                limit.enter();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        waiter.start();
        waiter.interrupt();
        waiter.join(5_000);
        assertThat(interrupted).isTrue();
        assertThat(limit.inProgress()).isEqualTo(2);
    }

    @Test
    void theLimitWhileServingIsNeverAboveTheQuietOneAndLeavingMoreThanEnteredIsAnError() throws Exception {
        InProgressLimit odd = new InProgressLimit(() -> true, 1, 10, 20);
        odd.enter();
        Entering second = enterOnAnotherThread(odd);
        assertThat(second.in().await(200, TimeUnit.MILLISECONDS)).isFalse();
        second.thread().interrupt();
        second.thread().join(5_000);
        odd.leave();
        assertThatThrownBy(odd::leave).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new InProgressLimit(() -> true, 0, 1, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
