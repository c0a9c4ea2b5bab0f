package org.officialblogs.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalDouble;

/** Reads the nullable columns of a JDBC row the way the schema stores them (instants as epoch milliseconds). */
public final class Columns {

    private Columns() {}

    /** The instant stored in an epoch-milliseconds column, {@code null} when the column is NULL. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** The instant stored in an epoch-milliseconds column, {@code null} when the column is NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** The whole number in a column, {@code null} when the column is NULL. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** The whole number in a column, {@code null} when the column is NULL. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** The number in a column, empty when the column is NULL. */
    public static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
