package org.officialblogs.db;

/**
 * The database engines the app runs on, told apart by the JDBC URL: SQLite (the embedded default, one process) and
 * PostgreSQL (several machines). Each has its own migrations folder; the
 * PostgreSQL schema defines the few SQLite built-ins the DAOs use (NOCASE, group_concat), so their SQL is one text.
 */
public enum Dialect {
    SQLITE("jdbc:sqlite:", "classpath:db/migration"),
    POSTGRESQL("jdbc:postgresql:", "classpath:db/postgresql");

    private final String urlPrefix;
    private final String migrations;

    Dialect(String urlPrefix, String migrations) {
        this.urlPrefix = urlPrefix;
        this.migrations = migrations;
    }

    /** The engine a JDBC URL names; an unsupported URL is refused with the two forms it may take. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl != null) {
            for (Dialect d : values()) {
                if (jdbcUrl.startsWith(d.urlPrefix)) return d;
            }
        }
        throw new IllegalArgumentException("the database URL must be jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE, got " + jdbcUrl);
    }

    /** True when {@link #of} accepts the URL. */
    public static boolean supports(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith(SQLITE.urlPrefix) || jdbcUrl.startsWith(POSTGRESQL.urlPrefix));
    }

    /** Flyway's location of this engine's migrations (each folder holds the whole schema, numbered alike). */
    String migrations() {
        return migrations;
    }
}
