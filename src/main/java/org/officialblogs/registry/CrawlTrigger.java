package org.officialblogs.registry;

/**
 * Asks the crawler to fetch a blog soon (after a moderator approves it, or presses "recrawl now"). The crawler
 * implements this ({@code crawl.QueuedCrawlTrigger}). Must not block on the crawl itself.
 */
public interface CrawlTrigger {

    void requestCrawl(long blogId);
}
