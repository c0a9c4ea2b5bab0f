package org.officialblogs.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rendered pages by their query, valid while the data they were rendered from is unchanged (the data version in the
 * database, {@link org.officialblogs.db.DataVersion}, which every process and node raises when it writes what pages
 * show) and at most {@code ttlNanos} old (times shown as "3 days ago" move on). The pages are kept per node; only
 * their validity is shared. Bounded: when full it starts again empty, which is cheap and never serves stale data.
 */
final class RenderedPageCache {

    private record Entry(byte[] body, long version, long bornNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier version;
    private final long ttlNanos;
    private final int maxEntries;

    RenderedPageCache(LongSupplier version, long ttlNanos, int maxEntries) {
        this.version = version;
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    /** The page for {@code key} if it is still valid at data version {@code current} (see {@link #version()}), else null. */
    byte[] get(String key, long current) {
        Entry e = entries.get(key);
        if (e == null || e.version() != current || System.nanoTime() - e.bornNanos() > ttlNanos) {
            return null;
        }
        return e.body();
    }

    /** Keeps a page rendered from the data as of {@code versionBefore} (read before the data was). */
    void put(String key, long versionBefore, byte[] body) {
        if (entries.size() >= maxEntries) entries.clear();
        entries.put(key, new Entry(body, versionBefore, System.nanoTime()));
    }

    /** The data version now: one primary-key read, made once per request before anything else is read. */
    long version() {
        return version.getAsLong();
    }
}
