package org.officialblogs.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The crawl trigger of a build without a crawler: logs the request, which the next scheduled crawl covers. */
public final class LoggingCrawlTrigger implements CrawlTrigger {

    private static final Logger log = LoggerFactory.getLogger(LoggingCrawlTrigger.class);

    @Override
    public void requestCrawl(long blogId) {
        log.info("crawl requested blogId={} crawler=none-wired", blogId);
    }
}
