package org.officialblogs.priority;

import java.util.function.BooleanSupplier;

/**
 * How many background tasks (a crawl's blogs) may be in progress at once: many while nobody visits, few while the
 * site answers visitors. The one who starts the tasks asks {@link #enter} before each and every task calls
 * {@link #leave} when it ends; tasks already in progress when visitors come are left to finish.
 *
 * <p>Why: while visitors are served, {@link VisitorsFirst} holds a crawl to its share of the processors, so a crawl
 * with 2,000 blogs in progress is no faster than one with a hundred; but each of those blogs holds a thread, a
 * connection and what it has read so far through its waits. On the 2,000-blog synthetic web, pages under a crawl ran
 * at 46 to 54 % of their idle rate with every blog in progress, the collector at 6 % of the processors and every
 * request's own cost up by half; with at most 128 in progress while serving, 75 to 76 %, the collector at 1 to 2 %
 * and the crawl done sooner (docs/benchmarks.md).
 */
public final class InProgressLimit {

    private final BooleanSupplier serving;
    private final int quiet;
    private final int whileServing;
    private final long lookAgainMillis;
    private int inProgress; // guarded by this

    /**
     * @param quiet        tasks in progress at most while no visitor is served
     * @param whileServing tasks in progress at most while visitors are served (at most {@code quiet})
     */
    public InProgressLimit(VisitorsFirst visitors, int quiet, int whileServing) {
        this(visitors::serving, quiet, whileServing, VisitorsFirst.LOOK_AGAIN_NANOS / 1_000_000);
    }

    InProgressLimit(BooleanSupplier serving, int quiet, int whileServing, long lookAgainMillis) {
        if (quiet < 1 || whileServing < 1) throw new IllegalArgumentException("limits must be at least 1");
        this.serving = serving;
        this.quiet = quiet;
        this.whileServing = Math.min(quiet, whileServing);
        this.lookAgainMillis = lookAgainMillis;
    }

    /**
     * Waits until one more task may start, then counts it in. A task ending wakes the wait; visitors leaving are seen
     * at the next look, at most a second later.
     */
    public synchronized void enter() throws InterruptedException {
        while (inProgress >= (serving.getAsBoolean() ? whileServing : quiet)) {
            wait(lookAgainMillis);
        }
        inProgress++;
    }

    /** A task counted in by {@link #enter} has ended. */
    public synchronized void leave() {
        if (inProgress == 0) throw new IllegalStateException("leave without enter");
        inProgress--;
        notifyAll();
    }

    /** Tasks in progress now. */
    public synchronized int inProgress() {
        return inProgress;
    }
}
