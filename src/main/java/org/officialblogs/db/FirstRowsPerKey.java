package org.officialblogs.db;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * One statement for the first rows of several keys (a profile's blogs: each one's newest posts, log lines, daily
 * snapshots): an arm per key, each walking its own index and stopping at its own LIMIT, joined by UNION ALL and
 * ordered by the key and then the arms' order. Standard SQL (SQLite and PostgreSQL alike); the text is built from a
 * fixed arm and a count, and every value is bound.
 */
public final class FirstRowsPerKey {

    /** The name the arm binds its key to, {@code :perKey}. */
    public static final String KEY = ":perKey";

    private FirstRowsPerKey() {}

    /**
     * @param arm a SELECT for one key (bound as {@link #KEY}) ending in its ORDER BY and LIMIT
     * @param keys how many keys
     * @param order the whole result's order by its column names, the key's column first
     */
    public static String sql(String arm, int keys, String order) {
        if (keys < 1) throw new IllegalArgumentException("no keys");
        if (keys == 1) return arm.replace(KEY, KEY + 0);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            if (i > 0) s.append("\nUNION ALL\n");
            s.append("SELECT * FROM (").append(arm.replace(KEY, KEY + i)).append(") AS arm").append(i);
        }
        return s.append("\nORDER BY ").append(order).toString();
    }

    /** Binds the keys of {@link #sql}, in the same order. */
    public static <T extends SqlStatement<T>> T bind(T statement, List<Long> keys) {
        for (int i = 0; i < keys.size(); i++) statement.bind(KEY.substring(1) + i, keys.get(i));
        return statement;
    }
}
