package org.officialblogs.registry;

import java.time.Instant;

/** One moderator action: who, what, on which record, when, and JSON snapshots of the record before and after. */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, Long subjectId,
                         String summary, String beforeJson, String afterJson) {}
