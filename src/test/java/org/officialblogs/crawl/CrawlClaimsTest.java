package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.db.Database;
import org.officialblogs.registry.ListingStatus;

/**
 * Releases and claims of one process against a real database. A release writes without holding the lock on the
 * hosts; a claim of a host whose release is still being written returns only once it is, and the host then holds
 * the claim's lease, not the release's host delay.
 */
class CrawlClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration HOST_DELAY = Duration.ofSeconds(2);

    @Test
    void aClaimOfAHostWhoseReleaseIsBeingWrittenWaitsForIt(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabases.fresh(dir)) {
            CrawlTarget a1 = blog(db, 1, "a.example");
            CrawlTarget a2 = blog(db, 2, "a.example");
            CrawlTarget b1 = blog(db, 3, "b.example");
            CrawlClaims claims = new CrawlClaims(new CrawlClaimDao(db.jdbi(), db.writer()),
                    Clock.fixed(NOW, ZoneOffset.UTC), LEASE, HOST_DELAY, "node-1");
            try {
                assertThat(claims.claim(List.of(a1, b1))).containsExactly(a1, b1);

                // hold the database's writer, so every write after this one waits in its queue
                CountDownLatch writing = new CountDownLatch(1);
                CountDownLatch finish = new CountDownLatch(1);
                CompletableFuture<Boolean> held = CompletableFuture.supplyAsync(() -> db.writer().inTransaction(h -> {
                    writing.countDown();
                    return awaitQuietly(finish);
                }));
                assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

                Thread releaseA = start("release a1", () -> claims.release(a1));
                waitUntil(() -> releaseA.getState() == Thread.State.WAITING, "a1's release queued for the writer");
                // another host's release queues for the writer too
                Thread releaseB = start("release b1", () -> claims.release(b1));
                waitUntil(() -> releaseB.getState() == Thread.State.WAITING, "b1's release queued beside a1's");

                AtomicReference<List<CrawlTarget>> claimed = new AtomicReference<>();
                Thread claimA = start("claim a2", () -> claimed.set(claims.claim(List.of(a2))));
                waitUntil(() -> claimA.getState() == Thread.State.WAITING, "the claim of a.example waiting");
                assertThat(claimed.get()).as("claimed before a.example's release was written").isNull();

                finish.countDown();
                assertThat(held.get(10, TimeUnit.SECONDS)).isTrue();
                for (Thread t : List.of(releaseA, releaseB, claimA)) {
                    t.join(10_000);
                    assertThat(t.isAlive()).as(t.getName() + " ended").isFalse();
                }
                assertThat(claimed.get()).containsExactly(a2);
                // the claim landed after the release: the host's lease is the claim's, not the release's delay
                assertThat(hostUntil(db, "a.example")).isEqualTo(NOW.plus(LEASE).toEpochMilli());
                assertThat(hostUntil(db, "b.example")).isEqualTo(NOW.plus(HOST_DELAY).toEpochMilli());
                assertThat(claimedBy(db, 1)).isNull();
                assertThat(claimedBy(db, 2)).isEqualTo("node-1");
            } finally {
                claims.close();
            }
        }
    }

    private static CrawlTarget blog(Database db, long id, String host) {
        String site = "https://" + host + "/blog" + id + "/";
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO official (id, name, country, level, branch, identity_key, origin, created_at, "
                    + "updated_at) VALUES (?, ?, 'FI', 'local', 'executive', ?, 'import', 0, 0)",
                    id, "Official " + id, "official-" + id);
            h.execute("INSERT INTO blog (id, official_id, site_url, site_url_key, status, origin, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, 'active', 'import', 0, 0)", id, id, site, host + "/blog" + id);
            h.execute("INSERT INTO crawl_state (blog_id, next_attempt_at) VALUES (?, 0)", id);
        });
        CrawlState state = new CrawlState(id, NOW, null, null, null, null, null, null, null, 0, null, false, false,
                null, 0, null, null, null, null, null);
        return new CrawlTarget(id, id, site, null, null, ListingStatus.ACTIVE, state);
    }

    private static long hostUntil(Database db, String host) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT claim_until FROM host_claim WHERE host = :host")
                .bind("host", host).mapTo(Long.class).one());
    }

    private static String claimedBy(Database db, long blogId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT claimed_by FROM crawl_state WHERE blog_id = :id")
                .bind("id", blogId).mapTo(String.class).findOne().orElse(null));
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }
}
