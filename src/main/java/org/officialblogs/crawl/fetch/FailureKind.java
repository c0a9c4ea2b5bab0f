package org.officialblogs.crawl.fetch;

/** Why fetching or reading a feed failed; stored with the feed and shown to people, so each kind has a plain label. */
public enum FailureKind {
    DNS("The site's name could not be looked up"),
    CONNECT("The site refused or dropped the connection"),
    TIMEOUT("The site took too long to answer"),
    TLS("The site's secure connection (HTTPS certificate) failed"),
    NETWORK("The connection broke off before the answer was complete"),
    PROTOCOL("The site sent an answer that is not valid HTTP"),
    HTTP_4XX("The site refused the request (client error)"),
    HTTP_5XX("The site had an error or is unavailable"),
    GONE("The feed has been removed for good (410 Gone)"),
    RATE_LIMITED("The site asked us to slow down; waiting before asking again"),
    TOO_LARGE("The answer is larger than we accept"),
    NOT_A_FEED("The address does not lead to a feed"),
    MALFORMED("The feed is broken and cannot be read"),
    ROBOTS_DISALLOWED("The site's robots.txt does not let us read this address"),
    BLOCKED_ADDRESS("The address points to a private or reserved network"),
    TOO_MANY_REDIRECTS("The site redirects too many times or in a loop"),
    INVALID_URL("The address is not a usable http(s) web address");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    /** A sentence a reader of the site understands, without the technical detail of the message. */
    public String label() {
        return label;
    }
}
