package org.officialblogs.crawl.comments;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Limits and assumptions for reading comments out of pages.
 *
 * @param maxComments at most this many comments are read per page (the page is then marked truncated), so a
 *                    page with a hundred thousand comments costs bounded work
 * @param siteZone    the zone in which dates printed as text ("March 10, 2017 at 6:16 PM") are read; themes
 *                    print the site's local time without a zone
 */
public record HtmlCommentOptions(int maxComments, ZoneId siteZone) {
    public static final int DEFAULT_MAX_COMMENTS = 5_000;
    public static final HtmlCommentOptions DEFAULTS = new HtmlCommentOptions(DEFAULT_MAX_COMMENTS, ZoneOffset.UTC);

    public HtmlCommentOptions {
        if (maxComments < 1) {
            throw new IllegalArgumentException("maxComments must be positive: " + maxComments);
        }
        Objects.requireNonNull(siteZone, "siteZone");
    }
}
