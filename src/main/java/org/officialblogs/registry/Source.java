package org.officialblogs.registry;

import java.time.Instant;

/** A public page that states a registry entry (blogId null: it backs the official as a whole). */
public record Source(long id, long officialId, Long blogId, String url, Origin origin, String originRef, Instant addedAt) {}
