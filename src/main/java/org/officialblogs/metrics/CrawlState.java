package org.officialblogs.metrics;

/** What the crawler knows about reaching a blog; the crawler decides when failures make a blog unreachable. */
public enum CrawlState {
    /** The official is known but no blog address is recorded yet: nothing to crawl. */
    LEAD,
    /** An address is recorded but no crawl has succeeded yet. */
    NOT_CRAWLED_YET,
    /** The last crawl succeeded (or recent failures are still within the crawler's tolerance). */
    OK,
    /** Repeated crawl failures: the data we hold may be stale. */
    UNREACHABLE,
    /** The blog is gone (e.g. 410 Gone, domain lapsed, blog deleted). */
    OFFLINE
}
