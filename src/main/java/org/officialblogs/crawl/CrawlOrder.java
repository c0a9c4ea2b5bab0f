package org.officialblogs.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.officialblogs.crawl.feed.FeedItem;

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

    /**
     * The urgency a blog's crawl starts with: the requests its last crawl made, at most {@code cap}. A blog never
     * read starts at half of {@code cap}, the most a crawl can make: its chain is unknown until its first page is read
     * (then the crawl sets what it really expects), and may be long. So its first requests and its first page go
     * before every chain known to have fewer requests left than that, and a long chain is found early; started
     * lower, the first pages of a large first run queued behind every chain already known. And they go after the
     * chains known to have more left: started at {@code cap}, the 2,000 first pages of the benchmark's first crawl
     * went before the longest chains already found, whose next pages then waited 5 to 11 s each behind them.
     */
    static int initialUrgency(CrawlTarget t, Map<Long, Integer> lastRequests, int cap) {
        if (!t.state().backfillDone()) return Math.max(1, cap / 2);
        return Math.min(expectedRequests(t, lastRequests), cap);
    }

    /**
     * How many of a page's posts a crawl will check the comments of, as {@link CommentDao#duePosts} chooses them on
     * a first crawl: those published from {@code windowStart} to {@code now}, and those without a publication date
     * (stored as first seen now). A crawl expects a request for each, up to its limit of checks.
     */
    static int postsToCheck(List<FeedItem> items, Instant windowStart, Instant now) {
        int n = 0;
        for (FeedItem item : items) {
            Instant at = item.published();
            if (at == null || (!at.isBefore(windowStart) && !at.isAfter(now))) n++;
        }
        return n;
    }

    /**
     * How many more history pages a first crawl expects to read: {@code pagesRead} pages took it from now back to
     * {@code oldest}; pages as long as those reach back to the horizon in this many more, at most {@code maxLeft}.
     */
    static int historyPagesLeft(Instant now, Instant oldest, Instant horizon, int pagesRead, int maxLeft) {
        if (maxLeft <= 0 || oldest == null || pagesRead <= 0 || !oldest.isAfter(horizon)) return 0;
        long covered = Duration.between(oldest, now).toSeconds();
        if (covered <= 0) return maxLeft;
        double perPage = (double) covered / pagesRead;
        double left = Duration.between(horizon, oldest).toSeconds() / perPage;
        return (int) Math.min(maxLeft, Math.ceil(left));
    }
}
