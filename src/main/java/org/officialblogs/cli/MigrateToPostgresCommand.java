package org.officialblogs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.officialblogs.config.Config;
import org.officialblogs.db.Database;
import org.officialblogs.db.DatabaseLogin;
import org.officialblogs.db.Dialect;
import org.officialblogs.ops.PostgresMigration;
import org.officialblogs.ops.SqliteFile;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code migrate-to-postgres}: a SQLite database copied into an empty PostgreSQL one, then checked table by table. */
@Command(name = "migrate-to-postgres", mixinStandardHelpOptions = true,
        description = {
            "Copy the SQLite database (the data directory's, or --from FILE) into an EMPTY PostgreSQL database "
                    + "(--to URL, else OFFICIALBLOGS_DB_URL; the login from OFFICIALBLOGS_DB_USER and _DB_PASSWORD "
                    + "or _DB_PASSWORD_FILE, or in the URL).",
            "Both databases are first brought to this version's schema (the PostgreSQL one gets its own migrations). "
                    + "Every table is copied in foreign-key order, in batches, ids kept, identity counters set after; "
                    + "then each table is checked: its row count and a SHA-256 of every row in key order, read the same "
                    + "way on both sides. A line per table says OK or MISMATCH.",
            "All of it is one transaction on PostgreSQL: it is committed only when every table matches, so a failure "
                    + "or a mismatch leaves the PostgreSQL database without rows. A database that already holds rows is "
                    + "refused. Stop `serve` first, or writes made during the copy stay behind in SQLite.",
            "Exit code: 0 copied and every table matches, 1 failed or a table differs, 2 refused (a non-empty target, "
                    + "no PostgreSQL URL, no SQLite file)."})
public final class MigrateToPostgresCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory whose officialblogs.db is copied (env OFFICIALBLOGS_DATA_DIR, default ./data)")
    String dataDir;
    @Option(names = "--from", paramLabel = "FILE", description = "The SQLite database file to copy (default: the data directory's)")
    Path from;
    @Option(names = "--to", paramLabel = "JDBC_URL", description = "The PostgreSQL database, jdbc:postgresql://HOST[:PORT]/DATABASE (default OFFICIALBLOGS_DB_URL)")
    String to;
    @Option(names = "--verify-only", description = "Copy nothing: compare an earlier copy with the SQLite database, table by table")
    boolean verifyOnly;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> values = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith(Config.ENV_PREFIX)) values.put(k, v);
        });
        if (dataDir != null) values.put("OFFICIALBLOGS_DATA_DIR", dataDir);
        Config config = Config.fromValues(values);
        Config.Storage storage = config.storage();
        Path file = from != null ? from
                : storage.databaseFile() != null ? storage.databaseFile() : storage.dataDir().resolve("officialblogs.db");
        String url = to != null ? to.strip() : storage.dbUrl();
        if (!url.startsWith("jdbc:postgresql:")) {
            err.println("Cannot migrate: no PostgreSQL database given; pass --to jdbc:postgresql://HOST[:PORT]/DATABASE"
                    + " or set OFFICIALBLOGS_DB_URL.");
            return 2;
        }
        SqliteFile sqlite = new SqliteFile(file);
        if (!sqlite.exists() || !sqlite.hasSqliteHeader()) {
            err.println("Cannot migrate: " + file + (sqlite.exists() ? " is not a SQLite database." : " does not exist.")
                    + " Give the SQLite file with --from FILE or the data directory with --data-dir.");
            return 2;
        }
        DatabaseLogin login = storage.dbLogin();
        out.println((verifyOnly ? "Comparing " : "Migrating ") + file.toAbsolutePath() + " (SQLite) "
                + (verifyOnly ? "with " : "to ") + org.officialblogs.ops.PostgresBackup.masked(url));
        out.flush();
        try (Connection target = connect(url, login)) {
            if (!verifyOnly) {
                Map<String, Long> rows = PostgresMigration.nonEmptyTables(target);
                if (!rows.isEmpty()) {
                    List<String> named = new ArrayList<>();
                    rows.forEach((t, n) -> named.add(t + " " + String.format(Locale.ROOT, "%,d", n) + " rows"));
                    err.println("Refusing to migrate: the PostgreSQL database already holds rows (" + String.join(", ", named)
                            + "). Give an empty database (CREATE DATABASE ... OWNER ...); nothing was changed.");
                    return 2;
                }
                // the source at this version's schema (as serve would do at start), the target with its twin migrations
                Database.open("jdbc:sqlite:" + file.toAbsolutePath()).close();
                Database.migrateSchema(url, login);
                out.println("Schema: both databases at version " + sqlite.schemaVersion().orElse("?") + ".");
                collationNote(target).ifPresent(out::println);
            }
            try (Connection source = readSnapshot(file)) {
                return verifyOnly ? compare(new PostgresMigration(source, target), target, out, err)
                        : migrate(new PostgresMigration(source, target), target, out, err);
            }
        }
    }

    private Integer migrate(PostgresMigration migration, Connection target, PrintWriter out, PrintWriter err) throws SQLException {
        long started = System.nanoTime();
        PostgresMigration.Plan plan;
        try {
            plan = migration.plan();
        } catch (PostgresMigration.SchemaMismatch e) {
            err.println("Cannot migrate: the two schemas differ: " + e.getMessage() + ". Nothing was copied.");
            return 1;
        }
        target.setAutoCommit(false);
        String current = null;
        try {
            long total = 0;
            out.println("Copying " + plan.tables().size() + " tables in foreign-key order:");
            for (PostgresMigration.Table t : plan.tables()) {
                current = t.name();
                long tableStarted = System.nanoTime();
                long rows = migration.copy(t, n -> {
                    out.printf(Locale.ROOT, "  %-28s %,14d rows so far%n", t.name(), n);
                    out.flush();
                });
                total += rows;
                out.printf(Locale.ROOT, "  %-28s %,14d rows %8.1f s%n", t.name(), rows, seconds(tableStarted));
                out.flush();
            }
            for (String t : plan.targetOnly()) out.printf(Locale.ROOT, "  %-28s not in the SQLite database; left empty%n", t);
            current = null;
            int counters = migration.advanceCounters();
            out.println("Identity counters set past the copied ids: " + counters + ".");
            int mismatches = verify(migration, plan, out);
            if (mismatches > 0) {
                target.rollback();
                err.println("Migration not kept: " + mismatches + " table" + (mismatches == 1 ? "" : "s")
                        + " differ after the copy; the PostgreSQL database holds no rows again.");
                return 1;
            }
            target.commit();
            out.printf(Locale.ROOT, "Migrated %d tables, %,d rows, in %.1f s; every table matches.%n",
                    plan.tables().size(), total, seconds(started));
            return 0;
        } catch (SQLException | RuntimeException e) {
            try {
                target.rollback();
            } catch (SQLException ignored) {
                // the connection is gone: PostgreSQL rolls the transaction back itself
            }
            err.println("Migration failed" + (current == null ? "" : " at table " + current) + ": " + e.getMessage()
                    + ". Nothing was kept: the PostgreSQL database holds no rows.");
            return 1;
        }
    }

    private Integer compare(PostgresMigration migration, Connection target, PrintWriter out, PrintWriter err) throws SQLException {
        target.setAutoCommit(false);
        target.setReadOnly(true);
        try {
            PostgresMigration.Plan plan = migration.plan();
            int mismatches = verify(migration, plan, out);
            if (mismatches > 0) {
                err.println(mismatches + " table" + (mismatches == 1 ? " differs" : "s differ") + " between the two databases.");
                return 1;
            }
            out.println("Every table matches.");
            return 0;
        } catch (PostgresMigration.SchemaMismatch e) {
            err.println("Cannot compare: the two schemas differ: " + e.getMessage() + ".");
            return 1;
        } finally {
            target.rollback();
        }
    }

    private static int verify(PostgresMigration migration, PostgresMigration.Plan plan, PrintWriter out) throws SQLException {
        out.println("Checking every table (row count and SHA-256 of every row in key order, SQLite vs PostgreSQL):");
        int mismatches = 0;
        for (PostgresMigration.Table t : plan.tables()) {
            PostgresMigration.Check c = migration.check(t);
            if (c.ok()) {
                out.printf(Locale.ROOT, "  %-28s %,14d rows  OK        %s%n", c.table(), c.sourceRows(), c.sourceSum().substring(0, 16));
            } else {
                mismatches++;
                out.printf(Locale.ROOT, "  %-28s MISMATCH  SQLite %,d rows %s, PostgreSQL %,d rows %s%n", c.table(),
                        c.sourceRows(), c.sourceSum().substring(0, 16), c.targetRows(), c.targetSum().substring(0, 16));
            }
            out.flush();
        }
        return mismatches;
    }

    /** A note when the database sorts text otherwise than SQLite (by byte), so lists would come out in another order. */
    private static java.util.Optional<String> collationNote(Connection target) throws SQLException {
        try (var s = target.createStatement();
             var rs = s.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
            if (!rs.next()) return java.util.Optional.empty();
            String collate = rs.getString(1);
            if (collate.equals("C") || collate.equals("POSIX") || collate.startsWith("C.")) return java.util.Optional.empty();
            return java.util.Optional.of("Note: this database sorts text by the '" + collate + "' locale, SQLite by byte; lists"
                    + " sorted by name may come out in another order. Create the database with LC_COLLATE 'C' for the"
                    + " same order (docs/operations.md).");
        }
    }

    /** The SQLite file read-only, in one read transaction: every table as of the same moment. */
    private static Connection readSnapshot(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        c.setAutoCommit(false);
        return c;
    }

    private static Connection connect(String url, DatabaseLogin login) throws SQLException {
        Dialect.of(url);
        Properties p = new Properties();
        if (!login.user().isEmpty()) p.setProperty("user", login.user());
        if (!login.password().isEmpty()) p.setProperty("password", login.password());
        p.setProperty("reWriteBatchedInserts", "true"); // a batch of inserts goes as a few multi-row statements
        return DriverManager.getConnection(url, p);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
