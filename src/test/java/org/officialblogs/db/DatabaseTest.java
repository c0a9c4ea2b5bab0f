package org.officialblogs.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.testkit.TestDb;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDatabaseWithWalAndForeignKeys() {
        Database db = Database.open(TestDb.freshUrl(dir, "empty.db"));
        var tables = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").mapTo(String.class).list());
        assertThat(tables).contains("official", "blog", "source", "flyway_schema_history");
        String mode = db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        assertThat(mode).isEqualToIgnoringCase("wal");
        int fk = db.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
        assertThat(fk).isEqualTo(1);
        assertThat(db.isReachable()).isTrue();
    }

    @Test
    void reopeningRunsNoMigrationTwice() {
        TestDatabases.fresh(dir);
        Database again = TestDatabases.fresh(dir);
        int applied = again.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
        int files = again.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL").mapTo(Integer.class).one());
        assertThat(applied).isEqualTo(files);
    }

    @Test
    void foreignKeysAreEnforced() {
        Database db = TestDatabases.fresh(dir);
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO blog (official_id, status, origin, created_at, updated_at) VALUES (999, 'lead', 'seed', 0, 0)
                """))).hasMessageContaining("FOREIGN KEY");
    }
}
