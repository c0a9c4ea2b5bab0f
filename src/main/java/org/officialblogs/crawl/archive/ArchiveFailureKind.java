package org.officialblogs.crawl.archive;

/** Why reading from the archive failed; shown to people, so each kind has a plain label. */
public enum ArchiveFailureKind {
    UNAVAILABLE("The archive could not be reached or answered with an error"),
    RATE_LIMITED("The archive asked us to wait longer than a read waits; the read stopped and can be resumed later"),
    NOT_CDX("The archive's index answered with something other than its list of captures (an error page?)"),
    CDX_MALFORMED("The archive's index answer is broken or lacks the capture fields"),
    EXCLUDED("The archive does not give access to this site's captures"),
    NOT_IN_ARCHIVE("The archive does not hold this capture"),
    LEFT_ARCHIVE("The capture redirects out of the archive, to the live site; not followed"),
    TOO_MANY_REDIRECTS("The capture redirects too many times or in a loop inside the archive"),
    TOO_LARGE("The capture is larger than we accept"),
    NOT_A_FEED("The capture holds no feed (an HTML page, often an error page the site served as if all were well)"),
    MALFORMED_FEED("The capture holds a feed too broken to read"),
    UNSAFE_FEED("The capture's feed declares entities or a DTD, which we refuse to read");

    private final String label;

    ArchiveFailureKind(String label) {
        this.label = label;
    }

    /** A sentence a reader of the site understands, without the technical detail of the message. */
    public String label() {
        return label;
    }
}
