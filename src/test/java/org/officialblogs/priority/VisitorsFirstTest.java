package org.officialblogs.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VisitorsFirstTest {

    private static final long MS = 1_000_000L;

    /** A clock, a thread's processor time and sleeps that only move the clock. */
    private final AtomicLong now = new AtomicLong(1_000_000 * MS);
    private final AtomicLong cpu = new AtomicLong(0);
    private final List<Long> sleeps = new ArrayList<>();
    /** Whether visitors keep coming while a crawl's thread sleeps (one at the end of every sleep). */
    private boolean visitorsStay = true;

    /** 10 % of 2 processors: 0.2 ms of background processor time per ms of wall time. */
    private VisitorsFirst account() {
        AtomicReference<VisitorsFirst> self = new AtomicReference<>();
        self.set(new VisitorsFirst(10, 2, now::get, cpu::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
            if (visitorsStay) visitor(self.get());
        }));
        return self.get();
    }

    /** A visitor's request, answered at once. */
    private static void visitor(VisitorsFirst v) {
        v.visitBegan();
        v.visitEnded();
    }

    /** Background work: {@code ms} of processor time, taking as long on the clock. */
    private void work(long ms) {
        cpu.addAndGet(ms * MS);
        now.addAndGet(ms * MS);
    }

    @Test
    void withoutVisitorsNothingWaitsHoweverMuchTheCrawlWorks() {
        VisitorsFirst v = account();
        v.pace();
        for (int i = 0; i < 100; i++) {
            work(50);
            v.pace();
        }
        assertThat(sleeps).isEmpty();
        assertThat(v.serving()).isFalse();
    }

    @Test
    void whileVisitorsAreServedTheCrawlWaitsForItsDebtBeyondTheBurst() {
        VisitorsFirst v = account();
        v.pace(); // the thread's first pace point only takes note of its processor time
        visitor(v);
        cpu.addAndGet(300 * MS); // 300 ms of work in no time: 200 ms beyond the 100 ms burst
        v.pace();
        // 200 ms owed at 0.2 ms per ms: 1,000 ms, in sleeps of at most a second
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000 * MS);
        assertThat(sleeps).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(VisitorsFirst.LOOK_AGAIN_NANOS));
        assertThat(v.waitedNanos()).isEqualTo(1_000 * MS);
    }

    @Test
    void aBoundTasksTimeCountsFromItsStartNotFromItsFirstPacePoint() {
        VisitorsFirst v = account();
        cpu.addAndGet(5_000 * MS); // what the thread did before it worked for the account is not the account's
        visitor(v);
        v.bind(() -> {
            cpu.addAndGet(300 * MS); // a worker's first blog, up to its first request
            v.pace();
        }).run();
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000 * MS);
    }

    @Test
    void overTimeTheCrawlGetsItsShareOfTheProcessorsAndNoMore() {
        VisitorsFirst v = account();
        v.pace();
        long start = now.get();
        long worked = 0;
        for (int i = 0; i < 500; i++) {
            visitor(v);
            work(20);
            worked += 20 * MS;
            v.pace();
        }
        double share = (double) worked / (now.get() - start);
        // 0.2 processors of 2, give or take the burst over 10 s of work
        assertThat(share).isBetween(0.19, 0.21);
    }

    @Test
    void theWaitEndsWhenTheVisitorsAreGone() {
        VisitorsFirst v = account();
        v.pace();
        visitor(v);
        cpu.addAndGet(1_100 * MS); // 1 s owed: 5 s of waiting while visitors stay
        visitorsStay = false;
        v.pace(); // no more visits: the site is quiet when the thread looks again
        assertThat(sleeps).containsExactly(VisitorsFirst.LOOK_AGAIN_NANOS);
        assertThat(v.serving()).isFalse();
    }

    @Test
    void aLongRequestKeepsTheSiteServingUntilItIsAnsweredAndAMomentAfter() {
        VisitorsFirst v = account();
        v.visitBegan(); // a large export
        now.addAndGet(30_000 * MS);
        assertThat(v.serving()).as("30 s into the answer").isTrue();
        v.visitEnded();
        now.addAndGet(VisitorsFirst.VISIT_NANOS - MS);
        assertThat(v.serving()).as("just after the answer").isTrue();
        now.addAndGet(2 * MS);
        assertThat(v.serving()).as("a visit's window after the answer").isFalse();
    }

    @Test
    void theSiteIsQuietOnlyWhenEveryRequestIsAnswered() {
        VisitorsFirst v = account();
        v.visitBegan();
        v.visitBegan();
        v.visitEnded();
        now.addAndGet(10_000 * MS);
        assertThat(v.serving()).as("one of two still being answered").isTrue();
        v.visitEnded();
        now.addAndGet(VisitorsFirst.VISIT_NANOS);
        assertThat(v.serving()).isFalse();
        assertThat(v.visits()).isEqualTo(2);
    }

    @Test
    void theTimeAPaceTakesIsPaidAtTheNext() {
        AtomicReference<VisitorsFirst> self = new AtomicReference<>();
        self.set(new VisitorsFirst(10, 2, now::get, cpu::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
            cpu.addAndGet(10 * MS); // waking up costs the thread processor time too
            visitor(self.get());
        }));
        VisitorsFirst v = self.get();
        v.pace();
        visitor(v);
        cpu.addAndGet(200 * MS); // 100 ms beyond the burst: 500 ms owed
        v.pace();
        assertThat(sleeps).containsExactly(500 * MS);
        v.pace(); // no work since, but the 10 ms its wake-up took: 50 ms owed
        assertThat(sleeps).containsExactly(500 * MS, 50 * MS);
    }

    @Test
    void theWritersTimeForACrawlIsPaidByTheCrawl() {
        VisitorsFirst v = account();
        v.pace();
        visitor(v);
        v.charge(150 * MS); // the writer's time for this crawl's writes, 50 ms beyond the burst
        v.pace();
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(250 * MS);
        assertThat(v.bookedNanos()).isEqualTo(150 * MS);
    }

    @Test
    void timeChargedWithoutVisitorsIsForgiven() {
        VisitorsFirst v = account();
        v.pace();
        v.charge(10_000 * MS);
        cpu.addAndGet(10_000 * MS);
        v.pace();
        visitor(v);
        work(50);
        v.pace();
        assertThat(sleeps).isEmpty();
        assertThat(v.bookedNanos()).as("only the time booked while visitors were served").isEqualTo(50 * MS);
    }

    @Test
    void onlyThreadsRunningBoundWorkPace() throws Exception {
        VisitorsFirst v = account();
        visitor(v);
        cpu.addAndGet(10_000 * MS);
        VisitorsFirst.paceBoundThread(); // a visitor's thread: never waits
        assertThat(sleeps).isEmpty();
        assertThat(VisitorsFirst.boundToCurrentThread()).isNull();

        AtomicReference<VisitorsFirst> inside = new AtomicReference<>();
        Thread worker = new Thread(v.bind(() -> inside.set(VisitorsFirst.boundToCurrentThread())));
        worker.start();
        worker.join();
        assertThat(inside.get()).isSameAs(v);
        assertThat(VisitorsFirst.boundToCurrentThread()).isNull();
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        VisitorsFirst v = new VisitorsFirst(10, 2, now::get, cpu::get, nanos -> {
            throw new InterruptedException();
        });
        v.pace();
        visitor(v);
        cpu.addAndGet(1_000 * MS);
        try {
            v.pace();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesAShareOutsideOneToAHundredPercent() {
        assertThatThrownBy(() -> new VisitorsFirst(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VisitorsFirst(101, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VisitorsFirst(100, 2).serving()).isFalse();
    }
}
