package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialblogs.registry.ListingStatus;

class CrawlOrderTest {

    private static CrawlTarget target(long id, boolean backfilled) {
        CrawlState s = new CrawlState(id, null, null, null, null, null, null, null, null, 0, null, false, backfilled,
                null, 0, null, null, null, null, null);
        return new CrawlTarget(id, 1, "http://blog" + id + ".test/", null, null, ListingStatus.ACTIVE, s);
    }

    @Test
    void blogsStillToBackfillComeFirstThenTheLongestLastCrawls() {
        List<CrawlTarget> targets = List.of(target(1, true), target(2, true), target(3, false), target(4, true),
                target(5, false));
        Map<Long, Integer> last = Map.of(1L, 3, 2L, 12, 4L, 1);

        List<Long> order = CrawlOrder.longestFirst(targets, last).stream().map(CrawlTarget::blogId).toList();

        assertThat(order).containsExactly(3L, 5L, 2L, 1L, 4L);
    }

    @Test
    void aBlogWithNoLoggedCrawlCountsAsOneRequest() {
        assertThat(CrawlOrder.expectedRequests(target(7, true), Map.of())).isEqualTo(1);
        assertThat(CrawlOrder.expectedRequests(target(7, false), Map.of())).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aBlogNeverReadStartsHalfAsUrgentAsACrawlCanBeOthersWithTheirLastCrawlCapped() {
        Map<Long, Integer> last = Map.of(1L, 12, 2L, 500, 5L, 40);

        assertThat(CrawlOrder.initialUrgency(target(3, false), last, 71)).isEqualTo(35);
        assertThat(CrawlOrder.initialUrgency(target(3, false), last, 1)).as("never below one").isEqualTo(1);
        assertThat(CrawlOrder.initialUrgency(target(5, true), last, 71))
                .as("a chain known to be longer than half goes before a blog never read").isEqualTo(40);
        assertThat(CrawlOrder.initialUrgency(target(1, true), last, 71)).isEqualTo(12);
        assertThat(CrawlOrder.initialUrgency(target(2, true), last, 71)).isEqualTo(71);
        assertThat(CrawlOrder.initialUrgency(target(4, true), last, 71)).isEqualTo(1);
    }
}
