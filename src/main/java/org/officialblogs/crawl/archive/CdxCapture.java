package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a CDX answer: a capture the archive holds.
 *
 * @param at       the capture's time and original address
 * @param mimeType the Content-Type the site sent (without parameters, as the index keeps it), or null
 * @param status   the HTTP status the site answered with, or null for a revisit record ({@code -})
 * @param digest   the content's digest: equal digests are equal bytes, or null
 * @param length   the stored record's size in bytes, or null when the index does not say
 */
public record CdxCapture(CaptureUrl at, String mimeType, Integer status, String digest, Long length) {

    public CdxCapture {
        Objects.requireNonNull(at, "at");
    }

    public String timestamp() {
        return at.timestamp();
    }

    public Instant capturedAt() {
        return at.capturedAt();
    }

    public URI original() {
        return at.original();
    }

    /** The site answered this capture with a redirect rather than content. */
    public boolean redirect() {
        return status != null && status >= 300 && status < 400;
    }
}
