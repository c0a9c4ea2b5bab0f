package org.officialblogs.metrics;

/**
 * Whether a blog can be reached, as the recompute sees it: the registry's listing status (a lead has no address, an
 * offline blog is gone) and the crawler's record (successes, the verdict "unreachable"). Derived in one place,
 * {@link ListedBlog#reachability()}; the crawler decides when failures make a blog unreachable.
 */
public enum Reachability {
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
