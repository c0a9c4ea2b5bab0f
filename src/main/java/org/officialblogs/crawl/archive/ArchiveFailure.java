package org.officialblogs.crawl.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * What went wrong with one request to the archive, or with what it answered.
 *
 * @param kind       the kind, for people and for deciding what to do next
 * @param message    the detail: the address, the status, where the answer broke
 * @param httpStatus the archive's HTTP status, 0 when none arrived or it does not apply
 * @param retryAt    until when the archive asked us to wait, or null
 */
public record ArchiveFailure(ArchiveFailureKind kind, String message, int httpStatus, Instant retryAt) {

    public ArchiveFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static ArchiveFailure of(ArchiveFailureKind kind, String message) {
        return new ArchiveFailure(kind, message, 0, null);
    }

    /** A failure that ends the whole read (the archive asked for a pause), not just this capture. */
    public boolean stopsTheRead() {
        return kind == ArchiveFailureKind.RATE_LIMITED;
    }
}
