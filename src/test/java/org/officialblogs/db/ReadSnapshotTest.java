package org.officialblogs.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot's reads see one state of the data, and its connection goes back to the pool outside any transaction. */
class ReadSnapshotTest {

    @TempDir
    Path dir;
    Database db;
    Jdbi jdbi;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("snapshot.db"));
        jdbi = db.jdbi();
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
            h.execute("INSERT INTO t (id, v) VALUES (1, 1)");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static long value(Handle h) {
        return h.createQuery("SELECT v FROM t WHERE id = 1").mapTo(Long.class).one();
    }

    /** A write on another thread, so on another connection, committed before this returns. */
    private void raiseElsewhere() {
        CompletableFuture.runAsync(() -> jdbi.useHandle(h -> h.execute("UPDATE t SET v = v + 1"))).join();
    }

    @Test
    void readsInsideSeeOneStateWhileAnotherConnectionWritesAndTheNextSnapshotSeesTheWrite() {
        List<Long> seen = db.snapshot().read(h -> {
            List<Long> values = new ArrayList<>();
            values.add(value(h));
            raiseElsewhere();
            values.add(value(h));
            raiseElsewhere();
            values.add(value(h));
            return values;
        });
        assertThat(seen).containsExactly(1L, 1L, 1L);
        assertThat(db.snapshot().read(ReadSnapshotTest::value)).isEqualTo(3L);
    }

    @Test
    void withoutASnapshotEachStatementSeesTheLatestState() {
        // the behaviour the snapshot changes, so the test above cannot pass by accident
        List<Long> seen = jdbi.withHandle(h -> {
            List<Long> values = new ArrayList<>();
            values.add(value(h));
            raiseElsewhere();
            values.add(value(h));
            return values;
        });
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void aFailedReadEndsTheTransactionSoTheConnectionSeesLaterWrites() {
        jdbi.useHandle(h -> {
            assertThatThrownBy(() -> db.snapshot().read(inner -> {
                value(inner);
                return inner.createQuery("SELECT no_such_column FROM t").mapTo(Long.class).one();
            })).hasMessageContaining("no_such_column");
            // the same connection (JDBI hands the nested call the open handle): no transaction is left open on it
            raiseElsewhere();
            assertThat(value(h)).isEqualTo(2L);
            h.execute("BEGIN DEFERRED");
            h.execute("COMMIT");
        });
    }

    @Test
    void aSnapshotInsideASnapshotJoinsIt() {
        long[] inner = new long[1];
        long outer = db.snapshot().read(h -> {
            long before = value(h);
            raiseElsewhere();
            inner[0] = db.snapshot().read(ReadSnapshotTest::value);
            assertThat(value(h)).isEqualTo(before);
            return before;
        });
        assertThat(outer).isEqualTo(1L);
        assertThat(inner[0]).isEqualTo(1L);
        assertThat(db.snapshot().read(ReadSnapshotTest::value)).isEqualTo(2L);
    }

    @Test
    void insideAWriteTransactionTheReadsJoinItAndSeeItsOwnWrites() {
        long seen = jdbi.inTransaction(h -> {
            h.execute("UPDATE t SET v = 10");
            return db.snapshot().read(ReadSnapshotTest::value);
        });
        assertThat(seen).isEqualTo(10L);
        assertThat(db.snapshot().read(ReadSnapshotTest::value)).isEqualTo(10L);
    }

    @Test
    void anOpenSnapshotDoesNotHoldUpAWriterOrItsCheckpoint() {
        db.snapshot().read(h -> {
            value(h);
            raiseElsewhere();
            return null;
        });
        // after the snapshot ends, a full checkpoint gets through: no read transaction is left behind on the pool
        int busy = jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapTo(Integer.class).first());
        assertThat(busy).isZero();
    }
}
