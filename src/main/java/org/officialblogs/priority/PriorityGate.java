package org.officialblogs.priority;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore that hands a freed permit to the most urgent waiter, the earliest among equals (so equal
 * urgencies are served in arrival order, as a fair semaphore would). A permit is handed over directly: a thread
 * arriving while others wait queues behind them rather than taking it first.
 */
public final class PriorityGate {

    private static final class Waiter {
        final int urgency;
        final long arrival;
        final Condition granted;
        boolean done;

        Waiter(int urgency, long arrival, Condition granted) {
            this.urgency = urgency;
            this.arrival = arrival;
            this.granted = granted;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> waiters =
            new PriorityQueue<>(Urgency.mostUrgentFirst(w -> w.urgency, w -> w.arrival));
    private int permits;
    private long arrivals;

    public PriorityGate(int permits) {
        if (permits < 1) throw new IllegalArgumentException("need at least one permit");
        this.permits = permits;
    }

    /** Waits for a permit, served by {@code urgency} (higher first), then by arrival. */
    public void acquire(int urgency) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (permits > 0 && waiters.isEmpty()) {
                permits--;
                return;
            }
            Waiter me = new Waiter(urgency, arrivals++, lock.newCondition());
            waiters.add(me);
            try {
                while (!me.done) me.granted.await();
            } catch (InterruptedException e) {
                if (me.done) {
                    handOver(); // granted as it was interrupted: pass the permit on
                } else {
                    waiters.remove(me);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns a permit: to the most urgent waiter if any. */
    public void release() {
        lock.lock();
        try {
            handOver();
        } finally {
            lock.unlock();
        }
    }

    private void handOver() {
        Waiter next = waiters.poll();
        if (next == null) {
            permits++;
        } else {
            next.done = true;
            next.granted.signal();
        }
    }

    /** Threads waiting now. */
    public int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }
}
