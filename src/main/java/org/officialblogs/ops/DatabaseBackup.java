package org.officialblogs.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backup and offline restore of the SQLite database. A backup is {@code VACUUM INTO} a new file: one read
 * transaction, so it is a consistent snapshot while the app keeps serving and writing (WAL lets the writers go on),
 * and the copy is compact and self-contained (no -wal). A restore checks the backup, refuses while another process
 * has the database open, keeps the database it replaces, and swaps the file in with one atomic rename.
 */
public final class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** How a backup or restore ended. */
    public enum Outcome {
        /** Done; the message says what was written. */
        DONE,
        /** Nothing was done, on purpose: the target exists, or the database is in use. */
        REFUSED,
        /** The file given is no usable backup (missing, not SQLite, damaged, not this app's database). */
        BAD_INPUT,
        /** It was tried and failed (disk full, I/O error); nothing was replaced. */
        FAILED
    }

    /** What a backup did: the file, its size, what integrity_check said of it, how long it took, in a sentence. */
    public record BackupReport(Outcome outcome, Path file, long bytes, String integrity, Duration took, String message) {}

    /** What a restore did, in sentences (one per step a person should know about). */
    public record RestoreReport(Outcome outcome, List<String> steps) {
        public String message() {
            return String.join("\n", steps);
        }
    }

    private final Clock clock;

    public DatabaseBackup(Clock clock) {
        this.clock = clock;
    }

    /** Copies {@code database} into {@code target}; an existing target is replaced only with {@code force}. */
    public BackupReport backup(SqliteFile database, Path target, boolean force) {
        Instant started = clock.instant();
        if (!database.exists()) {
            return backupProblem(Outcome.BAD_INPUT, target, "There is no database at " + database.path() + " to back up.");
        }
        if (sameFile(target, database.path())) {
            return backupProblem(Outcome.REFUSED, target, target + " is the database itself; give the backup another name.");
        }
        if (Files.exists(target) && !force) {
            return backupProblem(Outcome.REFUSED, target, target + " already exists; choose another name, or pass --force to replace it.");
        }
        if (Files.isDirectory(target)) {
            return backupProblem(Outcome.REFUSED, target, target + " is a directory; give a file name.");
        }
        // written beside the target and renamed at the end: a failed or interrupted backup never leaves a torn file
        // under the name the operator asked for, and never harms the backup it was meant to replace
        Path partial = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(partial.getParent());
            Files.deleteIfExists(partial);
            try (Connection c = database.open(true); PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            SqliteFile copy = new SqliteFile(partial);
            SqliteFile.Integrity integrity = copy.integrity();
            if (!integrity.ok()) {
                Files.deleteIfExists(partial);
                return backupProblem(Outcome.FAILED, target, "The copy failed its integrity check (" + integrity.detail()
                        + "); nothing was written. Check the database itself with: sqlite3 " + database.path()
                        + " 'PRAGMA integrity_check'");
            }
            fsync(partial);
            if (force) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            long bytes = Files.size(target);
            Duration took = Duration.between(started, clock.instant());
            log.info("backup written database={} file={} bytes={} integrity=ok ms={}", database.path(), target, bytes, took.toMillis());
            return new BackupReport(Outcome.DONE, target, bytes, "ok", took, "Backed up " + database.path() + " to "
                    + target + ": " + SqliteFile.readableSize(bytes) + ", integrity_check ok, in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0) + ".");
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(partial);
            return backupProblem(Outcome.REFUSED, target, target + " appeared while the backup ran; it was left alone. Pass --force to replace it.");
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            log.warn("backup failed database={} file={} error={}", database.path(), target, e.toString());
            return backupProblem(Outcome.FAILED, target, "The backup failed: " + e.getMessage() + ". Nothing was written to " + target + ".");
        }
    }

    /**
     * Replaces {@code database} with the backup at {@code backupFile}. The backup is checked first (a SQLite file
     * that passes integrity_check and has this app's migration history); the database must not be open in another
     * process. The database it replaces is kept beside it as {@code NAME.before-restore-STAMP} (with its -wal, so
     * nothing it held is lost); the stale -shm is removed, since a -wal or -shm left next to the restored file would
     * be read as belonging to it.
     */
    public RestoreReport restore(Path backupFile, SqliteFile database) {
        SqliteFile backup = new SqliteFile(backupFile);
        if (!backup.exists()) return restoreProblem(Outcome.BAD_INPUT, "There is no backup file at " + backupFile + ".");
        if (sameFile(backupFile, database.path())) {
            return restoreProblem(Outcome.BAD_INPUT, backupFile + " is the database itself, not a backup of it; nothing was changed.");
        }
        if (!backup.hasSqliteHeader()) {
            return restoreProblem(Outcome.BAD_INPUT, backupFile + " is not a SQLite database; nothing was changed.");
        }
        SqliteFile.Integrity integrity = backup.integrity();
        if (!integrity.ok()) {
            return restoreProblem(Outcome.BAD_INPUT, backupFile + " is damaged (integrity_check: " + integrity.detail()
                    + "); nothing was changed.");
        }
        var version = backup.schemaVersion();
        if (version.isEmpty()) {
            return restoreProblem(Outcome.BAD_INPUT, backupFile + " is a SQLite database but not an Official Blogs one "
                    + "(it has no migration history); nothing was changed.");
        }
        List<String> steps = new ArrayList<>();
        steps.add("Checked " + backupFile + ": integrity_check ok, schema version " + version.get() + ", "
                + SqliteFile.readableSize(size(backupFile)) + ".");
        Path staged = database.path().toAbsolutePath().resolveSibling(database.path().getFileName() + ".restoring");
        try {
            if (database.inUseByAnotherProcess()) {
                return restoreProblem(Outcome.REFUSED, "The database " + database.path() + " is in use by another "
                        + "process (is `serve` running?). Stop it, then run restore again; nothing was changed.");
            }
            Files.createDirectories(staged.getParent());
            // copied next to the database first, so the swap below is a rename within one file system
            Files.copy(backupFile, staged, StandardCopyOption.REPLACE_EXISTING);
            fsync(staged);
            SqliteFile.Integrity stagedIntegrity = new SqliteFile(staged).integrity();
            if (!stagedIntegrity.ok()) {
                Files.deleteIfExists(staged);
                return restoreProblem(Outcome.FAILED, "The copy of the backup failed its integrity check ("
                        + stagedIntegrity.detail() + "); nothing was changed.");
            }
            if (database.exists() || Files.exists(database.wal())) {
                Path kept = database.path().resolveSibling(database.path().getFileName() + ".before-restore-"
                        + STAMP.format(clock.instant()));
                SqliteFile previous = new SqliteFile(kept);
                if (database.exists()) {
                    // a hard link keeps the old file under its new name while the database name still points at
                    // it: at every moment the database path names a whole database, the old one or the new one
                    try {
                        Files.createLink(kept, database.path());
                    } catch (UnsupportedOperationException | IOException e) {
                        Files.copy(database.path(), kept);
                    }
                }
                if (Files.exists(database.wal())) Files.move(database.wal(), previous.wal());
                steps.add("Kept the previous database as " + kept + (Files.exists(previous.wal()) ? " (with its -wal)" : "")
                        + "; delete it once you no longer need it.");
            }
            if (Files.deleteIfExists(database.shm())) steps.add("Removed the stale " + database.shm().getFileName() + ".");
            Files.move(staged, database.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            steps.add("Restored " + backupFile + " to " + database.path() + ". Start the app; it applies any newer "
                    + "migrations on start.");
            log.info("database restored from={} to={} schema={}", backupFile, database.path(), version.get());
            return new RestoreReport(Outcome.DONE, List.copyOf(steps));
        } catch (SQLException | IOException e) {
            deleteQuietly(staged);
            log.warn("restore failed from={} to={} error={}", backupFile, database.path(), e.toString());
            steps.add("The restore failed: " + e.getMessage() + ". The database " + database.path() + " was not replaced.");
            return new RestoreReport(Outcome.FAILED, List.copyOf(steps));
        }
    }

    private static BackupReport backupProblem(Outcome outcome, Path target, String message) {
        return new BackupReport(outcome, target, 0, null, Duration.ZERO, message);
    }

    private static RestoreReport restoreProblem(Outcome outcome, String message) {
        return new RestoreReport(outcome, List.of(message));
    }

    /** True when both paths name one file (or would: the same absolute path). */
    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Forces the file's bytes to disk before it is renamed into place, so a power cut cannot leave a hollow file. */
    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial file is harmless; the next run deletes it
        }
    }
}
