package org.officialblogs.crawl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which a run starts its blogs: the longest chains of requests first. A blog's requests go one at a
 * time with the host delay between them, so a run lasts at least as long as its longest chain; started late, a long
 * chain is what the run waits for at the end. A blog not yet backfilled pages through its history and has the
 * longest chain to expect; any other is expected to make as many requests as its last crawl did.
 */
final class CrawlOrder {

    private CrawlOrder() {
    }

    /**
     * The targets, longest expected chain first; ties keep their order.
     *
     * @param lastRequests requests each blog's last crawl made, by blog id (absent: never crawled)
     */
    static List<CrawlTarget> longestFirst(List<CrawlTarget> targets, Map<Long, Integer> lastRequests) {
        return targets.stream()
                .sorted(Comparator.comparingInt((CrawlTarget t) -> expectedRequests(t, lastRequests)).reversed())
                .toList();
    }

    static int expectedRequests(CrawlTarget t, Map<Long, Integer> lastRequests) {
        if (!t.state().backfillDone()) return Integer.MAX_VALUE;
        return lastRequests.getOrDefault(t.blogId(), 1);
    }
}
