package org.officialblogs.crawl;

import java.time.Duration;

/**
 * How much work one crawl of a blog may do.
 *
 * @param backfillHorizon      the first crawl pages back through the feed until posts are older than this
 * @param backfillMaxPages     and reads at most this many extra feed pages
 * @param measurementWindow    posts younger than this have their comments collected
 * @param redirectConfirmations crawls in a row that must see the same permanent redirect before the feed URL changes
 * @param commentChecksPerCrawl most posts whose comments one crawl of a blog reads (the rest wait for the next one)
 * @param discoveryCandidates  most feed addresses tried when looking for a blog's feed
 */
public record CrawlSettings(Duration backfillHorizon, int backfillMaxPages, Duration measurementWindow,
                            int redirectConfirmations, int commentChecksPerCrawl, int discoveryCandidates) {

    /** A permanent redirect replaces the stored feed address after this many crawls in a row see it. */
    public static final int REDIRECT_CONFIRMATIONS = 3;
    /** Posts whose comments one crawl of a blog reads at most. */
    public static final int COMMENT_CHECKS_PER_CRAWL = 40;
    /** Feed addresses tried at most when looking for a blog's feed. */
    public static final int DISCOVERY_CANDIDATES = 8;

    /** The configured history and comment windows, with the standard limits above. */
    public static CrawlSettings of(Duration backfillHorizon, int backfillMaxPages, Duration measurementWindow) {
        return new CrawlSettings(backfillHorizon, backfillMaxPages, measurementWindow, REDIRECT_CONFIRMATIONS,
                COMMENT_CHECKS_PER_CRAWL, DISCOVERY_CANDIDATES);
    }
}
