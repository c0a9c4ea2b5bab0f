package org.officialblogs.crawl.read;

import org.officialblogs.crawl.fetch.FailureKind;

/**
 * Why a fetched body (a feed, a comment feed, a post's page, a comment API's answer) could not be read. The readers
 * report these; {@link #failureKind()} is the one mapping to the kinds the crawl state and log store and people see.
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
    UNSAFE,
    /** A comment API answered with something other than JSON (an HTML login wall, error or challenge page). */
    NOT_JSON,
    /** 401: the comment API wants a signed-in reader. */
    UNAUTHORIZED,
    /** 403: the comment API refuses this reader. */
    FORBIDDEN,
    /** The comments are for paying subscribers or members only. */
    PAID_ONLY,
    /** robots.txt does not let the crawler read the address. */
    ROBOTS_DISALLOWED,
    /** 404 or 410: no such post, thread or endpoint. */
    NOT_FOUND,
    /** 429, or the API's own "slow down": asked to wait before asking again. */
    RATE_LIMITED,
    /** Another 4xx (400, 405...). */
    CLIENT_ERROR,
    /** 5xx: the service had an error or is unavailable. */
    SERVER_ERROR,
    /** No usable answer: name lookup, connection, timeout, TLS, a blocked address, a body over the size limit. */
    UNREACHABLE;

    /** The stored kind: a body that is not what was asked for is NOT_A_FEED, a broken or refused one MALFORMED. */
    public FailureKind failureKind() {
        return switch (this) {
            case EMPTY, UNEXPECTED_FORMAT, NOT_JSON -> FailureKind.NOT_A_FEED;
            case MALFORMED, UNSAFE -> FailureKind.MALFORMED;
            case UNAUTHORIZED, FORBIDDEN, PAID_ONLY, NOT_FOUND, CLIENT_ERROR -> FailureKind.HTTP_4XX;
            case ROBOTS_DISALLOWED -> FailureKind.ROBOTS_DISALLOWED;
            case RATE_LIMITED -> FailureKind.RATE_LIMITED;
            case SERVER_ERROR -> FailureKind.HTTP_5XX;
            case UNREACHABLE -> FailureKind.NETWORK;
        };
    }

    /**
     * Whether the failure says the source will stay closed to the crawler until someone changes something (a
     * sign-in, a paywall, robots.txt, a web page where an API should be), rather than a passing or per-post problem.
     */
    public boolean refusal() {
        return this == UNAUTHORIZED || this == FORBIDDEN || this == PAID_ONLY || this == ROBOTS_DISALLOWED
                || this == NOT_JSON;
    }
}
