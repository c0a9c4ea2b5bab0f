package org.officialblogs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 20 ms on a daemon thread and keeps the peak; {@link #reset} starts a new peak. */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The peak used heap since the start or the last reset, in MB. */
    long peakMb() {
        return peak.get() >> 20;
    }

    /** Returns the peak so far (MB) and starts a new one. */
    long reset() {
        return peak.getAndSet(memory.getHeapMemoryUsage().getUsed()) >> 20;
    }

    /**
     * The heap in use right after a full collection, in MB: what the program holds. The sampled peak also counts
     * garbage not yet collected, which a small heap lets grow close to its limit whatever the program keeps.
     */
    long liveMb() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() >> 20;
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
