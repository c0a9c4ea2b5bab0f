package org.officialblogs.crawl;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.officialblogs.registry.CrawlTrigger;

/**
 * "Crawl this blog now" (an approval, a moderator's recrawl): makes the blog due in the database, so the request
 * survives a restart, and starts its crawl in the background without making the moderator wait.
 */
public final class QueuedCrawlTrigger implements CrawlTrigger, AutoCloseable {

    private final CrawlDao dao;
    private final CrawlRunner runner;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crawl-now");
        t.setDaemon(true);
        return t;
    });

    public QueuedCrawlTrigger(CrawlDao dao, CrawlRunner runner, Clock clock) {
        this.dao = dao;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public void requestCrawl(long blogId) {
        dao.makeDueNow(blogId, clock.instant());
        background.submit(() -> runner.runOne(blogId));
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
