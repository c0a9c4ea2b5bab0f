package org.officialblogs.ops;

import java.nio.file.Path;
import org.officialblogs.db.Database;

/** One number from a database file, opened and closed around the query (for tests that reopen after a crash). */
public final class DatabaseCounts {

    private DatabaseCounts() {}

    public static long count(Path dbFile, String sql) {
        try (Database db = Database.open("jdbc:sqlite:" + dbFile)) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }
}
