package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.testkit.PostgresCluster;

/**
 * {@code backup} and {@code restore} on PostgreSQL, with the throwaway cluster's pg_dump and pg_restore: a backup is
 * written and read back, a restore brings back the rows changed since, refuses while a client is connected, and
 * refuses a file that is no such backup.
 */
class PostgresBackupCommandTest {

    @TempDir
    Path dir;
    String url;

    @BeforeEach
    void setUp() {
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        url = PostgresCluster.freshDatabase();
        try (App app = app()) {
            ExportFixture.load(app);
        }
    }

    App app() {
        return new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.resolve("data").toString(), "OFFICIALBLOGS_DB_URL", url)));
    }

    CommandRun run(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db-url=" + url;
        return CommandRun.of("", all);
    }

    long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBackupIsRestoredInPlaceOfLaterChanges() throws Exception {
        Path file = dir.resolve("ob.dump");

        CommandRun backup = run("backup", file.toString());

        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backing up with pg_dump", "Backed up " + url + " to " + file, "custom format",
                "entries read back with pg_restore --list");
        assertThat(file).isRegularFile();
        assertThat(run("backup", file.toString()).err()).contains("already exists; choose another name, or pass --force");

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM official WHERE id = 2");
        }
        assertThat(count("SELECT count(*) FROM official")).isEqualTo(2);

        CommandRun restore = run("restore", file.toString());

        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("Restoring with pg_restore", "pg_restore reads it", "in one transaction");
        assertThat(count("SELECT count(*) FROM official")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM blog WHERE official_id = 2")).isEqualTo(1);
        // the restored database opens and takes new rows with fresh ids
        try (App app = app(); Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     INSERT INTO official (name, office, country, level, branch, identity_key, origin, created_at, updated_at)
                     VALUES ('New Person', 'Mayor', 'FR', 'local', 'executive', 'knew', 'moderator', 1, 1) RETURNING id""")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(3);
        }
    }

    @Test
    void restoreRefusesWhileTheAppIsConnectedAndAFileThatIsNoBackup() throws Exception {
        Path file = dir.resolve("ob.dump");
        assertThat(run("backup", file.toString()).exit()).isZero();

        try (App app = app()) {
            CommandRun busy = run("restore", file.toString());
            assertThat(busy.exit()).isEqualTo(2);
            assertThat(busy.err()).contains("Refusing to restore:", "open to", "Stop `serve` (on every node) first; nothing was changed.");
        }

        Path junk = Files.writeString(dir.resolve("junk.dump"), "not a dump");
        CommandRun bad = run("restore", junk.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a backup made by `backup` on PostgreSQL", "nothing was changed");
        assertThat(count("SELECT count(*) FROM official")).isEqualTo(3);
    }
}
