package org.officialblogs.auth;

import java.time.Instant;

/** A logged-in moderator: who, the CSRF token their forms must carry, and when the session ends. */
public record ActiveSession(long accountId, String username, String csrfToken, Instant expiresAt) {}
