package org.officialblogs.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the rate limits every node shares (table rate_limit): one row per limit and key, holding the start of the
 * key's current window and the events counted in it.
 */
public final class RateLimitDao {

    /** A key's window: when it started and how many events it has counted (refused ones too). */
    record Window(Instant start, long events) {}

    private final Jdbi jdbi;

    public RateLimitDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Counts {@code events} events for the key and returns its window after counting: a window that started at or
     * before {@code expiredAtOrBefore} is over, so the events open a new one at {@code now}. One statement, so the
     * count is atomic on any number of nodes (SQLite's write lock; PostgreSQL locks the row for the update).
     */
    Window count(String limit, String key, long events, Instant now, Instant expiredAtOrBefore) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO rate_limit (name, subject, window_start, events) VALUES (:name, :subject, :now, :n)
                ON CONFLICT (name, subject) DO UPDATE SET
                    events = CASE WHEN rate_limit.window_start <= :expired THEN :n ELSE rate_limit.events + :n END,
                    window_start = CASE WHEN rate_limit.window_start <= :expired THEN :now ELSE rate_limit.window_start END
                RETURNING window_start, events
                """).bind("name", limit).bind("subject", key).bind("n", events).bind("now", now)
                .bind("expired", expiredAtOrBefore)
                .map((rs, ctx) -> new Window(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2))).one());
    }

    /** The key's window, counting nothing; empty when it has none. */
    Optional<Window> window(String limit, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT window_start, events FROM rate_limit WHERE name = :name AND subject = :subject")
                .bind("name", limit).bind("subject", key)
                .map((rs, ctx) -> new Window(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2))).findOne());
    }

    void delete(String limit, String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM rate_limit WHERE name = :name AND subject = :subject")
                .bind("name", limit).bind("subject", key).execute());
    }

    /** Removes the limit's windows that are over; returns how many. */
    int purge(String limit, Instant expiredAtOrBefore) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM rate_limit WHERE name = :name AND window_start <= :expired")
                .bind("name", limit).bind("expired", expiredAtOrBefore).execute());
    }
}
