package org.officialblogs.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum of a table that reads the same on SQLite and PostgreSQL: every row as canonical text (each value
 * read as the kind the PostgreSQL column has, so 1/0 and true/false, an INTEGER and a BIGINT, a REAL and a DOUBLE
 * PRECISION give the same text), tab-separated, one line a row, in primary-key order, hashed with SHA-256.
 */
public final class RowChecksum {

    /** How a column's values are read and written as text: by the kind of the PostgreSQL column. */
    public enum Kind {
        INTEGER, REAL, BOOLEAN, BYTES, TEXT;

        /** The kind of a PostgreSQL column, by its information_schema data_type. */
        public static Kind ofPostgres(String dataType) {
            return switch (dataType.toLowerCase(java.util.Locale.ROOT)) {
                case "smallint", "integer", "bigint" -> INTEGER;
                case "real", "double precision", "numeric" -> REAL;
                case "boolean" -> BOOLEAN;
                case "bytea" -> BYTES;
                default -> TEXT;
            };
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder();
    private long rows;

    public RowChecksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Adds the current row of {@code rs}, whose columns 1..n are of the given kinds. */
    public void add(ResultSet rs, List<Kind> kinds) throws SQLException {
        line.setLength(0);
        for (int i = 0; i < kinds.size(); i++) {
            if (i > 0) line.append('\t');
            line.append(canonical(rs, i + 1, kinds.get(i)));
        }
        line.append('\n');
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** The SHA-256 of the rows added, in hex (ends this checksum). */
    public String hex() {
        return HEX.formatHex(digest.digest());
    }

    /** One value as canonical text: {@code \N} for NULL, numbers in Java's shortest form, bytes in hex, text escaped. */
    static String canonical(ResultSet rs, int column, Kind kind) throws SQLException {
        String text = switch (kind) {
            case INTEGER -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? null : Long.toString(v);
            }
            case REAL -> {
                double v = rs.getDouble(column);
                yield rs.wasNull() ? null : Double.toString(v);
            }
            case BOOLEAN -> {
                Object v = rs.getObject(column);
                if (v == null) yield null;
                yield v instanceof Boolean b ? (b ? "1" : "0") : (((Number) v).longValue() != 0 ? "1" : "0");
            }
            case BYTES -> {
                byte[] v = rs.getBytes(column);
                yield v == null ? null : "x" + HEX.formatHex(v);
            }
            case TEXT -> {
                String v = rs.getString(column);
                yield v == null ? null : escape(v);
            }
        };
        return text == null ? "\\N" : text;
    }

    /** Backslash, tab and line breaks escaped, so a value can never pass for a separator. */
    static String escape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
