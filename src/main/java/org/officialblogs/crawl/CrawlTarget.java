package org.officialblogs.crawl;

import org.officialblogs.registry.ListingStatus;

/** A blog due for a crawl: its addresses, platform and registry status, with its crawl state. */
public record CrawlTarget(long blogId, long officialId, String siteUrl, String feedUrl, String platform,
                          ListingStatus listingStatus, CrawlState state) {}
