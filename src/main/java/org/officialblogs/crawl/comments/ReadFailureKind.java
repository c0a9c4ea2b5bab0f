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
    UNEXPECTED_FORMAT,
    /** A comment API answered with something other than JSON (an HTML login wall, error or challenge page). */
    NOT_JSON,
    /** 401: the API wants a signed-in reader. */
    UNAUTHORIZED,
    /** 403: the API refuses this reader. */
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

    /**
     * Whether the failure says the source will stay closed to the crawler until someone changes something (a
     * sign-in, a paywall, robots.txt, a web page where an API should be), rather than a passing or per-post problem.
     */
    public boolean refusal() {
        return this == UNAUTHORIZED || this == FORBIDDEN || this == PAID_ONLY || this == ROBOTS_DISALLOWED
                || this == NOT_JSON;
    }
}
