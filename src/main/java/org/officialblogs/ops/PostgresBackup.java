package org.officialblogs.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.officialblogs.db.DatabaseLogin;
import org.officialblogs.db.IdentitySequences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of a PostgreSQL database with PostgreSQL's own client programs: {@code pg_dump} in its custom
 * format (one consistent snapshot while the app keeps writing, compressed) and {@code pg_restore} in one
 * transaction ({@code --clean --if-exists --single-transaction}: all of it or nothing). The password goes to the
 * child in its environment (PGPASSWORD), never on its command line. The programs are looked for on PATH, then
 * under /usr/lib/postgresql/N/bin (the newest N).
 */
public final class PostgresBackup {

    private static final Logger log = LoggerFactory.getLogger(PostgresBackup.class);
    /** Longest a dump or restore may take before it is stopped. */
    private static final Duration LIMIT = Duration.ofHours(6);

    /** Where the client programs are looked for, in order. */
    private final List<Path> searchPath;

    /** Looks on PATH, then under /usr/lib/postgresql. */
    public PostgresBackup() {
        this(defaultSearchPath());
    }

    PostgresBackup(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    static List<Path> defaultSearchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) for (String d : path.split(java.io.File.pathSeparator)) if (!d.isBlank()) dirs.add(Path.of(d));
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparingInt(PostgresBackup::major).reversed()).map(v -> v.resolve("bin")).forEach(dirs::add);
            } catch (IOException e) {
                // unreadable: PATH alone
            }
        }
        return dirs;
    }

    private static int major(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The program's path, if it is installed. */
    Optional<Path> find(String program) {
        return searchPath.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    private static String missing(String program, String instead) {
        return "Cannot " + instead + " a PostgreSQL database here: " + program + " was not found on PATH or under "
                + "/usr/lib/postgresql/*/bin. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client, "
                + "the server's major version or newer), or use your platform's own backups of the database.";
    }

    /** Dumps the database into {@code target} (custom format), checked with {@code pg_restore --list}. */
    public DatabaseBackup.BackupReport backup(String url, DatabaseLogin login, Path target, boolean force) {
        long started = System.nanoTime();
        Optional<Path> dump = find("pg_dump");
        Optional<Path> restore = find("pg_restore");
        if (dump.isEmpty() || restore.isEmpty()) {
            return backupProblem(DatabaseBackup.Outcome.FAILED, target, missing(dump.isEmpty() ? "pg_dump" : "pg_restore", "back up"));
        }
        if (Files.isDirectory(target)) return backupProblem(DatabaseBackup.Outcome.REFUSED, target, target + " is a directory; give a file name.");
        if (Files.exists(target) && !force) {
            return backupProblem(DatabaseBackup.Outcome.REFUSED, target, target + " already exists; choose another name, or pass --force to replace it.");
        }
        Server server;
        try {
            server = Server.of(url, login);
        } catch (SQLException e) {
            return backupProblem(DatabaseBackup.Outcome.BAD_INPUT, target, "Cannot read the database URL " + masked(url) + ": " + e.getMessage());
        }
        Path partial = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            List<String> command = new ArrayList<>(List.of(dump.get().toString(), "--format=custom", "--no-password",
                    "--file=" + partial));
            command.addAll(server.connectionArguments());
            Run run = run(command, server);
            if (run.exit() != 0) {
                Files.deleteIfExists(partial);
                return backupProblem(DatabaseBackup.Outcome.FAILED, target, "pg_dump failed: " + run.lastLine() + ". No backup was written.");
            }
            Run list = run(List.of(restore.get().toString(), "--list", partial.toString()), server);
            long entries = list.output().lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
            if (list.exit() != 0 || list.output().lines().noneMatch(l -> l.contains("TABLE DATA") && l.contains("flyway_schema_history"))) {
                Files.deleteIfExists(partial);
                return backupProblem(DatabaseBackup.Outcome.FAILED, target, "The dump did not read back with pg_restore --list ("
                        + list.lastLine() + "). No backup was written.");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long bytes = Files.size(target);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("backup written database={} file={} bytes={} entries={} ms={}", masked(url), target, bytes, entries, took.toMillis());
            return new DatabaseBackup.BackupReport(DatabaseBackup.Outcome.DONE, target, bytes, "pg_restore --list ok", took,
                    "Backed up " + masked(url) + " to " + target + " with " + dump.get() + ": " + SqliteFile.readableSize(bytes)
                    + ", custom format, " + entries + " entries read back with pg_restore --list, in "
                    + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0) + ".");
        } catch (IOException e) {
            deleteQuietly(partial);
            return backupProblem(DatabaseBackup.Outcome.FAILED, target, "The backup failed: " + e.getMessage() + ". No backup was written.");
        }
    }

    /**
     * Replaces the database's objects with the backup's, in one transaction, after checking the file is such a dump
     * of this app's database and no other client is connected; identity counters are set past the restored ids.
     */
    public DatabaseBackup.RestoreReport restore(Path backupFile, String url, DatabaseLogin login) {
        long started = System.nanoTime();
        List<String> steps = new ArrayList<>();
        Optional<Path> restore = find("pg_restore");
        if (restore.isEmpty()) return restoreProblem(DatabaseBackup.Outcome.FAILED, missing("pg_restore", "restore"));
        if (!Files.isRegularFile(backupFile)) {
            return restoreProblem(DatabaseBackup.Outcome.BAD_INPUT, "There is no backup file " + backupFile + "; nothing was changed.");
        }
        Server server;
        try {
            server = Server.of(url, login);
        } catch (SQLException e) {
            return restoreProblem(DatabaseBackup.Outcome.BAD_INPUT, "Cannot read the database URL " + masked(url) + ": " + e.getMessage());
        }
        try {
            Run list = run(List.of(restore.get().toString(), "--list", backupFile.toString()), server);
            if (list.exit() != 0) {
                return restoreProblem(DatabaseBackup.Outcome.BAD_INPUT, backupFile + " is not a backup made by `backup` on PostgreSQL"
                        + " (pg_restore cannot read it: " + list.lastLine() + "); nothing was changed.");
            }
            if (list.output().lines().noneMatch(l -> l.contains("TABLE DATA") && l.contains("flyway_schema_history"))) {
                return restoreProblem(DatabaseBackup.Outcome.BAD_INPUT, backupFile + " holds no migration history: it is not a backup of"
                        + " this app's database; nothing was changed.");
            }
            steps.add("Checked " + backupFile + ": pg_restore reads it, and it holds this app's tables.");
            int others;
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                rs.next();
                others = rs.getInt(1);
            }
            if (others > 0) {
                return restoreProblem(DatabaseBackup.Outcome.REFUSED, "Refusing to restore: " + others + " other connection"
                        + (others == 1 ? " is" : "s are") + " open to " + masked(url) + ". Stop `serve` (on every node) first;"
                        + " nothing was changed.");
            }
            List<String> command = new ArrayList<>(List.of(restore.get().toString(), "--clean", "--if-exists",
                    "--single-transaction", "--no-owner", "--no-privileges", "--exit-on-error", "--no-password"));
            command.addAll(server.connectionArguments());
            command.add(backupFile.toString());
            Run run = run(command, server);
            if (run.exit() != 0) {
                steps.add("The restore failed: " + run.lastLine() + ". It ran in one transaction: the database was not changed.");
                return new DatabaseBackup.RestoreReport(DatabaseBackup.Outcome.FAILED, List.copyOf(steps));
            }
            int counters;
            try (Connection c = server.connect()) {
                counters = IdentitySequences.advance(c).size();
            }
            steps.add("Restored " + backupFile + " to " + masked(url) + " in one transaction with " + restore.get() + ", in "
                    + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9) + "; " + counters
                    + " identity counters checked. Start the app; it applies any newer migrations.");
            log.info("restore done database={} file={}", masked(url), backupFile);
            return new DatabaseBackup.RestoreReport(DatabaseBackup.Outcome.DONE, List.copyOf(steps));
        } catch (IOException | SQLException e) {
            steps.add("The restore failed: " + e.getMessage() + ".");
            return new DatabaseBackup.RestoreReport(DatabaseBackup.Outcome.FAILED, List.copyOf(steps));
        }
    }

    /** The server a JDBC URL names, with the login to use (the settings win over the URL's own user and password). */
    record Server(String url, String host, String port, String database, String user, String password) {

        static Server of(String url, DatabaseLogin login) throws SQLException {
            Properties p = org.postgresql.Driver.parseURL(url, new Properties());
            if (p == null) throw new SQLException("not a jdbc:postgresql URL");
            String user = !login.user().isEmpty() ? login.user() : p.getProperty("user", "");
            String password = !login.password().isEmpty() ? login.password() : p.getProperty("password", "");
            String host = p.getProperty("PGHOST", "localhost");
            String port = p.getProperty("PGPORT", "5432");
            if (host.contains(",")) host = host.substring(0, host.indexOf(','));
            if (port.contains(",")) port = port.substring(0, port.indexOf(','));
            return new Server(url, host, port, p.getProperty("PGDBNAME", ""), user, password);
        }

        /** Host, port, user and database for a client program; the password stays out of it. */
        List<String> connectionArguments() {
            List<String> args = new ArrayList<>(List.of("--host=" + host, "--port=" + port));
            if (!user.isEmpty()) args.add("--username=" + user);
            args.add("--dbname=" + database);
            return args;
        }

        Connection connect() throws SQLException {
            Properties p = new Properties();
            if (!user.isEmpty()) p.setProperty("user", user);
            if (!password.isEmpty()) p.setProperty("password", password);
            return DriverManager.getConnection(url, p);
        }

        @Override
        public String toString() {
            return "Server[" + host + ":" + port + "/" + database + ", user=" + user + "]";
        }
    }

    /** What a client program printed (stdout and stderr together) and its exit code. */
    record Run(int exit, String output) {
        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "exit code " + exit : lines.get(lines.size() - 1).strip();
        }
    }

    private static Run run(List<String> command, Server server) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("PGPASSWORD");
        if (!server.password().isEmpty()) env.put("PGPASSWORD", server.password());
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + LIMIT.toHours() + " hours");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The URL as it may be printed: a password in it replaced by stars. */
    public static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static DatabaseBackup.BackupReport backupProblem(DatabaseBackup.Outcome outcome, Path target, String message) {
        return new DatabaseBackup.BackupReport(outcome, target, 0, null, Duration.ZERO, message);
    }

    private static DatabaseBackup.RestoreReport restoreProblem(DatabaseBackup.Outcome outcome, String message) {
        return new DatabaseBackup.RestoreReport(outcome, List.of(message));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover partial file does no harm: the next backup replaces it
        }
    }
}
