package org.officialblogs.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.officialblogs.db.Database;

/**
 * Which database the tests run on: SQLite files by default, PostgreSQL with {@code -Dtest.db=postgres} (the same
 * tests, each on a fresh database of the throwaway cluster). Without PostgreSQL binaries such a run is skipped
 * with a message that says so.
 */
public final class TestDb {

    /** The SQLite file migrated once that the others are copied from; null until the first is asked for. */
    private static Path sqliteTemplate;

    private TestDb() {}

    /** True when this run is on PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("test.db", ""));
    }

    /** The JDBC URL of a new, empty database for one test (a SQLite file in {@code dir}, or a PostgreSQL database). */
    public static String freshUrl(Path dir, String fileName) {
        if (!postgres()) return "jdbc:sqlite:" + dir.resolve(fileName);
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        return PostgresCluster.freshDatabase();
    }

    /**
     * The JDBC URL of a new database for one test with this app's schema already in place, for the many tests about
     * something other than the migrations: a copy of a database migrated once per test JVM (a file copy for SQLite,
     * CREATE DATABASE ... TEMPLATE on PostgreSQL). Opening it runs Flyway as ever, which finds nothing to apply.
     * A SQLite file already at that place is kept, as for an app started again on its data directory. Tests of the
     * migrations themselves take {@link #freshUrl}.
     */
    public static String migratedUrl(Path dir, String fileName) {
        if (postgres()) {
            String reason = PostgresCluster.unavailableReason();
            Assumptions.assumeTrue(reason == null, reason);
            return PostgresCluster.freshMigratedDatabase();
        }
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) Files.copy(sqliteTemplate(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the migrated test database to " + file, e);
        }
        return "jdbc:sqlite:" + file;
    }

    /**
     * Gives an app's settings their database unless they name one: the file {@code officialblogs.db} in their data
     * directory (or a PostgreSQL database), its schema already in place ({@link #migratedUrl}).
     */
    public static void putMigratedDatabase(Map<String, String> settings) {
        if (!settings.containsKey("OFFICIALBLOGS_DB_URL")) {
            settings.put("OFFICIALBLOGS_DB_URL",
                    migratedUrl(Path.of(settings.get("OFFICIALBLOGS_DATA_DIR")), "officialblogs.db"));
        }
    }

    private static synchronized Path sqliteTemplate() throws IOException {
        if (sqliteTemplate == null) {
            Path dir = Files.createTempDirectory("officialblogs-schema");
            Path file = dir.resolve("migrated.db");
            // closing the last connection checkpoints the write-ahead log into the file and removes it
            Database.open("jdbc:sqlite:" + file).close();
            if (Files.exists(dir.resolve("migrated.db-wal"))) throw new IOException("the migrated test database kept its WAL");
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            sqliteTemplate = file;
        }
        return sqliteTemplate;
    }
}
