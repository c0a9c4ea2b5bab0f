package org.officialblogs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.db.Database;

/** The migrated databases tests start from: each one its own, at the latest migration, and a file in place is kept. */
class TestDbTest {

    @TempDir
    Path dir;

    @Test
    void eachMigratedDatabaseIsItsOwnCopyAtTheLatestMigration() {
        int migrations;
        try (Database empty = Database.open(TestDb.freshUrl(dir, "from-empty.db"))) {
            migrations = latestMigration(empty);
        }
        try (Database a = Database.open(TestDb.migratedUrl(dir.resolve("a"), "officialblogs.db"));
             Database b = Database.open(TestDb.migratedUrl(dir.resolve("b"), "officialblogs.db"))) {
            assertThat(latestMigration(a)).isEqualTo(migrations).isPositive();
            assertThat(latestMigration(b)).isEqualTo(migrations);
            a.jdbi().useHandle(h -> h.execute("CREATE TABLE scratch (x INTEGER)"));
            a.jdbi().useHandle(h -> h.execute("INSERT INTO scratch VALUES (1)"));
            assertThat(scratchRows(a)).isEqualTo(1);
            assertThat(scratchRows(b)).as("a table made in one copy is not in another").isEqualTo(-1);
        }
    }

    @Test
    void aSqliteFileAlreadyInPlaceIsKept() throws Exception {
        Path data = dir.resolve("data");
        try (Database first = Database.open(TestDb.migratedUrl(data, "officialblogs.db"))) {
            first.jdbi().useHandle(h -> h.execute("CREATE TABLE scratch (x INTEGER)"));
            first.jdbi().useHandle(h -> h.execute("INSERT INTO scratch VALUES (1)"));
        }
        if (TestDb.postgres()) return; // each PostgreSQL database is new; only a file can be in place
        assertThat(Files.exists(data.resolve("officialblogs.db"))).isTrue();
        try (Database again = Database.open(TestDb.migratedUrl(data, "officialblogs.db"))) {
            assertThat(scratchRows(again)).as("started again on its data directory").isEqualTo(1);
        }
    }

    private static int latestMigration(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"
                + " WHERE success AND version IS NOT NULL").mapTo(Integer.class).one());
    }

    /** The rows of the table {@code scratch}, or -1 when there is no such table. */
    private static int scratchRows(Database db) {
        try {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM scratch").mapTo(Integer.class).one());
        } catch (org.jdbi.v3.core.statement.StatementException e) {
            return -1;
        }
    }
}
