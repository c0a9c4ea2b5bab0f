package org.officialblogs.crawl.comments;

import java.util.Objects;

/** A comment source that could not be read: what kind of failure, and a message a person can act on. */
public record ReadFailure(ReadFailureKind kind, String message) {
    public ReadFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
