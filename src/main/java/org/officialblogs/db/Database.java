package org.officialblogs.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
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

/**
 * Opens the SQLite database (WAL, foreign keys on, a busy timeout so writers queue instead of failing), runs the
 * Flyway migrations and hands out a configured {@link Jdbi} over a small pool of connections. Instants are stored
 * as epoch milliseconds.
 */
public final class Database implements AutoCloseable {

    /** Connections kept open: WAL lets readers work beside the one writer; more would only hold memory. */
    static final int POOL_SIZE = 8;

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final String url;

    private Database(String url, DataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantAsEpochMillis());
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            long v = rs.getLong(col);
            return rs.wasNull() ? null : Instant.ofEpochMilli(v);
        });
    }

    /** Opens the database at a jdbc:sqlite: URL, creating the parent folder of a file database, and migrates it. */
    public static Database open(String jdbcUrl) {
        createParentDirectory(jdbcUrl);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(30_000);
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
        Database db = new Database(jdbcUrl, new HikariDataSource(pool));
        db.migrate();
        return db;
    }

    private static void createParentDirectory(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent == null) return;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + parent + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String url() {
        return url;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
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
