package org.officialblogs.auth;

import java.time.Instant;

/** A moderator's account (the password hash stays in the DAO). */
public record Account(long id, String username, Instant createdAt, Instant lastLoginAt) {}
