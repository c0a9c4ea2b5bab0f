package org.officialblogs.crawl.read;

import org.officialblogs.crawl.fetch.FailureKind;

/**
 * Why a fetched body (a feed, a comment feed, a post's page, a REST answer) could not be read. The readers report
 * these; {@link #failureKind()} is the one mapping to the kinds the crawl state and log store and people see.
 */
public enum ReadFailureKind {
    /** No bytes, or only whitespace. */
    EMPTY,
    /**
     * Well-formed, but not the document asked for: an HTML page, JSON or plain text where a feed was expected,
     * another root element, a REST error object. For a feed, discovery may find the real one.
     */
    UNEXPECTED_FORMAT,
    /** Looks like the expected format but is broken beyond the repairs the best readers make (e.g. truncated). */
    MALFORMED,
    /** Refused for safety: the document declares a DOCTYPE (entities), as XXE and billion-laughs do. */
    UNSAFE;

    /** The stored kind: a body that is not a feed at all is NOT_A_FEED, a broken or refused one MALFORMED. */
    public FailureKind failureKind() {
        return this == EMPTY || this == UNEXPECTED_FORMAT ? FailureKind.NOT_A_FEED : FailureKind.MALFORMED;
    }
}
