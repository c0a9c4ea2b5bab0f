package org.officialblogs.registry;

import java.time.Instant;

/** An uploaded CSV or OPML file between its dry run and its commit, with the form's shared values. */
public record BulkUpload(long id, String filename, String format, byte[] content, BulkSubmissions.Defaults defaults,
                         Submitter submitter, Instant createdAt, Instant expiresAt, Instant committedAt) {}
