package org.officialblogs.crawl.feed;

/** Why a body could not be read as a feed. */
public enum FeedFailureKind {
    /** Not a feed at all: an HTML page, JSON, plain text, an empty body or binary data; discovery may help. */
    NOT_A_FEED,
    /** Looks like RSS/Atom/XML but is broken beyond the repairs the best readers make (e.g. truncated). */
    MALFORMED,
    /** Refused for safety: the document declares an internal DTD subset (entities), as XXE and billion-laughs do. */
    UNSAFE
}
