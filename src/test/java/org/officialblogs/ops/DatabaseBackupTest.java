package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.db.Database;

/** Backup while another thread writes, restore, and the files restore must refuse. Real SQLite files throughout. */
class DatabaseBackupTest {

    @TempDir
    Path dir;

    private final DatabaseBackup backups = new DatabaseBackup(Clock.systemUTC());

    @Test
    void aBackupTakenDuringWritesIsOneConsistentSnapshotAndRestoresToEqualData() throws Exception {
        Path dbPath = dir.resolve("data/officialblogs.db");
        Path backupPath = dir.resolve("backups/first.db");
        long atBackupStart;
        long atBackupEnd;
        try (Database db = Database.open("jdbc:sqlite:" + dbPath)) {
            // bulk, so VACUUM INTO has megabytes to copy while the writer commits beside it
            db.jdbi().useHandle(h -> h.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
                    INSERT INTO crawl_log (at, purpose, url, error) SELECT i, 'feed', 'https://example.org/' || i,
                        printf('%.200c', 'x') FROM n"""));
            AtomicLong written = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerError = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (long i = 1; !stop.get(); i++) {
                        long id = i;
                        // three rows in one transaction: a snapshot has all three or none
                        db.jdbi().useTransaction(h -> {
                            h.execute("INSERT INTO official (id, name, country, level, branch, identity_key, origin, created_at, updated_at) "
                                    + "VALUES (?, 'Official ' || ?, 'FI', 'local', 'executive', 'k' || ?, 'import', ?, ?)", id, id, id, id, id);
                            h.execute("INSERT INTO blog (id, official_id, site_url, site_url_key, status, origin, created_at, updated_at) "
                                    + "VALUES (?, ?, 'https://b' || ? || '.example.org/', 'b' || ? || '.example.org', 'active', 'import', ?, ?)",
                                    id, id, id, id, id, id);
                            h.execute("INSERT INTO source (official_id, blog_id, url, origin, added_at) VALUES (?, ?, 'https://gov.example/' || ?, 'import', ?)",
                                    id, id, id, id);
                        });
                        written.set(id);
                    }
                } catch (Throwable t) {
                    writerError.set(t);
                }
            }, "writer");
            writer.start();
            waitUntil(() -> written.get() >= 200);
            atBackupStart = written.get();
            DatabaseBackup.BackupReport report = backups.backup(new SqliteFile(dbPath), backupPath, false);
            atBackupEnd = written.get();
            waitUntil(() -> written.get() >= atBackupEnd + 100);
            stop.set(true);
            writer.join();

            assertThat(writerError.get()).as("the writer never failed (no SQLITE_BUSY) during the backup").isNull();
            assertThat(report.outcome()).as(report.message()).isEqualTo(DatabaseBackup.Outcome.DONE);
            assertThat(report.integrity()).isEqualTo("ok");
            assertThat(report.bytes()).isEqualTo(Files.size(backupPath)).isGreaterThan(10_000_000);
            assertThat(report.message()).startsWith("Backed up " + dbPath + " to " + backupPath + ": ")
                    .contains(" MB, integrity_check ok, in ");
            assertThat(atBackupEnd).as("writes went on while the backup ran").isGreaterThan(atBackupStart);
        }
        assertThat(Files.list(backupPath.getParent()).map(p -> p.getFileName().toString()).toList())
                .as("only the backup: no partial file, no -wal").containsExactly("first.db");

        // the snapshot: whole transactions, in order, none torn
        long inBackup = count(backupPath, "SELECT count(*) FROM official");
        assertThat(inBackup).isBetween(atBackupStart, atBackupEnd);
        assertThat(count(backupPath, "SELECT count(*) FROM blog")).isEqualTo(inBackup);
        assertThat(count(backupPath, "SELECT count(*) FROM source")).isEqualTo(inBackup);
        assertThat(count(backupPath, "SELECT max(id) FROM official")).isEqualTo(inBackup);
        assertThat(count(backupPath, "SELECT count(*) FROM crawl_log")).isEqualTo(60_000);
        List<List<Object>> backedUp = rows(backupPath, "SELECT * FROM blog ORDER BY id");

        long before = count(dbPath, "SELECT count(*) FROM official");
        assertThat(before).isGreaterThan(inBackup);
        DatabaseBackup.RestoreReport restored = backups.restore(backupPath, new SqliteFile(dbPath));
        assertThat(restored.outcome()).as(restored.message()).isEqualTo(DatabaseBackup.Outcome.DONE);
        assertThat(restored.message()).contains("Checked " + backupPath + ": integrity_check ok, schema version ")
                .contains("Kept the previous database as " + dbPath + ".before-restore-")
                .contains("Restored " + backupPath + " to " + dbPath + ".");

        assertThat(new SqliteFile(dbPath).integrity().ok()).isTrue();
        assertThat(rows(dbPath, "SELECT * FROM blog ORDER BY id")).isEqualTo(backedUp);
        assertThat(count(dbPath, "SELECT count(*) FROM official")).isEqualTo(inBackup);
        assertThat(count(dbPath, "SELECT count(*) FROM crawl_log")).isEqualTo(60_000);
        // nothing is lost: the database that was replaced is kept whole beside it
        Path kept;
        try (var files = Files.list(dbPath.getParent())) {
            kept = files.filter(p -> p.getFileName().toString().matches("officialblogs\\.db\\.before-restore-\\d{8}T\\d{6}Z"))
                    .findFirst().orElseThrow();
        }
        assertThat(count(kept, "SELECT count(*) FROM official")).isEqualTo(before);
        // and the app opens the restored file as usual
        try (Database reopened = Database.open("jdbc:sqlite:" + dbPath)) {
            long sources = reopened.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM source").mapTo(Long.class).one());
            assertThat(sources).isEqualTo(inBackup);
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path dbPath = dir.resolve("officialblogs.db");
        Database.open("jdbc:sqlite:" + dbPath).close();
        Path target = dir.resolve("backup.db");
        Files.writeString(target, "an older backup");

        DatabaseBackup.BackupReport refused = backups.backup(new SqliteFile(dbPath), target, false);
        assertThat(refused.outcome()).isEqualTo(DatabaseBackup.Outcome.REFUSED);
        assertThat(refused.message()).isEqualTo(target + " already exists; choose another name, or pass --force to replace it.");
        assertThat(Files.readString(target)).isEqualTo("an older backup");

        DatabaseBackup.BackupReport forced = backups.backup(new SqliteFile(dbPath), target, true);
        assertThat(forced.outcome()).as(forced.message()).isEqualTo(DatabaseBackup.Outcome.DONE);
        assertThat(new SqliteFile(target).integrity().ok()).isTrue();
        assertThat(new SqliteFile(target).schemaVersion()).isPresent();

        DatabaseBackup.BackupReport ontoItself = backups.backup(new SqliteFile(dbPath), dir.resolve("./officialblogs.db"), true);
        assertThat(ontoItself.outcome()).isEqualTo(DatabaseBackup.Outcome.REFUSED);
        assertThat(ontoItself.message()).endsWith(" is the database itself; give the backup another name.");
        assertThat(backups.restore(dbPath, new SqliteFile(dbPath)).message())
                .isEqualTo(dbPath + " is the database itself, not a backup of it; nothing was changed.");
        assertThat(new SqliteFile(dbPath).integrity().ok()).isTrue();

        DatabaseBackup.BackupReport missing = backups.backup(new SqliteFile(dir.resolve("nothing.db")), dir.resolve("x.db"), false);
        assertThat(missing.outcome()).isEqualTo(DatabaseBackup.Outcome.BAD_INPUT);
        assertThat(missing.message()).isEqualTo("There is no database at " + dir.resolve("nothing.db") + " to back up.");
        assertThat(dir.resolve("nothing.db")).doesNotExist();
    }

    @Test
    void aBadBackupIsRejectedWithAReasonAndTheDatabaseIsLeftAlone() throws Exception {
        Path dbPath = dir.resolve("data/officialblogs.db");
        try (Database db = Database.open("jdbc:sqlite:" + dbPath)) {
            db.jdbi().useHandle(h -> h.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                    INSERT INTO crawl_log (at, purpose, url) SELECT i, 'feed', 'https://example.org/' || i FROM n"""));
        }
        List<List<Object>> original = rows(dbPath, "SELECT * FROM crawl_log ORDER BY id");
        SqliteFile database = new SqliteFile(dbPath);

        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a database\n".repeat(50));
        assertThat(backups.restore(text, database).message())
                .isEqualTo(text + " is not a SQLite database; nothing was changed.");

        Path missing = dir.resolve("missing.db");
        assertThat(backups.restore(missing, database).message()).isEqualTo("There is no backup file at " + missing + ".");

        Path foreign = dir.resolve("foreign.db");
        try (Connection c = new SqliteFile(foreign).open(false); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        DatabaseBackup.RestoreReport notOurs = backups.restore(foreign, database);
        assertThat(notOurs.outcome()).isEqualTo(DatabaseBackup.Outcome.BAD_INPUT);
        assertThat(notOurs.message()).isEqualTo(foreign + " is a SQLite database but not an Official Blogs one "
                + "(it has no migration history); nothing was changed.");

        // a real backup with pages overwritten in the middle: the header is intact, the b-trees are not
        Path damaged = dir.resolve("damaged.db");
        assertThat(backups.backup(database, damaged, false).outcome()).isEqualTo(DatabaseBackup.Outcome.DONE);
        long size = Files.size(damaged);
        try (FileChannel ch = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            ByteBuffer junk = ByteBuffer.allocate(16 * 4096);
            for (int i = 0; i < junk.capacity(); i++) junk.put((byte) (i * 31 + 7));
            ch.write(junk.flip(), size / 2 / 4096 * 4096);
        }
        DatabaseBackup.RestoreReport corrupt = backups.restore(damaged, database);
        assertThat(corrupt.outcome()).isEqualTo(DatabaseBackup.Outcome.BAD_INPUT);
        assertThat(corrupt.message()).startsWith(damaged + " is damaged (integrity_check: ").endsWith("); nothing was changed.");

        assertThat(rows(dbPath, "SELECT * FROM crawl_log ORDER BY id")).isEqualTo(original);
        try (var files = Files.list(dbPath.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no restore left anything behind")
                    .allMatch(name -> name.startsWith("officialblogs.db"))
                    .noneMatch(name -> name.contains("before-restore") || name.contains("restoring"));
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(1);
        }
    }

    static long count(Path db, String sql) throws SQLException {
        try (Connection c = new SqliteFile(db).open(true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<List<Object>> rows(Path db, String sql) throws SQLException {
        try (Connection c = new SqliteFile(db).open(true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) row.add(rs.getObject(i));
                rows.add(row);
            }
            return rows;
        }
    }
}
