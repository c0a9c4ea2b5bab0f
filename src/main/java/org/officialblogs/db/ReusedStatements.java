package org.officialblogs.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each SQLite connection's prepared statements for the next use of the same SQL on that connection, as the
 * statement caches of server databases' drivers do; SQLite's JDBC driver and the pool have none. Preparing is SQLite
 * parsing and planning the text, 11 to 60 µs a statement on the registry's tables, about as long as running the
 * statement: a profile page runs a dozen.
 *
 * <p>Only reads are kept; writes are prepared afresh and closed, as without this cache (see {@link #onlyReads}). A
 * statement is taken out of its connection's cache while in use and put back, reset, when JDBI closes it, so a kept
 * statement holds no read snapshot. The same SQL used again while in use (a query inside the loop over its own
 * results) gets a statement of its own, closed after use. Statements are prepared on the pooled connection's own
 * connection, not the pool's wrapper, since the pool closes what its wrapper prepared when the connection goes back;
 * a connection the pool retires closes its statements with it, and its cache is dropped the next time a handle
 * opens.
 */
final class ReusedStatements implements StatementBuilderFactory {

    /**
     * Statements kept per connection, the least recently used closed first: more than a page, a crawl step or an
     * export runs, and bounded since SQL built for a count of keys or filters varies. A kept statement holds SQLite's
     * compiled program, up to about 33 KB for the widest (every column of a blog's metrics).
     */
    static final int PER_CONNECTION = 64;

    private static final Logger log = LoggerFactory.getLogger(ReusedStatements.class);

    private final Map<Connection, Cache> caches = new IdentityHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection pooled) {
        Connection own;
        try {
            own = pooled.isWrapperFor(org.sqlite.SQLiteConnection.class)
                    ? pooled.unwrap(org.sqlite.SQLiteConnection.class) : pooled;
        } catch (SQLException e) {
            return new DefaultStatementBuilder();
        }
        return new Builder(own, cacheOf(own));
    }

    /** How many connections have a cache now (for tests). */
    synchronized int connections() {
        return caches.size();
    }

    private synchronized Cache cacheOf(Connection own) {
        Cache c = caches.get(own);
        if (c == null) {
            dropClosed();
            c = new Cache();
            caches.put(own, c);
        }
        return c;
    }

    private void dropClosed() {
        caches.keySet().removeIf(conn -> {
            try {
                return conn.isClosed();
            } catch (SQLException e) {
                return true;
            }
        });
    }

    /** One connection's statements by SQL; used only by the thread holding the connection. */
    static final class Cache extends LinkedHashMap<String, PreparedStatement> {

        Cache() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    }

    private static final class Builder implements StatementBuilder {

        private final Connection own;
        private final Cache cache;
        private final DefaultStatementBuilder fresh = new DefaultStatementBuilder();
        /**
         * This handle's statements in use that go back to the cache, with the SQL they were prepared from (JDBI
         * closes a statement with its text before parsing, named parameters and all, not the text prepared).
         */
        private final Map<Statement, String> inUse = new IdentityHashMap<>();

        Builder(Connection own, Cache cache) {
            this.own = own;
            this.cache = cache;
        }

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return fresh.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            PreparedStatement s = cache.remove(sql);
            if (s == null || s.isClosed()) {
                if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable() || !onlyReads(sql)) {
                    return fresh.create(conn, sql, ctx);
                }
                s = own.prepareStatement(sql);
            }
            inUse.put(s, sql);
            return s;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return fresh.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String text, Statement stmt) throws SQLException {
            if (stmt == null) return;
            String sql = inUse.remove(stmt);
            if (sql == null || !(stmt instanceof PreparedStatement ps) || ps.isClosed()) {
                stmt.close();
                return;
            }
            try {
                // a statement whose rows were not all read stays in progress until reset, and SQLite refuses a
                // VACUUM while one is
                reset(ps);
                ps.clearParameters();
                ps.clearBatch();
            } catch (SQLException e) {
                log.debug("a prepared statement could not be cleared for reuse, closing it: {}", e.getMessage());
                ps.close();
                return;
            }
            PreparedStatement other = cache.put(sql, ps);
            if (other != null && other != ps) other.close(); // the same SQL was in use twice: keep one
        }
    }

    private static final Pattern WRITES = Pattern.compile("\\b(INSERT|UPDATE|DELETE|REPLACE)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the SQL only reads: a SELECT, or a WITH, naming no write. Only those are kept. A write the driver ran
     * keeps SQLite from a VACUUM on its connection until the statement is closed, reset or not, and with RETURNING
     * too (found with the driver in use; the SQLite download is made with {@code VACUUM INTO}). A read whose text
     * merely contains such a word is prepared afresh, as without this cache.
     */
    static boolean onlyReads(String sql) {
        String s = sql.stripLeading();
        boolean query = s.regionMatches(true, 0, "SELECT", 0, 6) || s.regionMatches(true, 0, "WITH", 0, 4);
        return query && !WRITES.matcher(s).find();
    }

    /** Resets SQLite's statement itself (the driver's own call for it), as closing its results would. */
    private static void reset(PreparedStatement ps) throws SQLException {
        ps.unwrap(org.sqlite.core.CoreStatement.class).pointer.safeRunConsume((db, statement) -> db.reset(statement));
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException e) {
            log.debug("closing a statement no longer kept: {}", e.getMessage());
        }
    }
}
