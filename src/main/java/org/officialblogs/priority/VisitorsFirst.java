package org.officialblogs.priority;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visitors before the crawl. While the site is answering visitors, background work (a crawl's workers, and the
 * database writes they ask for) may use at most a share of the machine's processors; the rest is left to the pages.
 * Without a visitor nothing waits, so a crawl on a quiet site runs at full speed.
 *
 * <p>Background work pays for the processor time it used at its pace points (before each request a crawl sends):
 * the time goes on one account that is credited at the share's rate, and a thread that finds the account overdrawn
 * sleeps until its part of the debt is paid. The database writer adds the time each background write took to the
 * same account without waiting itself, since visitors' writes queue behind it too. The same idea as PostgreSQL's
 * cost-based delay for vacuum. The garbage collector and the JIT compiler are not counted: they work for everyone.
 *
 * <p>A thread does background work for an account while it runs a task given to {@link #bind}; elsewhere (a page
 * request, a moderator's action, a command someone waits for) {@link #paceBoundThread()} does nothing.
 */
public final class VisitorsFirst {

    /** A visit keeps the site counted as busy while it is answered, and this long after it began or ended. */
    static final long VISIT_NANOS = 250_000_000L;
    /** Background processor time that may run ahead of the share before anyone waits. */
    static final long BURST_NANOS = 100_000_000L;
    /**
     * Longest sleep before a waiting thread looks again whether visitors are still there. Every look costs the
     * thread a wake-up; with 2,000 workers waiting, looking four times a second took as much processor time as the
     * share itself.
     */
    static final long LOOK_AGAIN_NANOS = 1_000_000_000L;

    /** Sleeps; a test's stand-in moves its clock instead. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final ThreadLocal<VisitorsFirst> BOUND = new ThreadLocal<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Logger log = LoggerFactory.getLogger(VisitorsFirst.class);

    private final double creditPerNano;
    private final LongSupplier nanoTime;
    private final LongSupplier threadCpuNanos;
    private final Sleeper sleeper;
    private final ThreadLocal<long[]> lastCpu = ThreadLocal.withInitial(() -> new long[] {-1});
    private final AtomicLong waitedNanos = new AtomicLong();
    private final AtomicLong bookedNanos = new AtomicLong();
    private final LongAdder visits = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastVisit;
    private volatile boolean visited;
    private long balance = BURST_NANOS; // guarded by this
    private long balanceAt;             // guarded by this

    /**
     * @param sharePercent the processors' time background work may use while visitors are served, 1 to 100 percent
     * @param processors   the processors the share is of
     */
    public VisitorsFirst(int sharePercent, int processors) {
        this(sharePercent, processors, System::nanoTime, VisitorsFirst::currentThreadCpu,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            log.warn("this JVM cannot measure a thread's processor time: the crawl will not yield to visitors");
        } else if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true); // on by default in HotSpot; a JVM option may have turned it off
        }
    }

    VisitorsFirst(int sharePercent, int processors, LongSupplier nanoTime, LongSupplier threadCpuNanos, Sleeper sleeper) {
        if (sharePercent < 1 || sharePercent > 100) throw new IllegalArgumentException("share must be 1 to 100 %");
        if (processors < 1) throw new IllegalArgumentException("need at least one processor");
        this.creditPerNano = sharePercent / 100.0 * processors;
        this.nanoTime = nanoTime;
        this.threadCpuNanos = threadCpuNanos;
        this.sleeper = sleeper;
        this.balanceAt = nanoTime.getAsLong();
    }

    /**
     * A visitor's request began. {@link #visitEnded()} must follow once it is answered or has failed, whatever
     * happens (the site calls both around its whole handling of the request).
     */
    public void visitBegan() {
        inFlight.incrementAndGet();
        lastVisit = nanoTime.getAsLong();
        visited = true;
        visits.increment();
    }

    /** A request {@link #visitBegan()} counted is over: answered, or failed. */
    public void visitEnded() {
        lastVisit = nanoTime.getAsLong(); // before the count falls, so the site never looks idle in between
        inFlight.decrementAndGet();
    }

    /** Visits counted so far. */
    public long visits() {
        return visits.sum();
    }

    /**
     * True while a visitor's request is being answered (a large export takes as long as it takes), and until
     * {@link #VISIT_NANOS} after the last one began or ended.
     */
    public boolean serving() {
        return visited && (inFlight.get() > 0 || nanoTime.getAsLong() - lastVisit < VISIT_NANOS);
    }

    /** The task, run with the running thread doing background work for this account. */
    public Runnable bind(Runnable task) {
        return () -> {
            VisitorsFirst before = BOUND.get();
            BOUND.set(this);
            lastCpu.get()[0] = threadCpuNanos.getAsLong(); // from here on, the thread's time is the account's
            try {
                task.run();
            } finally {
                if (before == null) BOUND.remove();
                else BOUND.set(before);
            }
        };
    }

    /** The account the current thread does background work for, or null (a visitor's or a person's thread). */
    public static VisitorsFirst boundToCurrentThread() {
        return BOUND.get();
    }

    /** {@link #pace()} when the current thread does background work for an account; nothing otherwise. */
    public static void paceBoundThread() {
        VisitorsFirst account = BOUND.get();
        if (account != null) account.pace();
    }

    /**
     * The current thread pays for the processor time it used since its last pace point: while visitors are served
     * and the account is overdrawn, it sleeps until its part of the debt is paid or the visitors are gone. An
     * interrupt ends the wait and stays set.
     */
    public void pace() {
        long[] last = lastCpu.get();
        long cpu = threadCpuNanos.getAsLong();
        long used = last[0] < 0 || cpu < 0 ? 0 : cpu - last[0];
        last[0] = cpu; // the time this call takes (its bookkeeping, its wake-ups) is paid at the next one
        long owed = charged(used);
        try {
            long start = nanoTime.getAsLong();
            long waited = 0;
            while (owed - waited > 0 && serving()) {
                sleeper.sleep(Math.min(owed - waited, LOOK_AGAIN_NANOS));
                waited = nanoTime.getAsLong() - start;
            }
            if (waited > 0) waitedNanos.addAndGet(waited);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds processor time background work used on another thread (the database writer's, for a crawl's write). */
    public void charge(long cpuNanos) {
        charged(cpuNanos);
    }

    /** Total time background threads slept for visitors. */
    public long waitedNanos() {
        return waitedNanos.get();
    }

    /** Background processor time booked while visitors were served, in all. */
    public long bookedNanos() {
        return bookedNanos.get();
    }

    /** Books the time when visitors are served; the wait it leaves the caller, 0 when the account is in credit. */
    private long charged(long cpuNanos) {
        // without visitors, no lock: a crawl on a quiet site runs its 2,000 workers as if this were not here
        if (!serving()) return 0;
        bookedNanos.addAndGet(Math.max(0, cpuNanos));
        long now = nanoTime.getAsLong();
        synchronized (this) {
            balance = (long) Math.min(BURST_NANOS, balance + (now - balanceAt) * creditPerNano);
            balanceAt = now;
            balance -= Math.max(0, cpuNanos);
            return balance >= 0 ? 0 : (long) (-balance / creditPerNano);
        }
    }

    /**
     * The current thread's processor time in nanoseconds, or -1 where the JVM cannot measure it; then nothing is
     * charged and the crawl does not wait (the constructor says so in the log once).
     */
    public static long currentThreadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
