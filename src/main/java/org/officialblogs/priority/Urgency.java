package org.officialblogs.priority;

/**
 * How much work the current thread's task still expects to do (a crawl: the requests left in its blog's chain), so
 * that queues it waits in can serve the task with the most left first. Set by a crawl as its estimate changes and
 * cleared when it ends. A thread that never set one (a page request, a moderator's action, a command) is served
 * before any crawl: someone is waiting for it.
 */
public final class Urgency {

    private static final int UNSET = -1;
    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[] {UNSET});

    private Urgency() {
    }

    /** The current thread's place in queues: its remaining work, or the most urgent of all when it set none. */
    public static int current() {
        int v = CURRENT.get()[0];
        return v == UNSET ? Integer.MAX_VALUE : v;
    }

    /** Sets the current thread's remaining work (negative values count as 0). */
    public static void set(int remainingWork) {
        CURRENT.get()[0] = Math.max(0, remainingWork);
    }

    /**
     * The order every queue here serves in: the higher urgency first, then the earlier arrival (so equal urgencies
     * are served first come, first served).
     */
    public static <T> java.util.Comparator<T> mostUrgentFirst(java.util.function.ToIntFunction<T> urgency,
                                                               java.util.function.ToLongFunction<T> arrival) {
        return java.util.Comparator.<T>comparingInt(t -> -urgency.applyAsInt(t)).thenComparingLong(arrival);
    }

    /** Forgets the current thread's urgency (its task ended): it is served as any thread that set none. */
    public static void clear() {
        CURRENT.get()[0] = UNSET;
    }
}
