package org.officialblogs.crawl.fetch;

import java.time.Duration;

/** Waits for a while; the real one sleeps the thread, a test one advances a clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
}
