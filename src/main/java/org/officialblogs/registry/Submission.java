package org.officialblogs.registry;

import java.time.Instant;

/**
 * A proposal from a civic group, as stored: the entry it proposes (for EVIDENCE, the listed official's entry with
 * the new sources), who sent it, what the feed check found, and the moderator's decision.
 * {@code officialId} is the target of EVIDENCE and, once approved, the entry the submission went into.
 */
public record Submission(
        long id, SubmissionKind kind, SubmissionStatus status, RegistryEntry entry, Submitter submitter, String note,
        BlogPreviewer.Preview preview, Long bulkUploadId, Long bulkLine, Long officialId, Long blogId,
        Instant createdAt, Instant decidedAt, String decidedBy, String rejectReason) {

    /** The address the submitter gave: the blog, else its feed. */
    public String address() {
        return entry.blogUrl() != null ? entry.blogUrl() : entry.feedUrl();
    }
}
