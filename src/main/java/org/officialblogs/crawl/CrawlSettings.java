package org.officialblogs.crawl;

import java.time.Duration;
import org.officialblogs.Config;

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

    public static CrawlSettings from(Config config) {
        return new CrawlSettings(Duration.ofDays(config.backfillHorizonDays()), config.backfillMaxPages(),
                Duration.ofDays(config.measurementWindowDays()), 3, 40, 8);
    }
}
