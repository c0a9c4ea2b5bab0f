package org.officialblogs.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.officialblogs.db.Dialect;

/**
 * The SQLite download: the documented dataset as a database, the same tables and columns as the CSV files (built
 * from the same {@link ExportTable} definitions, so the two cannot drift apart), times as ISO 8601 text, and a
 * full-text index on post titles ({@value #POSTS_FTS}). Nothing else: no internal table, no sort index, no private
 * data. The rows are read from one consistent copy of the database ({@code VACUUM INTO} while the app runs), so the
 * tables agree with each other whatever is written meanwhile.
 */
public final class SqliteSnapshot {

    /** Tables that never leave the server: none of them is in the download, which holds only the public tables. */
    public static final List<String> PRIVATE_TABLES = List.of("session", "account", "submission", "bulk_upload",
            "audit_log", "blog_alias", "flyway_schema_history", "health_probe", "rate_limit");

    /** The full-text index of post titles (FTS5, over the posts table's title column). */
    public static final String POSTS_FTS = "posts_fts";

    /** Rows written per transaction. */
    private static final int BATCH = 5_000;

    private final Jdbi jdbi;
    private final Dialect dialect;

    public SqliteSnapshot(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** Writes the download to {@code target}, which must not exist yet; returns its size in bytes. */
    public long write(Path target) throws IOException {
        if (Files.exists(target)) throw new IOException("will not overwrite " + target);
        Path absolute = target.toAbsolutePath();
        if (dialect != Dialect.SQLITE) return writeFromServer(absolute);
        Path copy = absolute.resolveSibling(absolute.getFileName() + ".snapshot");
        Files.deleteIfExists(copy);
        try {
            jdbi.useHandle(h -> h.execute("VACUUM INTO ?", copy.toString()));
            ExportDao snapshot = new ExportDao(Jdbi.create("jdbc:sqlite:" + copy));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute)) {
                write(snapshot, c);
            }
            return Files.size(target);
        } catch (SQLException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw new IOException("cannot make the SQLite download: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * The download built from a server database: every table read in one read-only REPEATABLE READ transaction
     * (the export queries reuse its handle), so all of them show the same moment, as the SQLite copy does.
     */
    private long writeFromServer(Path target) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target)) {
            jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                h.execute("SET TRANSACTION READ ONLY");
                write(new ExportDao(jdbi), c);
            });
            return Files.size(target);
        } catch (SQLException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw new IOException("cannot make the SQLite download: " + e.getMessage(), e);
        }
    }

    private static void write(ExportDao source, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // a file made once and then only read: no journal needed while writing it
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA foreign_keys = OFF");
            for (ExportTable t : ExportTables.ALL) s.execute(createTable(t));
        }
        c.setAutoCommit(false);
        for (ExportTable t : ExportTables.ALL) copy(source, t, c);
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE " + POSTS_FTS + " USING fts5(title, content='posts', content_rowid='post_id')");
            s.execute("INSERT INTO " + POSTS_FTS + "(" + POSTS_FTS + ") VALUES ('rebuild')");
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("VACUUM");
        }
    }

    /** The CREATE TABLE of an exported table: its columns in order, NOT NULL where always set, its keys. */
    static String createTable(ExportTable t) {
        StringJoiner cols = new StringJoiner(",\n    ", "CREATE TABLE " + t.name() + " (\n    ", "\n)");
        for (Column col : t.columns()) {
            cols.add(col.name() + " " + sqlType(col.type()) + (col.required() ? " NOT NULL" : ""));
        }
        cols.add("PRIMARY KEY (" + String.join(", ", t.primaryKey()) + ")");
        for (ForeignKey fk : t.foreignKeys()) {
            cols.add("FOREIGN KEY (" + fk.column() + ") REFERENCES " + fk.table() + " (" + fk.referencedColumn() + ")");
        }
        return cols.toString();
    }

    /** The storage class of a column type: booleans as 0 and 1, times and days as ISO 8601 text. */
    static String sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER, BOOLEAN -> "INTEGER";
            case NUMBER -> "REAL";
            case STRING, DATETIME, DATE -> "TEXT";
        };
    }

    private static void copy(ExportDao source, ExportTable t, Connection c) throws SQLException {
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < t.columns().size(); i++) marks.add("?");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + t.name() + " VALUES " + marks)) {
            List<SQLException> failure = new ArrayList<>(1);
            int[] pending = {0};
            source.stream(t, ExportFilter.NONE, 0, 0, values -> {
                if (!failure.isEmpty()) return;
                try {
                    for (int i = 0; i < values.length; i++) bind(insert, i + 1, values[i]);
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    failure.add(e);
                }
            });
            if (!failure.isEmpty()) throw failure.get(0);
            if (pending[0] > 0) insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement p, int index, Object value) throws SQLException {
        if (value == null) p.setNull(index, java.sql.Types.NULL);
        else if (value instanceof Long l) p.setLong(index, l);
        else if (value instanceof Integer i) p.setLong(index, i);
        else if (value instanceof Double d) p.setDouble(index, d);
        else if (value instanceof Boolean b) p.setInt(index, b ? 1 : 0);
        else if (value instanceof Instant i) p.setString(index, IsoInstant.format(i));
        else p.setString(index, value.toString());
    }
}
