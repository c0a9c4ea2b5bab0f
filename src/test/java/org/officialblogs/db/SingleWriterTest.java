package org.officialblogs.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.priority.Urgency;

class SingleWriterTest {

    @Test
    void writesFromManyThreadsAllCommitAndAFailingOneIsUndoneAlone(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabases.fresh(dir)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE w (n INTEGER PRIMARY KEY CHECK (n < 10000))"));
            SingleWriter writer = db.writer();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<CompletableFuture<Integer>> writes = new ArrayList<>();
                for (int i = 1; i <= 200; i++) {
                    int n = i;
                    writes.add(CompletableFuture.supplyAsync(() -> writer.inTransaction(h -> {
                        h.execute("INSERT INTO w (n) VALUES (?)", n);
                        if (n == 100) h.execute("INSERT INTO w (n) VALUES (?)", 1_000 + n);
                        if (n == 50) h.execute("INSERT INTO w (n) VALUES (?)", 99_999); // breaks the check: fails
                        return n;
                    }), pool));
                }
                int ok = 0;
                int failed = 0;
                for (CompletableFuture<Integer> w : writes) {
                    try {
                        w.join();
                        ok++;
                    } catch (RuntimeException e) {
                        failed++;
                    }
                }
                assertThat(ok).isEqualTo(199);
                assertThat(failed).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            List<Integer> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT n FROM w ORDER BY n")
                    .mapTo(Integer.class).list());
            assertThat(rows).hasSize(200).doesNotContain(50).contains(1, 49, 51, 100, 1_100, 200);
        }
    }

    @Test
    void aGroupTakesNoFurtherWriteOnceItHasRunItsTime(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabases.fresh(dir)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE w (n INTEGER PRIMARY KEY)"));
            // a time of zero: every transaction takes its first write and no other
            SingleWriter writer = new SingleWriter(db.jdbi(), 0);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Void>> writes = new ArrayList<>();
                for (int i = 1; i <= 40; i++) {
                    int n = i;
                    writes.add(CompletableFuture.runAsync(() -> writer.useTransaction(
                            h -> h.execute("INSERT INTO w (n) VALUES (?)", n)), pool));
                }
                writes.forEach(CompletableFuture::join);
            } finally {
                pool.shutdown();
                writer.close();
            }
            assertThat(writer.transactions()).isEqualTo(40);
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM w").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(40);
        }
    }

    @Test
    void waitingWritesGoMostUrgentFirstThenInArrivalOrderAndWritesOfNoCrawlBeforeAll(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabases.fresh(dir)) {
            SingleWriter writer = db.writer();
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            CompletableFuture<Boolean> blocking = CompletableFuture.supplyAsync(() -> writer.inTransaction(h -> {
                busy.countDown();
                try {
                    return goOn.await(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    return false;
                }
            }));
            busy.await();
            List<String> order = new CopyOnWriteArrayList<>();
            // the last one is not a crawl's (no urgency set: a page request, a moderator): it goes first
            int[][] writes = {{1, 0}, {2, 7}, {3, 2}, {4, 7}, {5, 0}, {6, -1}};
            List<Thread> threads = new ArrayList<>();
            for (int[] w : writes) {
                Thread t = new Thread(() -> {
                    if (w[1] >= 0) Urgency.set(w[1]);
                    writer.useTransaction(h -> order.add("w" + w[0]));
                });
                t.start();
                threads.add(t);
                while (writer.queued() < threads.size()) Thread.onSpinWait(); // arrival order is the start order
            }
            goOn.countDown();
            assertThat(blocking.join()).isTrue();
            for (Thread t : threads) t.join();
            assertThat(order).containsExactly("w6", "w2", "w4", "w3", "w1", "w5");
        }
    }

    @Test
    void aWriteInsideAnotherJoinsItsTransaction(@TempDir Path dir) {
        try (Database db = TestDatabases.fresh(dir)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE w (n INTEGER PRIMARY KEY)"));
            SingleWriter writer = db.writer();
            assertThatThrownBy(() -> writer.useTransaction(h -> {
                writer.useTransaction(inner -> inner.execute("INSERT INTO w (n) VALUES (7)"));
                throw new IllegalStateException("the outer write fails after the inner one");
            })).isInstanceOf(IllegalStateException.class);
            writer.useTransaction(h -> writer.useTransaction(inner -> inner.execute("INSERT INTO w (n) VALUES (8)")));

            List<Integer> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT n FROM w").mapTo(Integer.class)
                    .list());
            assertThat(rows).containsExactly(8);
        }
    }
}
