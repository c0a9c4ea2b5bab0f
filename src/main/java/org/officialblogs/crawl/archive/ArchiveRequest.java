package org.officialblogs.crawl.archive;

import java.net.URI;
import org.officialblogs.crawl.feed.Platform;

/**
 * A blog to read from the archive.
 *
 * @param feedUrl  the blog's feed address as the registry knows it, or null
 * @param siteUrl  the blog's home page, or null (then the feed's site root stands in)
 * @param platform the blog's platform, for its usual feed paths; null when unknown
 * @param fromYear the first year of captures to list (the blog's first active year), or null for no bound
 * @param toYear   the last year the blog was active, or null; captures of the following year are listed too, since
 *                 a feed keeps listing the last posts for a while after them
 */
public record ArchiveRequest(URI feedUrl, URI siteUrl, Platform platform, Integer fromYear, Integer toYear) {

    public ArchiveRequest {
        if (feedUrl == null && siteUrl == null) {
            throw new IllegalArgumentException("an archive read needs the blog's feed or site address");
        }
        platform = platform == null ? Platform.OTHER : platform;
        if (fromYear != null && (fromYear < 1990 || fromYear > 9998)) {
            throw new IllegalArgumentException("fromYear out of range: " + fromYear);
        }
        if (toYear != null && (toYear < 1990 || toYear > 9998)) {
            throw new IllegalArgumentException("toYear out of range: " + toYear);
        }
        if (fromYear != null && toYear != null && toYear < fromYear) {
            throw new IllegalArgumentException("toYear " + toYear + " is before fromYear " + fromYear);
        }
    }
}
