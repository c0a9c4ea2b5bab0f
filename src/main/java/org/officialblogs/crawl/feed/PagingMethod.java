package org.officialblogs.crawl.feed;

/** How the next page of a feed's history was found. */
public enum PagingMethod {
    /** RFC 5005 archived feed: {@code link rel="prev-archive"}. */
    RFC5005_PREV_ARCHIVE,
    /** RFC 5005 paged feed: {@code link rel="next"} (Blogger prints it too). */
    RFC5005_NEXT,
    /** WordPress feeds accept {@code ?paged=N}. */
    WORDPRESS_PAGED,
    /** Blogger feeds accept {@code start-index} (1-based) and {@code max-results}. */
    BLOGGER_START_INDEX
}
