package org.officialblogs;

import java.nio.file.Path;
import org.officialblogs.db.Database;
import org.officialblogs.testkit.TestDb;

/** A real database per test: a SQLite file in JUnit's temporary directory, or a fresh PostgreSQL database (TestDb). */
public final class TestDatabases {

    private TestDatabases() {}

    public static Database fresh(Path dir) {
        return Database.open(TestDb.freshUrl(dir, "test.db"));
    }
}
