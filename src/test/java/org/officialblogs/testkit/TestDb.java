package org.officialblogs.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Which database the tests run on: SQLite files by default, PostgreSQL with {@code -Dtest.db=postgres} (the same
 * tests, each on a fresh database of the throwaway cluster). Without PostgreSQL binaries such a run is skipped
 * with a message that says so.
 */
public final class TestDb {

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
}
