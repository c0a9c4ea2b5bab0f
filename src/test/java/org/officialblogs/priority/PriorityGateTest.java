package org.officialblogs.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PriorityGateTest {

    @Test
    void aFreedPermitGoesToTheMostUrgentWaiterThenByArrival() throws Exception {
        PriorityGate gate = new PriorityGate(1);
        gate.acquire(0); // held, so every thread below waits
        List<String> served = new CopyOnWriteArrayList<>();
        int[][] arrivals = {{1, 1}, {2, 5}, {3, 3}, {4, 5}, {5, 0}};
        Thread[] threads = new Thread[arrivals.length];
        for (int i = 0; i < arrivals.length; i++) {
            int name = arrivals[i][0];
            int urgency = arrivals[i][1];
            threads[i] = new Thread(() -> {
                try {
                    gate.acquire(urgency);
                    served.add("t" + name);
                    gate.release();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads[i].start();
            awaitWaiting(gate, i + 1); // arrival order is the order started
        }
        gate.release();
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(served).containsExactly("t2", "t4", "t3", "t1", "t5");
    }

    @Test
    void permitsAreTakenWithoutWaitingWhileAnyAreFree() throws Exception {
        PriorityGate gate = new PriorityGate(2);
        gate.acquire(0);
        gate.acquire(7);
        assertThat(gate.waiting()).isZero();
        Thread third = new Thread(() -> {
            try {
                gate.acquire(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        awaitWaiting(gate, 1);
        gate.release();
        third.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(third.isAlive()).isFalse();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws Exception {
        PriorityGate gate = new PriorityGate(1);
        gate.acquire(0);
        Thread waiter = new Thread(() -> {
            try {
                gate.acquire(9);
            } catch (InterruptedException e) {
                // expected
            }
        });
        waiter.start();
        awaitWaiting(gate, 1);
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(gate.waiting()).isZero();
        gate.release();
        gate.acquire(0); // the permit came back rather than going to the interrupted thread
    }

    private static void awaitWaiting(PriorityGate gate, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("only " + gate.waiting() + " waiting, not " + n);
            Thread.sleep(1);
        }
    }
}
