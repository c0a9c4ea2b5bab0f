package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.feed.CommentSignals;
import org.officialblogs.crawl.feed.FeedItem;

class CrawlOrderUrgencyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant HORIZON = NOW.minus(Duration.ofDays(365));

    @Test
    void pagesLikeThoseReadSoFarReachTheHorizonInThisManyMore() {
        // two pages reached back 30 days: 15 days a page, 335 days left to the horizon
        Instant oldest = NOW.minus(Duration.ofDays(30));
        assertThat(CrawlOrder.historyPagesLeft(NOW, oldest, HORIZON, 2, 50)).isEqualTo(23);
    }

    @Test
    void neverMoreThanThePagesTheCrawlMayStillRead() {
        Instant oldest = NOW.minus(Duration.ofDays(1));
        assertThat(CrawlOrder.historyPagesLeft(NOW, oldest, HORIZON, 1, 7)).isEqualTo(7);
    }

    @Test
    void nothingLeftPastTheHorizonOrWithoutDates() {
        assertThat(CrawlOrder.historyPagesLeft(NOW, HORIZON.minusSeconds(1), HORIZON, 3, 50)).isZero();
        assertThat(CrawlOrder.historyPagesLeft(NOW, null, HORIZON, 3, 50)).isZero();
        assertThat(CrawlOrder.historyPagesLeft(NOW, NOW.minus(Duration.ofDays(3)), HORIZON, 3, 0)).isZero();
    }

    @Test
    void aPageOfPostsAllFromNowExpectsTheMost() {
        assertThat(CrawlOrder.historyPagesLeft(NOW, NOW, HORIZON, 1, 12)).isEqualTo(12);
    }

    @Test
    void postsToCheckAreThoseInsideTheCommentWindowAndThoseWithoutADate() {
        Instant windowStart = NOW.minus(Duration.ofDays(30));
        List<FeedItem> page = List.of(item(NOW), item(NOW.minus(Duration.ofDays(29))), item(windowStart),
                item(windowStart.minusSeconds(1)), item(NOW.minus(Duration.ofDays(400))), item(null),
                item(NOW.plus(Duration.ofDays(1))));

        assertThat(CrawlOrder.postsToCheck(page, windowStart, NOW)).isEqualTo(4);
        assertThat(CrawlOrder.postsToCheck(List.of(), windowStart, NOW)).isZero();
    }

    private static FeedItem item(Instant published) {
        return new FeedItem("id", null, "t", published, NOW, null, null,
                new CommentSignals(null, null, null, null, List.of()), "", null);
    }
}
