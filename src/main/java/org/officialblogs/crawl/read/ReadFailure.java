package org.officialblogs.crawl.read;

import java.util.Objects;

/** A body that could not be read (a feed, a comment feed, a page, a REST answer): its kind and a message a person can act on. */
public record ReadFailure(ReadFailureKind kind, String message) {
    public ReadFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
