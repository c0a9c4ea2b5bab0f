package org.officialblogs;

import java.nio.file.Path;
import org.officialblogs.db.Database;
import org.officialblogs.testkit.TestDb;

/**
 * A real database per test, its schema in place: a SQLite file in JUnit's temporary directory, or a PostgreSQL
 * database (TestDb).
 */
public final class TestDatabases {

    private TestDatabases() {}

    public static Database fresh(Path dir) {
        return Database.open(TestDb.migratedUrl(dir, "test.db"));
    }
}
