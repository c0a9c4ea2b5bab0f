package org.officialblogs.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sessions: a fresh random token per login (so a token planted before login is worthless), stored
 * only as its hash, with a fixed lifetime; logging out deletes the row, so a stolen cookie dies with it.
 */
public final class SessionService {

    /** How long a moderator's session lasts after login: a working day, then log in again. */
    public static final java.time.Duration SESSION_LENGTH = java.time.Duration.ofHours(12);

    /** A new session: the token for the cookie (shown once, never stored) and the session it opens. */
    public record Started(String token, ActiveSession session) {}

    private final SessionDao dao;
    private final SecretTokens tokens;
    private final Clock clock;
    private final Duration lifetime;

    public SessionService(SessionDao dao, SecretTokens tokens, Clock clock, Duration lifetime) {
        this.dao = dao;
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Started start(Account account) {
        Instant now = clock.instant();
        dao.deleteExpired(now);
        String token = tokens.generate();
        String csrf = tokens.generate();
        Instant expires = now.plus(lifetime);
        dao.insert(SecretTokens.hash(token), account.id(), csrf, now, expires);
        return new Started(token, new ActiveSession(account.id(), account.username(), csrf, expires));
    }

    /** The live session for a cookie's token; empty for a missing, malformed, unknown or expired token. */
    public Optional<ActiveSession> resolve(String token) {
        if (!SecretTokens.looksLikeToken(token)) return Optional.empty();
        return dao.find(SecretTokens.hash(token), clock.instant());
    }

    public void end(String token) {
        if (SecretTokens.looksLikeToken(token)) dao.delete(SecretTokens.hash(token));
    }
}
