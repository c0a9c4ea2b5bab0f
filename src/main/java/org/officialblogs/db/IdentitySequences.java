package org.officialblogs.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's identity counters after rows were inserted with their ids given (a migration, a copy): such inserts
 * do not advance the counter, so the next insert without an id would take an id that exists. This moves every
 * identity (and serial) counter of the current schema past the largest id its table holds.
 */
public final class IdentitySequences {

    private IdentitySequences() {}

    /** A column whose values a sequence hands out. */
    public record Counter(String table, String column) {}

    /** The identity and serial columns of the current schema's tables. */
    public static List<Counter> counters(Connection c) throws SQLException {
        List<Counter> counters = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
                ORDER BY table_name, column_name""")) {
            while (rs.next()) counters.add(new Counter(rs.getString(1), rs.getString(2)));
        }
        return counters;
    }

    /** Sets each counter so its next value is one past its column's largest value (1 for an empty table). */
    public static List<Counter> advance(Connection c) throws SQLException {
        List<Counter> counters = counters(c);
        for (Counter counter : counters) {
            try (PreparedStatement p = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), coalesce((SELECT max("
                    + quote(counter.column()) + ") FROM " + quote(counter.table()) + "), 0) + 1, false)")) {
                p.setString(1, quote(counter.table()));
                p.setString(2, counter.column());
                p.executeQuery().close();
            }
        }
        return counters;
    }

    /** A name as a quoted SQL identifier. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
