package org.officialblogs;

import java.nio.file.Path;
import org.officialblogs.db.Database;

/** A real SQLite file per test, in JUnit's temporary directory. */
public final class TestDatabases {

    private TestDatabases() {}

    public static Database fresh(Path dir) {
        return Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }
}
