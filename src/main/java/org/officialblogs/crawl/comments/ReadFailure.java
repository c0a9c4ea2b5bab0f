package org.officialblogs.crawl.comments;

import java.util.Objects;
import org.officialblogs.crawl.read.ReadFailureKind;

/** A comment source that could not be read: what kind of failure, and a message a person can act on. */
public record ReadFailure(ReadFailureKind kind, String message) {
    public ReadFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
