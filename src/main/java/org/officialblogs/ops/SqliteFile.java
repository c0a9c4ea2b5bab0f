package org.officialblogs.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A SQLite database file on disk and its WAL companions ({@code -wal}, {@code -shm}): what backup and restore need
 * to know about it, asked over plain one-off JDBC connections (never the app's pool, never migrating it).
 */
public record SqliteFile(Path path) {

    /** The 16 bytes every SQLite 3 database file starts with. */
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** What {@code PRAGMA integrity_check} said: "ok", or the problems it found (or why it could not run). */
    public record Integrity(boolean ok, String detail) {}

    public Path wal() {
        return path.resolveSibling(path.getFileName() + "-wal");
    }

    public Path shm() {
        return path.resolveSibling(path.getFileName() + "-shm");
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** True when the file starts with the SQLite 3 header (checked before handing a stranger's file to SQLite). */
    public boolean hasSqliteHeader() {
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code PRAGMA integrity_check} over a read-only connection. */
    public Integrity integrity() {
        if (!exists()) return new Integrity(false, "no such file");
        if (!hasSqliteHeader()) return new Integrity(false, "not a SQLite database (the file does not start with the SQLite header)");
        try (Connection c = open(true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) lines.add(rs.getString(1));
            boolean ok = lines.equals(List.of("ok"));
            // integrity_check lists up to 100 problems; the first few say enough
            return new Integrity(ok, ok ? "ok" : String.join("; ", lines.subList(0, Math.min(5, lines.size()))));
        } catch (SQLException e) {
            return new Integrity(false, e.getMessage());
        }
    }

    /** The latest migration applied to it (Flyway's history), empty when it has none: not this app's database. */
    public Optional<String> schemaVersion() {
        try (Connection c = open(true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT version FROM flyway_schema_history
                     WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1""")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * True when another process has the database open. Every open connection of a WAL database holds a shared lock
     * on the file; this asks SQLite for the exclusive lock without waiting, and a refusal means someone else is
     * there. It cannot see connections of this same process (POSIX locks are per process), and a process may open
     * it a moment later: a guard against the common mistake (restoring under a running server), not a lease.
     */
    public boolean inUseByAnotherProcess() throws SQLException {
        if (!exists()) return false;
        try (Connection c = open(false); Statement s = c.createStatement()) {
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            try {
                s.execute("BEGIN EXCLUSIVE");
                s.execute("ROLLBACK");
                return false;
            } catch (SQLException e) {
                if (e.getErrorCode() == 5 || e.getErrorCode() == 6) return true; // SQLITE_BUSY, SQLITE_LOCKED
                throw e;
            }
        }
    }

    /** A size in bytes as a person reads it. */
    public static String readableSize(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    Connection open(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (readOnly) {
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
        }
        config.setBusyTimeout(readOnly ? 30_000 : 0);
        return config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
    }
}
