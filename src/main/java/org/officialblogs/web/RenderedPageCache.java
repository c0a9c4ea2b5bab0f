package org.officialblogs.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rendered pages by their query, valid while the data they were rendered from is unchanged (the data version in the
 * database, {@link org.officialblogs.db.DataVersion}, which every process and node raises when it writes what pages
 * show) and at most {@code ttlNanos} old (times shown as "3 days ago" move on). The pages are kept per node; only
 * their validity is shared. Bounded in entries and in
 * bytes of HTML (each page's gzip form, made when first asked for, adds about a tenth: the rankings' 55 KB gzip to 5 KB):
 * when full it starts again empty, which is cheap and never serves stale data.
 * One cache serves every page kept this way (the rankings, all registry entries, profiles, recent posts), so keys start with the path.
 */
final class RenderedPageCache {

    /** The site's pages: at most {@code ttl} old (zero: none kept), 2,000 pages, 32 MB of rendered bytes. */
    static RenderedPageCache forPages(LongSupplier version, java.time.Duration ttl) {
        return new RenderedPageCache(version, ttl.toNanos(), 2_000, 32L << 20);
    }

    private record Entry(KeptPage page, long version, long bornNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final LongSupplier version;
    private final long ttlNanos;
    private final int maxEntries;
    private final long maxBytes;

    RenderedPageCache(LongSupplier version, long ttlNanos, int maxEntries) {
        this(version, ttlNanos, maxEntries, Long.MAX_VALUE);
    }

    RenderedPageCache(LongSupplier version, long ttlNanos, int maxEntries, long maxBytes) {
        this.version = version;
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The page for {@code key} if it is still valid at data version {@code current} (see {@link #version()}), else null. */
    KeptPage get(String key, long current) {
        Entry e = entries.get(key);
        if (e == null || e.version() != current || System.nanoTime() - e.bornNanos() > ttlNanos) {
            return null;
        }
        return e.page();
    }

    /**
     * Keeps a page rendered from the data as of {@code versionBefore} (read before the data was), unless the cache is
     * off or the page is larger than all it may keep; returns the page to send, kept or not.
     */
    KeptPage put(String key, long versionBefore, byte[] body) {
        KeptPage page = new KeptPage(body);
        if (body.length > maxBytes || ttlNanos <= 0) return page;
        if (entries.size() >= maxEntries || bytes.get() + body.length > maxBytes) {
            entries.clear();
            bytes.set(0);
        }
        Entry old = entries.put(key, new Entry(page, versionBefore, System.nanoTime()));
        bytes.addAndGet(body.length - (old == null ? 0 : old.page().html().length));
        return page;
    }

    /** The data version now: one primary-key read, made once per request before anything else is read. */
    long version() {
        return version.getAsLong();
    }
}
