package org.officialblogs.crawl.feed;

import java.net.URI;

/**
 * Feed-level links, absolute; each null when absent.
 *
 * @param self        rel="self"
 * @param next        RFC 5005 paged feeds rel="next" (older entries on Blogger and most paged feeds)
 * @param previous    rel="previous" (or "prev")
 * @param prevArchive RFC 5005 archived feeds rel="prev-archive"
 * @param hub         WebSub rel="hub"
 */
public record FeedLinks(URI self, URI next, URI previous, URI prevArchive, URI hub) {

    static final FeedLinks NONE = new FeedLinks(null, null, null, null, null);
}
