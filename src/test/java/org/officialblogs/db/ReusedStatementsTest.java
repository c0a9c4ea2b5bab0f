package org.officialblogs.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite statements are prepared once per connection and SQL, and a kept statement behaves as a fresh one. */
class ReusedStatementsTest {

    private static final String BY_ID = "SELECT v FROM t WHERE id = :id";

    @TempDir
    Path dir;
    Database db;
    Jdbi jdbi;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("reuse.db"));
        jdbi = db.jdbi();
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            h.execute("INSERT INTO t (id, v) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSameSqlRunsOnOnePreparedStatementWithEachRunsOwnValues() {
        jdbi.useHandle(h -> {
            List<Statement> used = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int id = 1; id <= 3; id++) {
                values.add(h.createQuery(BY_ID).bind("id", id).map((rs, ctx) -> {
                    used.add(ctx.getStatement());
                    return rs.getString("v");
                }).one());
            }
            assertThat(values).containsExactly("one", "two", "three");
            assertThat(used.get(1)).isSameAs(used.get(0));
            assertThat(used.get(2)).isSameAs(used.get(0));
        });
    }

    @Test
    void theSameSqlInsideTheLoopOverItsOwnResultsGetsAStatementOfItsOwn() {
        jdbi.useHandle(h -> {
            List<String> pairs = new ArrayList<>();
            h.createQuery("SELECT id FROM t WHERE id >= :from ORDER BY id").bind("from", 2).mapTo(Integer.class)
                    .forEach(outer -> pairs.add(outer + ":" + h.createQuery("SELECT id FROM t WHERE id >= :from ORDER BY id")
                            .bind("from", outer).mapTo(Integer.class).list()));
            assertThat(pairs).containsExactly("2:[2, 3]", "3:[3]");
            assertThat(h.createQuery("SELECT id FROM t WHERE id >= :from ORDER BY id").bind("from", 1)
                    .mapTo(Integer.class).list()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void aKeptStatementSeesLaterWritesAndHoldsNoReadSnapshot() {
        jdbi.useHandle(reader -> {
            assertThat(reader.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one()).isEqualTo(3);
            // the statement is back in the reader's cache; another connection writes and checkpoints the whole log,
            // which waits for no reader (busy 0) only if the kept statement was reset
            jdbi.useHandle(writer -> {
                writer.execute("INSERT INTO t (id, v) VALUES (4, 'four')");
                assertThat(writer.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapTo(Integer.class).one()).isZero();
            });
            assertThat(reader.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one()).isEqualTo(4);
        });
    }

    @Test
    void theDatabaseCanBeCopiedWithVacuumAfterReadsAndWritesOnItsConnections() {
        for (String copy : List.of("after-a-read.db", "after-a-write.db", "after-a-write-returning.db",
                "after-a-partial-read.db")) {
            jdbi.useHandle(h -> {
                switch (copy) {
                    case "after-a-read.db" -> h.createQuery(BY_ID).bind("id", 1).mapTo(String.class).one();
                    case "after-a-write.db" -> h.createUpdate("UPDATE t SET v = :v WHERE id = 1").bind("v", "uno").execute();
                    case "after-a-write-returning.db" -> h.createQuery("UPDATE t SET v = :v WHERE id = 1 RETURNING id")
                            .bind("v", "un").mapTo(Integer.class).one();
                    default -> h.createQuery("SELECT v FROM t ORDER BY id").mapTo(String.class).findFirst();
                }
            });
            jdbi.useHandle(h -> h.execute("VACUUM INTO ?", dir.resolve(copy).toString()));
            assertThat(dir.resolve(copy)).exists();
        }
    }

    @Test
    void onlySqlThatOnlyReadsIsKept() {
        assertThat(ReusedStatements.onlyReads("  SELECT updated_at, last_update FROM t")).isTrue();
        assertThat(ReusedStatements.onlyReads("with recent AS (SELECT 1) select * from recent")).isTrue();
        assertThat(ReusedStatements.onlyReads("WITH gone AS (SELECT id FROM t) DELETE FROM t WHERE id IN gone")).isFalse();
        assertThat(ReusedStatements.onlyReads("UPDATE t SET v = 'x' RETURNING id")).isFalse();
        assertThat(ReusedStatements.onlyReads("INSERT INTO t (v) SELECT v FROM t")).isFalse();
        assertThat(ReusedStatements.onlyReads("PRAGMA busy_timeout = 1000")).isFalse();
        // a read naming a write word is only not kept
        assertThat(ReusedStatements.onlyReads("SELECT 'update' FROM t")).isFalse();
    }

    @Test
    void batchesAndGeneratedKeysWorkRunAfterRun() {
        jdbi.useHandle(h -> {
            for (int run = 0; run < 2; run++) {
                var batch = h.prepareBatch("INSERT INTO t (v) VALUES (:v)");
                batch.bind("v", "batch" + run + "a").add();
                batch.bind("v", "batch" + run + "b").add();
                assertThat(batch.execute()).containsExactly(1, 1);
                long id = h.createUpdate("INSERT INTO t (v) VALUES (:v)").bind("v", "key" + run)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                assertThat(h.createQuery(BY_ID).bind("id", id).mapTo(String.class).one()).isEqualTo("key" + run);
            }
            assertThat(h.createQuery("SELECT v FROM t WHERE id > 3 ORDER BY id").mapTo(String.class).list())
                    .containsExactly("batch0a", "batch0b", "key0", "batch1a", "batch1b", "key1");
        });
    }

    @Test
    void aStatementThatFailsLeavesTheNextRunOfItsSqlWorking() {
        jdbi.useHandle(h -> {
            assertThatThrownBy(() -> h.createUpdate("INSERT INTO t (id, v) VALUES (:id, :v)").bind("id", 1)
                    .bind("v", "again").execute()).isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("UNIQUE");
            assertThat(h.createUpdate("INSERT INTO t (id, v) VALUES (:id, :v)").bind("id", 5).bind("v", "five")
                    .execute()).isEqualTo(1);
            assertThat(h.createQuery(BY_ID).bind("id", 5).mapTo(String.class).one()).isEqualTo("five");
        });
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedBeyondTheLimit() throws Exception {
        jdbi.useHandle(h -> {
            List<Statement> used = new ArrayList<>();
            for (int i = 0; i <= ReusedStatements.PER_CONNECTION; i++) {
                h.createQuery("SELECT " + i + " FROM t WHERE id = 1").map((rs, ctx) -> used.add(ctx.getStatement())).one();
            }
            assertThat(used.get(0).isClosed()).isTrue();
            assertThat(used.get(1).isClosed()).isFalse();
            assertThat(used.get(ReusedStatements.PER_CONNECTION).isClosed()).isFalse();
        });
    }

    @Test
    void aClosedConnectionsStatementsAreDroppedWhenAnotherConnectionComes() throws Exception {
        ReusedStatements reused = new ReusedStatements();
        String url = "jdbc:sqlite:" + dir.resolve("reuse.db");
        Connection first = DriverManager.getConnection(url);
        reused.createStatementBuilder(first);
        assertThat(reused.connections()).isEqualTo(1);
        first.close();
        try (Connection second = DriverManager.getConnection(url)) {
            reused.createStatementBuilder(second);
            assertThat(reused.connections()).isEqualTo(1);
        }
    }
}
