package org.officialblogs.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.officialblogs.db.IdentitySequences;

/**
 * Copies a SQLite database into a PostgreSQL one that has the same schema (its twin migrations applied), and checks
 * the copy. The plan is read from both catalogs: every table of the PostgreSQL schema (but Flyway's history) in
 * foreign-key order, its columns as PostgreSQL names them, each read from the SQLite column of the same name (the
 * implicit rowid where PostgreSQL keeps it as a column). Rows go over in key order in batches, ids as they are;
 * identity counters are moved past them afterwards. The check counts and hashes every table on both sides with
 * {@link RowChecksum}. The caller owns the transactions: the source is read in one read transaction, the target
 * written in one, committed only when every table matches.
 */
public final class PostgresMigration {

    /** Rows sent to PostgreSQL per batch. */
    static final int BATCH = 1_000;
    /** A progress line within a table every so many rows. */
    static final long PROGRESS_EVERY = 100_000;

    /** Tables whose one row the migrations themselves write: not data, replaced by the SQLite database's row. */
    public static final java.util.Set<String> SEEDED_BY_MIGRATIONS = java.util.Set.of("data_version");

    /** The plan of one table: PostgreSQL's columns, the SQLite expression each is read from, how to order the rows. */
    public record Table(String name, List<String> columns, List<String> dataTypes, List<String> sourceExpressions,
            List<RowChecksum.Kind> kinds, String sourceOrder, String targetOrder, boolean identityAlways) {

        String sourceSelect() {
            return "SELECT " + String.join(", ", sourceExpressions) + " FROM " + IdentitySequences.quote(name)
                    + " ORDER BY " + sourceOrder;
        }

        String targetSelect() {
            List<String> quoted = columns.stream().map(IdentitySequences::quote).toList();
            return "SELECT " + String.join(", ", quoted) + " FROM " + IdentitySequences.quote(name) + " ORDER BY " + targetOrder;
        }
    }

    /** The plan: the tables to copy in order, and the PostgreSQL tables the SQLite database does not have. */
    public record Plan(List<Table> tables, List<String> targetOnly) {}

    /** One table compared: rows and SHA-256 on each side. */
    public record Check(String table, long sourceRows, String sourceSum, long targetRows, String targetSum) {
        public boolean ok() {
            return sourceRows == targetRows && sourceSum.equals(targetSum);
        }
    }

    /** Why the two databases cannot be paired (their schemas differ), in a sentence. */
    public static final class SchemaMismatch extends Exception {
        SchemaMismatch(String message) {
            super(message);
        }
    }

    private final Connection source;
    private final Connection target;

    /** Over an open SQLite connection (read) and an open PostgreSQL connection (written). */
    public PostgresMigration(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /** The PostgreSQL tables (but Flyway's history) that hold rows, with how many; empty for an empty database. */
    public static Map<String, Long> nonEmptyTables(Connection target) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        for (String table : targetTables(target)) {
            if (SEEDED_BY_MIGRATIONS.contains(table)) continue;
            try (Statement s = target.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + IdentitySequences.quote(table))) {
                rs.next();
                if (rs.getLong(1) > 0) found.put(table, rs.getLong(1));
            }
        }
        return found;
    }

    private static List<String> targetTables(Connection target) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                    AND table_name <> 'flyway_schema_history'
                ORDER BY table_name""")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        return tables;
    }

    /** Reads both catalogs and pairs every table and column, or says what does not pair. */
    public Plan plan() throws SQLException, SchemaMismatch {
        List<String> targetTables = targetTables(target);
        Map<String, List<String>> sourceTables = sourceTables();
        List<String> problems = new ArrayList<>();
        List<String> sourceOnly = sourceTables.keySet().stream().filter(t -> !targetTables.contains(t)).sorted().toList();
        if (!sourceOnly.isEmpty()) {
            problems.add("the PostgreSQL schema has no table " + String.join(", ", sourceOnly));
        }
        List<Table> tables = new ArrayList<>();
        List<String> targetOnly = new ArrayList<>();
        for (String name : foreignKeyOrder(targetTables)) {
            List<String> sourceColumns = sourceTables.get(name);
            if (sourceColumns == null) {
                targetOnly.add(name);
                continue;
            }
            Table t = table(name, sourceColumns, problems);
            if (t != null) tables.add(t);
        }
        if (!problems.isEmpty()) throw new SchemaMismatch(String.join("; ", problems));
        return new Plan(tables, targetOnly);
    }

    private Map<String, List<String>> sourceTables() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                    AND name <> 'flyway_schema_history' ORDER BY name""")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        for (String name : names) {
            List<String> columns = new ArrayList<>();
            try (Statement s = source.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA table_info(" + IdentitySequences.quote(name) + ")")) {
                while (rs.next()) columns.add(rs.getString("name"));
            }
            tables.put(name, columns);
        }
        return tables;
    }

    private Table table(String name, List<String> sourceColumns, List<String> problems) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<RowChecksum.Kind> kinds = new ArrayList<>();
        boolean always = false;
        Map<String, String> sourceByLower = new HashMap<>();
        for (String c : sourceColumns) sourceByLower.put(c.toLowerCase(Locale.ROOT), c);
        try (PreparedStatement p = target.prepareStatement("""
                SELECT column_name, data_type, identity_generation FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'
                ORDER BY ordinal_position""")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    String from = sourceByLower.remove(column.toLowerCase(Locale.ROOT));
                    if (from != null) {
                        expressions.add(IdentitySequences.quote(from));
                    } else if (column.equals("rowid")) {
                        expressions.add("rowid"); // PostgreSQL keeps SQLite's implicit row order as a column
                    } else {
                        problems.add("the SQLite table " + name + " has no column " + column);
                        continue;
                    }
                    columns.add(column);
                    types.add(rs.getString(2));
                    kinds.add(RowChecksum.Kind.ofPostgres(rs.getString(2)));
                    always |= "ALWAYS".equals(rs.getString(3));
                }
            }
        }
        if (!sourceByLower.isEmpty()) {
            problems.add("the PostgreSQL table " + name + " has no column " + String.join(", ", new TreeSet<>(sourceByLower.values())));
        }
        List<String> key = primaryKey(name);
        boolean noKey = key.isEmpty();
        if (noKey) key = columns;
        List<String> sourceOrder = new ArrayList<>();
        List<String> targetOrder = new ArrayList<>();
        for (String k : key) {
            int i = columns.indexOf(k);
            if (i < 0) continue;
            boolean text = kinds.get(i) == RowChecksum.Kind.TEXT;
            String nulls = noKey ? " NULLS FIRST" : "";
            // byte order of UTF-8 on both sides: SQLite's BINARY, PostgreSQL's "C"
            sourceOrder.add(expressions.get(i) + (text ? " COLLATE BINARY" : "") + nulls);
            targetOrder.add(IdentitySequences.quote(k) + (text ? " COLLATE \"C\"" : "") + nulls);
        }
        if (columns.isEmpty()) return null;
        return new Table(name, columns, types, expressions, kinds, String.join(", ", sourceOrder),
                String.join(", ", targetOrder), always);
    }

    private List<String> primaryKey(String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement p = target.prepareStatement("""
                SELECT a.attname FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
                WHERE i.indisprimary AND n.nspname = current_schema() AND t.relname = ?
                ORDER BY array_position(i.indkey::int2[], a.attnum)""")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) key.add(rs.getString(1));
            }
        }
        return key;
    }

    /** The tables ordered so each comes after the tables its foreign keys name (alphabetical where free). */
    List<String> foreignKeyOrder(List<String> tables) throws SQLException, SchemaMismatch {
        Map<String, TreeSet<String>> parents = new TreeMap<>();
        for (String t : tables) parents.put(t, new TreeSet<>());
        try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT child.relname, parent.relname FROM pg_constraint c
                JOIN pg_class child ON child.oid = c.conrelid
                JOIN pg_class parent ON parent.oid = c.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE c.contype = 'f' AND n.nspname = current_schema()""")) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        return order(parents);
    }

    /** Kahn's order of a dependency map (table to the tables it needs first); a cycle cannot be ordered. */
    static List<String> order(Map<String, TreeSet<String>> parents) throws SchemaMismatch {
        List<String> ordered = new ArrayList<>();
        Map<String, TreeSet<String>> left = new TreeMap<>();
        parents.forEach((k, v) -> left.put(k, new TreeSet<>(v)));
        while (!left.isEmpty()) {
            String next = left.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (next == null) {
                throw new SchemaMismatch("the foreign keys of " + String.join(", ", left.keySet())
                        + " form a cycle; they cannot be copied one table after another");
            }
            left.remove(next);
            for (TreeSet<String> needs : left.values()) needs.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    /** Copies one table's rows, in batches, telling {@code progress} every {@value #PROGRESS_EVERY} rows. */
    public long copy(Table t, Consumer<Long> progress) throws SQLException {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < t.columns().size(); i++) marks.append(i == 0 ? "?" : ", ?");
        String insert = "INSERT INTO " + IdentitySequences.quote(t.name()) + " ("
                + String.join(", ", t.columns().stream().map(IdentitySequences::quote).toList()) + ")"
                + (t.identityAlways() ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + marks + ")";
        long rows = 0;
        if (SEEDED_BY_MIGRATIONS.contains(t.name())) {
            try (Statement clear = target.createStatement()) {
                clear.executeUpdate("DELETE FROM " + IdentitySequences.quote(t.name()));
            }
        }
        try (Statement read = source.createStatement(); PreparedStatement write = target.prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery(t.sourceSelect())) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 0; i < t.columns().size(); i++) bind(t, i, rs, write);
                    write.addBatch();
                    rows++;
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                    if (rows % PROGRESS_EVERY == 0) progress.accept(rows);
                }
                if (pending > 0) write.executeBatch();
            }
        }
        return rows;
    }

    private static void bind(Table t, int i, ResultSet rs, PreparedStatement p) throws SQLException {
        int index = i + 1;
        switch (t.kinds().get(i)) {
            case INTEGER -> {
                Object v = rs.getObject(index);
                if (v == null) p.setNull(index, Types.BIGINT);
                else if (v instanceof Number n) p.setLong(index, n.longValue());
                else p.setLong(index, parseWhole(t, i, v.toString()));
            }
            case REAL -> {
                double v = rs.getDouble(index);
                if (rs.wasNull()) p.setNull(index, Types.DOUBLE);
                else p.setDouble(index, v);
            }
            case BOOLEAN -> {
                Object v = rs.getObject(index);
                if (v == null) p.setNull(index, Types.BOOLEAN);
                else p.setBoolean(index, v instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(v.toString()));
            }
            case BYTES -> {
                byte[] v = rs.getBytes(index);
                if (v == null) p.setNull(index, Types.BINARY);
                else p.setBytes(index, v);
            }
            case TEXT -> {
                String v = rs.getString(index);
                String type = t.dataTypes().get(i);
                if (type.equals("text") || type.startsWith("character")) p.setString(index, v);
                else p.setObject(index, v, Types.OTHER); // json, dates and the like: PostgreSQL reads the text
            }
        }
    }

    private static long parseWhole(Table t, int i, String text) throws SQLException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new SQLException(t.name() + "." + t.columns().get(i) + " holds '" + text + "', not a whole number");
        }
    }

    /** Moves every identity counter past the ids just copied; returns how many there are. */
    public int advanceCounters() throws SQLException {
        return IdentitySequences.advance(target).size();
    }

    /** Counts and hashes one table on both sides. */
    public Check check(Table t) throws SQLException {
        RowChecksum left = new RowChecksum();
        try (Statement s = source.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery(t.sourceSelect())) {
                while (rs.next()) left.add(rs, t.kinds());
            }
        }
        RowChecksum right = new RowChecksum();
        try (Statement s = target.createStatement()) {
            s.setFetchSize(BATCH); // a cursor, not the whole table in memory (the target is in a transaction)
            try (ResultSet rs = s.executeQuery(t.targetSelect())) {
                while (rs.next()) right.add(rs, t.kinds());
            }
        }
        return new Check(t.name(), left.rows(), left.hex(), right.rows(), right.hex());
    }
}
