package org.officialblogs.db;

/**
 * The database engines the app runs on, told apart by the JDBC URL: SQLite (the embedded default, one process) and
 * PostgreSQL (several machines). SQL that cannot be written once for both is chosen here, in one place.
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

    /**
     * {@code group_concat(expr, separator)}: the values of one column joined by a separator, in the order the
     * inner query gives them. {@code separatorSql} is an SQL expression (a quoted literal or {@link #unitSeparator}).
     */
    public String groupConcat(String expr, String separatorSql) {
        return switch (this) {
            case SQLITE -> "group_concat(" + expr + ", " + separatorSql + ")";
            case POSTGRESQL -> "string_agg(" + expr + ", " + separatorSql + ")";
        };
    }

    /** The ASCII unit separator (31) as an SQL expression: joins values that may hold any printable text. */
    public String unitSeparator() {
        return switch (this) {
            case SQLITE -> "char(31)";
            case POSTGRESQL -> "chr(31)";
        };
    }
}
