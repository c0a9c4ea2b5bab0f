package org.officialblogs.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for moderator accounts. */
public final class AccountDao {

    /** An account with its stored password hash, for checking a login. */
    record Credentials(Account account, String passwordHash) {}

    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(rs.getLong("id"), rs.getString("username"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            rs.getObject("last_login_at") == null ? null : Instant.ofEpochMilli(rs.getLong("last_login_at")));

    private final Jdbi jdbi;

    public AccountDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts an account; empty when the username is taken. */
    Optional<Long> insert(String username, String passwordHash, Instant now) {
        return jdbi.inTransaction(h -> {
            boolean taken = h.createQuery("SELECT count(*) FROM account WHERE username = :u").bind("u", username)
                    .mapTo(Integer.class).one() > 0;
            if (taken) return Optional.empty();
            return Optional.of(h.createUpdate("""
                    INSERT INTO account (username, password_hash, created_at) VALUES (:u, :hash, :now)
                    """).bind("u", username).bind("hash", passwordHash).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        });
    }

    Optional<Credentials> credentials(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account WHERE username = :u").bind("u", username)
                .map((rs, ctx) -> new Credentials(ACCOUNT.map(rs, ctx), rs.getString("password_hash"))).findOne());
    }

    void recordLogin(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE account SET last_login_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute());
    }

    public List<Account> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account ORDER BY username").map(ACCOUNT).list());
    }

    /** Deletes the account and, by cascade, its sessions; false when there was none. */
    boolean delete(String username) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM account WHERE username = :u").bind("u", username).execute() > 0);
    }
}
