package org.officialblogs.priority;

/**
 * How much work the current thread's task still expects to do (a crawl: the requests left in its blog's chain), so
 * that queues it waits in can serve the task with the most left first. 0 when unknown or when the thread is not a
 * crawl's; set by the task as its estimate changes, cleared when it ends.
 */
public final class Urgency {

    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[1]);

    private Urgency() {
    }

    /** The current thread's urgency, 0 when none was set. */
    public static int current() {
        return CURRENT.get()[0];
    }

    /** Sets the current thread's urgency (negative values count as 0). */
    public static void set(int remainingWork) {
        CURRENT.get()[0] = Math.max(0, remainingWork);
    }

    /** Forgets the current thread's urgency (its task ended). */
    public static void clear() {
        CURRENT.get()[0] = 0;
    }
}
