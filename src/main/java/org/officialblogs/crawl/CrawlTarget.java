package org.officialblogs.crawl;

/** A blog due for a crawl: its addresses, platform and registry status, with its crawl state. */
public record CrawlTarget(long blogId, long officialId, String siteUrl, String feedUrl, String platform,
                          String blogStatus, CrawlState state) {}
