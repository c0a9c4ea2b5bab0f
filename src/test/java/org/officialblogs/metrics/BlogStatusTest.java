package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlogStatusTest {

    private static final Instant NOW = Instant.parse("2024-06-16T12:00:00Z");
    private final PostingFrequency posting = new PostingFrequency(ZoneOffset.UTC);

    private PostingMetrics lastPostDaysAgo(int days) {
        Instant post = LocalDate.of(2024, 6, 16).minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
        return posting.measure(List.of(post), NOW);
    }

    @Test
    void statusFromDaysSinceTheLastPost() {
        assertThat(BlogStatus.of(CrawlState.OK, lastPostDaysAgo(0))).isEqualTo(BlogStatus.ACTIVE);
        assertThat(BlogStatus.of(CrawlState.OK, lastPostDaysAgo(29))).isEqualTo(BlogStatus.ACTIVE);
        assertThat(BlogStatus.of(CrawlState.OK, lastPostDaysAgo(30))).isEqualTo(BlogStatus.SLOWING);
        assertThat(BlogStatus.of(CrawlState.OK, lastPostDaysAgo(89))).isEqualTo(BlogStatus.SLOWING);
        assertThat(BlogStatus.of(CrawlState.OK, lastPostDaysAgo(90))).isEqualTo(BlogStatus.DORMANT);
        assertThat(BlogStatus.of(CrawlState.OK, lastPostDaysAgo(1000))).isEqualTo(BlogStatus.DORMANT);
    }

    @Test
    void activeMatchesAPostInTheLast30DaysAndDormantNoneIn90() {
        assertThat(lastPostDaysAgo(29).postsLast30Days()).isEqualTo(1);
        assertThat(lastPostDaysAgo(30).postsLast30Days()).isZero();
        assertThat(lastPostDaysAgo(89).postsLast90Days()).isEqualTo(1);
        assertThat(lastPostDaysAgo(90).postsLast90Days()).isZero();
    }

    @Test
    void crawlerStatesTakePrecedenceOverPostingData() {
        PostingMetrics recent = lastPostDaysAgo(1);
        assertThat(BlogStatus.of(CrawlState.LEAD, recent)).isEqualTo(BlogStatus.LEAD);
        assertThat(BlogStatus.of(CrawlState.OFFLINE, recent)).isEqualTo(BlogStatus.OFFLINE);
        assertThat(BlogStatus.of(CrawlState.UNREACHABLE, recent)).isEqualTo(BlogStatus.UNREACHABLE);
        assertThat(BlogStatus.of(CrawlState.NOT_CRAWLED_YET, recent)).isEqualTo(BlogStatus.NO_DATA);
    }

    @Test
    void noPostsOrOnlyFuturePostsIsNoData() {
        assertThat(BlogStatus.of(CrawlState.OK, posting.measure(List.of(), NOW))).isEqualTo(BlogStatus.NO_DATA);
        assertThat(BlogStatus.of(CrawlState.OK, posting.measure(List.of(NOW.plusSeconds(60)), NOW)))
                .isEqualTo(BlogStatus.NO_DATA);
        // crawler problems still win over "no data"
        assertThat(BlogStatus.of(CrawlState.UNREACHABLE, posting.measure(List.of(), NOW)))
                .isEqualTo(BlogStatus.UNREACHABLE);
    }

    @Test
    void onlyActiveAndSlowingAreRanked() {
        assertThat(List.of(BlogStatus.values()).stream().filter(BlogStatus::isRanked))
                .containsExactly(BlogStatus.ACTIVE, BlogStatus.SLOWING);
    }
}
