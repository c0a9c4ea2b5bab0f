package org.officialblogs.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database (SQLite by default: WAL, foreign keys on, a busy timeout so writers queue instead of failing;
 * PostgreSQL for several machines), runs the Flyway migrations of its engine and hands out a configured
 * {@link Jdbi} over a pool of connections. Instants are stored as epoch milliseconds on both.
 */
public final class Database implements AutoCloseable {

    /** Connections kept open: WAL lets readers work beside the one writer; more would only hold memory. */
    static final int POOL_SIZE = 8;

    /** Connections to a PostgreSQL server: a node's crawl workers and page requests write at once there. */
    static final int SERVER_POOL_SIZE = 16;

    /** How long a write waits for another writer's lock unless told otherwise. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final String url;
    private final Dialect dialect;
    private final DatabaseHealth health;
    private final SingleWriter writer;
    private final DataVersion dataVersion;
    private final ReadSnapshot snapshot;

    private Database(String url, DataSource dataSource, int busyTimeoutMs) {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantAsEpochMillis());
        if (dialect == Dialect.POSTGRESQL) jdbi.registerArgument(new BooleanAsInteger());
        // PostgreSQL's driver keeps its own prepared statements; SQLite's prepares every statement afresh
        if (dialect == Dialect.SQLITE) jdbi.setStatementBuilderFactory(new ReusedStatements());
        // SQLite's planner hints, written <name> in the DAOs' SQL; other engines plan without them
        jdbi.define("postPublishedIndex", dialect == Dialect.SQLITE ? "INDEXED BY post_published" : "");
        jdbi.define("keepOuterJoin", dialect == Dialect.SQLITE ? "CROSS JOIN" : "JOIN");
        // a claim skips rows another node holds locked; SQLite has one writer at a time and no row locks
        jdbi.define("skipLocked", dialect == Dialect.POSTGRESQL ? "FOR UPDATE SKIP LOCKED" : "");
        // metrics writes re-rank every blog: on PostgreSQL one node at a time (SQLite's writers queue at BEGIN)
        jdbi.define("serializeMetricsWrites",
                dialect == Dialect.POSTGRESQL ? "LOCK TABLE blog_metrics IN SHARE ROW EXCLUSIVE MODE" : "");
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            long v = rs.getLong(col);
            return rs.wasNull() ? null : Instant.ofEpochMilli(v);
        });
        this.health = new DatabaseHealth(jdbi, file(url), busyTimeoutMs, dialect);
        this.writer = new SingleWriter(jdbi);
        this.dataVersion = new DataVersion(jdbi);
        this.snapshot = new ReadSnapshot(jdbi, dialect);
    }

    /** Opens the database at a jdbc:sqlite: URL, creating the parent folder of a file database, and migrates it. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, DatabaseLogin.NONE, DEFAULT_BUSY_TIMEOUT);
    }

    /** As {@link #open(String, DatabaseLogin, Duration)} without a login (SQLite, or credentials in the URL). */
    public static Database open(String jdbcUrl, Duration busyTimeout) {
        return open(jdbcUrl, DatabaseLogin.NONE, busyTimeout);
    }

    /**
     * As {@link #open(String)}, with the longest a write waits for the lock (then it fails as {@link DatabaseFault}
     * LOCKED). A database that cannot be used at all (damaged, not a database, unopenable) throws
     * {@link DatabaseUnavailableException} with one line that says what to do; one that opens but cannot be
     * written (read-only, full disk) is logged in one line and opened for reading.
     */
    public static Database open(String jdbcUrl, DatabaseLogin login, Duration busyTimeout) {
        try {
            Database db = Dialect.of(jdbcUrl) == Dialect.POSTGRESQL ? connectServer(jdbcUrl, login, busyTimeout)
                    : connect(jdbcUrl, busyTimeout);
            db.health.writeProblem().ifPresent(f -> log.warn("database not writable: {} Pages are served; nothing can be saved until this is fixed.", f.line()));
            db.health.spaceProblem().ifPresent(p -> log.warn("database disk full: {}", p));
            return db;
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            DatabaseFault fault = DatabaseFault.of(e, file(jdbcUrl)).orElse(null);
            if (fault == null) throw e;
            throw new DatabaseUnavailableException(fault, e);
        }
    }

    private static Database connect(String jdbcUrl, Duration busyTimeout) {
        createParentDirectory(jdbcUrl);
        int busyMs = (int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis());
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        // a write waiting longer than this for another writer gives up (503 on a page) rather than hang a request
        config.setBusyTimeout(busyMs);
        // Write transactions take the lock at BEGIN, so two writers queue on the busy timeout instead of
        // failing with SQLITE_BUSY when a reader upgrades to a writer.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(jdbcUrl);
        // Opening a SQLite connection (file, WAL index, pragmas, schema parse) costs milliseconds, more than most
        // queries here; a pool keeps a few open. Each keeps the pragmas above, set when it was opened.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("sqlite");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(60_000);
        return migrated(new Database(jdbcUrl, new HikariDataSource(pool), busyMs));
    }

    /**
     * A PostgreSQL server: HikariCP's pool over the driver, a write that waits for a row lock longer than the busy
     * timeout gives up (as SQLite's busy timeout does), and the migrations of db/postgresql.
     */
    private static Database connectServer(String jdbcUrl, DatabaseLogin login, Duration busyTimeout) {
        int busyMs = (int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        if (!login.user().isEmpty()) pool.setUsername(login.user());
        if (!login.password().isEmpty()) pool.setPassword(login.password());
        pool.setPoolName("postgresql");
        pool.setMaximumPoolSize(SERVER_POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(30_000);
        // fail at once when the server cannot be reached, with the driver's words, instead of after the timeout
        pool.setInitializationFailTimeout(1);
        pool.setConnectionInitSql("SET lock_timeout = " + busyMs);
        return migrated(new Database(jdbcUrl, new HikariDataSource(pool), busyMs));
    }

    private static Database migrated(Database db) {
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The database file a jdbc:sqlite: URL names, or null for an in-memory or file: URI database. */
    static String file(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) return null;
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return null;
        return file;
    }

    /** Whether the database can be read and written now. */
    public DatabaseHealth health() {
        return health;
    }

    /** The fault behind an exception from this database, if it is one. */
    public java.util.Optional<DatabaseFault> fault(Throwable e) {
        return DatabaseFault.of(e, file(url));
    }

    private static void createParentDirectory(String jdbcUrl) {
        String file = file(jdbcUrl);
        if (file == null) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent == null) return;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the migrations of the URL's engine on that database and nothing else (no pool, no health probe row):
     * for a database about to be filled by a copy, which must hold no rows the app writes when it opens.
     */
    public static void migrateSchema(String jdbcUrl, DatabaseLogin login) {
        Flyway.configure()
                .dataSource(jdbcUrl, login.user().isEmpty() ? null : login.user(), login.password().isEmpty() ? null : login.password())
                .locations(Dialect.of(jdbcUrl).migrations())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The one writer that busy write paths (the crawler) share, so their transactions queue without a connection. */
    public SingleWriter writer() {
        return writer;
    }

    /** The version of what the pages show, shared by every process on this database. */
    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** Runs a page's reads together, in one read transaction: see {@link ReadSnapshot}. */
    public ReadSnapshot snapshot() {
        return snapshot;
    }

    public String url() {
        return url;
    }

    /** The connection pool, for a library that takes its connections itself (Quartz's clustered job store). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The engine behind this database, for the few statements written apart for each. */
    public Dialect dialect() {
        return dialect;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        writer.close();
        if (dataSource instanceof HikariDataSource pooled) {
            pooled.close();
        }
    }

    /** True when a trivial query succeeds (for /health). */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Binds booleans as 1 and 0, as SQLite stores them: the flag columns are INTEGER on both engines, so the same
     * SQL and the same rows serve both (PostgreSQL would refuse a boolean for an integer column).
     */
    private static final class BooleanAsInteger implements org.jdbi.v3.core.argument.ArgumentFactory {
        @Override
        public java.util.Optional<Argument> build(java.lang.reflect.Type type, Object value, ConfigRegistry config) {
            if (type != Boolean.class && type != boolean.class) return java.util.Optional.empty();
            Boolean b = (Boolean) value;
            return java.util.Optional.of((position, statement, ctx) -> {
                if (b == null) statement.setNull(position, Types.INTEGER);
                else statement.setInt(position, b ? 1 : 0);
            });
        }
    }

    /** Binds {@link Instant} as epoch milliseconds, the storage convention of every *_at column. */
    private static final class InstantAsEpochMillis extends AbstractArgumentFactory<Instant> {
        InstantAsEpochMillis() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }
}
