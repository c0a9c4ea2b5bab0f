package org.officialblogs.crawl.fetch;

import org.officialblogs.db.Coded;

/**
 * Why fetching or reading something failed: the one vocabulary of the crawl state, the crawl log and the crawl's
 * outcome, stored as its code and shown to people by its label. Readers' own kinds map onto it in one place,
 * {@code crawl.read.ReadFailureKind#failureKind()}.
 */
public enum FailureKind implements Coded {
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
    INVALID_URL("The address is not a usable http(s) web address"),
    /** In the log only: the answer arrived but a comment source in it could not be read. */
    UNREADABLE("The answer arrived but could not be read"),
    /** The crawler failed on an error of its own (a bug), not on the site. */
    INTERNAL_ERROR("The crawler failed on an error of its own");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    /** A sentence a reader of the site understands, without the technical detail of the message. */
    @Override
    public String label() {
        return label;
    }

    private static final java.util.regex.Pattern EXCEPTION_PREFIX =
            java.util.regex.Pattern.compile("^(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error):\\s*");
    private static final java.util.regex.Pattern PROGRAM_TEXT =
            java.util.regex.Pattern.compile("\\w+(?:Exception|Error)\\b|\\bjava\\.|\\bjavax\\.|\\borg\\.apache\\.|\\tat ");

    /**
     * The stored detail of a failure as a visitor may read it: without a leading exception class name, and null
     * when what remains is still program text (a class name, a stack frame) rather than words. The stored message
     * keeps everything for the operator.
     */
    public static String plainDetail(String message) {
        if (message == null || message.isBlank()) return null;
        String m = EXCEPTION_PREFIX.matcher(message.strip()).replaceFirst("");
        if (m.isBlank() || PROGRAM_TEXT.matcher(m).find() || m.length() > 200) return null;
        return m;
    }
}
