package org.officialblogs.priority;

import java.util.function.Supplier;

/**
 * The machine's processors as a queue: work that needs nothing but a processor (reading a fetched feed or page)
 * runs at most once per processor at a time, and a freed processor goes to the most urgent thread waiting
 * ({@link Urgency}). Without it, a large crawl had hundreds of threads parsing at once: the operating system shared
 * the processors evenly among them, so the longest crawl's next page waited as long as anyone's, and the one
 * database writer got a sliver of a processor while thousands of writes queued behind it.
 *
 * <p>Re-entrant: work that runs inside other work (a feed read while a page is read) takes no second slot.
 */
public final class Processors {

    private static final Processors SHARED = new Processors(Runtime.getRuntime().availableProcessors());

    private final PriorityGate slots;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    Processors(int processors) {
        this.slots = new PriorityGate(Math.max(1, processors));
    }

    /** The process's queue for its processors. */
    public static Processors shared() {
        return SHARED;
    }

    /**
     * Runs the work once a processor is free for this thread. A thread interrupted while it waits runs the work at
     * once and keeps its interrupt, which its next blocking step (a fetch, a write) then answers.
     */
    public <T> T run(Supplier<T> work) {
        int[] d = depth.get();
        if (d[0] > 0) return work.get();
        boolean held = false;
        try {
            slots.acquire(Urgency.current());
            held = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        d[0]++;
        try {
            return work.get();
        } finally {
            d[0]--;
            if (held) slots.release();
        }
    }

    /** Threads waiting for a processor now. */
    int waiting() {
        return slots.waiting();
    }
}
