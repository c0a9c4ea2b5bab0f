package org.officialblogs.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A SQLite copy of the public tables: {@code VACUUM INTO} a new file (a consistent copy while the app runs), then,
 * in the copy only, drop the private tables, delete unlisted entries, blank the commenters' names and references,
 * and VACUUM again so nothing deleted survives in free pages.
 */
public final class SqliteSnapshot {

    /** Tables that never leave the server, in an order that drops each before the tables it refers to. */
    public static final List<String> PRIVATE_TABLES = List.of("session", "account", "submission", "bulk_upload",
            "audit_log", "blog_alias", "flyway_schema_history", "health_probe");

    private static final List<String> SCRUB = List.of(
            "DELETE FROM blog WHERE id NOT IN (SELECT id FROM listed_blog)",
            "DELETE FROM crawl_log WHERE blog_id IS NULL",
            "DELETE FROM official WHERE id NOT IN (SELECT official_id FROM blog)",
            "UPDATE comment SET author_name = NULL, author_ref = NULL, decision_note = NULL",
            "UPDATE official SET origin_ref = NULL",
            "UPDATE blog SET origin_ref = NULL",
            "UPDATE source SET origin_ref = NULL");

    private final Jdbi jdbi;

    public SqliteSnapshot(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes the public copy to {@code target}, which must not exist yet; returns its size in bytes. */
    public long write(Path target) throws IOException {
        if (Files.exists(target)) throw new IOException("will not overwrite " + target);
        Path absolute = target.toAbsolutePath();
        jdbi.useHandle(h -> h.execute("VACUUM INTO ?", absolute.toString()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            for (String table : PRIVATE_TABLES) {
                // constant names from the list above
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            for (String sql : SCRUB) s.execute(sql);
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("VACUUM");
        } catch (SQLException e) {
            Files.deleteIfExists(target);
            throw new IOException("cannot make the public copy of the database: " + e.getMessage(), e);
        }
        return Files.size(target);
    }
}
