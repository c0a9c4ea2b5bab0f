package org.officialblogs.crawl.comments;

/** Why a comment source could not be read. */
public enum ReadFailureKind {
    /** No bytes, or only whitespace. */
    EMPTY,
    /** The XML declares a DOCTYPE; refused so no entity or external DTD is ever expanded. */
    DOCTYPE_REFUSED,
    /** Not well-formed XML or JSON. */
    MALFORMED,
    /** Well-formed, but not a comment feed / comment list (another root element, a REST error object...). */
    UNEXPECTED_FORMAT
}
