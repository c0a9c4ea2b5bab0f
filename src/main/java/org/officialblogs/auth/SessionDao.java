package org.officialblogs.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for server-side sessions, keyed by the hash of the cookie's token. */
public final class SessionDao {

    private final Jdbi jdbi;

    public SessionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String tokenHash, long accountId, String csrfToken, Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO session (token_hash, account_id, csrf_token, created_at, expires_at)
                VALUES (:hash, :account, :csrf, :created, :expires)
                """).bind("hash", tokenHash).bind("account", accountId).bind("csrf", csrfToken)
                .bind("created", createdAt).bind("expires", expiresAt).execute());
    }

    Optional<ActiveSession> find(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.account_id, a.username, s.csrf_token, s.expires_at
                FROM session s JOIN account a ON a.id = s.account_id
                WHERE s.token_hash = :hash AND s.expires_at > :now
                """).bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new ActiveSession(rs.getLong("account_id"), rs.getString("username"),
                        rs.getString("csrf_token"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    void delete(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM session WHERE token_hash = :hash").bind("hash", tokenHash).execute());
    }

    int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM session WHERE expires_at <= :now").bind("now", now).execute());
    }
}
