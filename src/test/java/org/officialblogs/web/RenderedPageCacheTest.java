package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A rendered page is reused only while the data version is unchanged and it is young enough. */
class RenderedPageCacheTest {

    @Test
    void aNewDataVersionOrAgeEndsAPageAndTheCacheStaysBounded() throws InterruptedException {
        AtomicLong version = new AtomicLong(7);
        RenderedPageCache cache = new RenderedPageCache(version::get, 50_000_000L, 3);
        cache.put("country=FR", cache.version(), new byte[] {1});
        assertThat(cache.get("country=FR", cache.version()).html()).containsExactly(1);
        assertThat(cache.get("country=DE", cache.version())).isNull();

        version.incrementAndGet();
        assertThat(cache.get("country=FR", cache.version())).as("metrics changed since it was rendered").isNull();

        // rendered from data read before a write that landed meanwhile: never served as current
        long before = cache.version();
        version.incrementAndGet();
        cache.put("page=2", before, new byte[] {2});
        assertThat(cache.get("page=2", cache.version())).isNull();

        cache.put("page=3", cache.version(), new byte[] {3});
        Thread.sleep(80);
        assertThat(cache.get("page=3", cache.version())).as("older than its time to live").isNull();

        for (int i = 0; i < 10; i++) cache.put("k" + i, cache.version(), new byte[] {(byte) i});
        assertThat(cache.get("k9", cache.version()).html()).containsExactly(9);
        assertThat(cache.get("k0", cache.version())).as("bounded: older entries were dropped").isNull();
    }

    @Test
    void theCacheIsBoundedInBytesToo() {
        RenderedPageCache cache = new RenderedPageCache(() -> 1, 60_000_000_000L, 100, 1_000);
        cache.put("/officials/1", 1, new byte[600]);
        cache.put("/officials/2", 1, new byte[300]);
        assertThat(cache.get("/officials/1", 1).html()).hasSize(600);
        cache.put("/officials/3", 1, new byte[300]);
        assertThat(cache.get("/officials/1", 1)).as("over 1,000 bytes: started again").isNull();
        assertThat(cache.get("/officials/3", 1).html()).hasSize(300);
        cache.put("/officials/4", 1, new byte[2_000]);
        assertThat(cache.get("/officials/4", 1)).as("a page larger than the whole budget is not kept").isNull();
        assertThat(cache.get("/officials/3", 1).html()).hasSize(300);
    }
}
