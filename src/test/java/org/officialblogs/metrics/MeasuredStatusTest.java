package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredStatusTest {

    private static final Instant NOW = Instant.parse("2024-06-16T12:00:00Z");
    private final PostingFrequency posting = new PostingFrequency(ZoneOffset.UTC);

    private PostingMetrics lastPostDaysAgo(int days) {
        Instant post = LocalDate.of(2024, 6, 16).minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
        return posting.measure(List.of(post), NOW);
    }

    @Test
    void statusFromDaysSinceTheLastPost() {
        assertThat(MeasuredStatus.of(Reachability.OK, lastPostDaysAgo(0))).isEqualTo(MeasuredStatus.ACTIVE);
        assertThat(MeasuredStatus.of(Reachability.OK, lastPostDaysAgo(29))).isEqualTo(MeasuredStatus.ACTIVE);
        assertThat(MeasuredStatus.of(Reachability.OK, lastPostDaysAgo(30))).isEqualTo(MeasuredStatus.SLOWING);
        assertThat(MeasuredStatus.of(Reachability.OK, lastPostDaysAgo(89))).isEqualTo(MeasuredStatus.SLOWING);
        assertThat(MeasuredStatus.of(Reachability.OK, lastPostDaysAgo(90))).isEqualTo(MeasuredStatus.DORMANT);
        assertThat(MeasuredStatus.of(Reachability.OK, lastPostDaysAgo(1000))).isEqualTo(MeasuredStatus.DORMANT);
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
        assertThat(MeasuredStatus.of(Reachability.LEAD, recent)).isEqualTo(MeasuredStatus.LEAD);
        assertThat(MeasuredStatus.of(Reachability.OFFLINE, recent)).isEqualTo(MeasuredStatus.OFFLINE);
        assertThat(MeasuredStatus.of(Reachability.UNREACHABLE, recent)).isEqualTo(MeasuredStatus.UNREACHABLE);
        assertThat(MeasuredStatus.of(Reachability.NOT_CRAWLED_YET, recent)).isEqualTo(MeasuredStatus.NO_DATA);
    }

    @Test
    void noPostsOrOnlyFuturePostsIsNoData() {
        assertThat(MeasuredStatus.of(Reachability.OK, posting.measure(List.of(), NOW))).isEqualTo(MeasuredStatus.NO_DATA);
        assertThat(MeasuredStatus.of(Reachability.OK, posting.measure(List.of(NOW.plusSeconds(60)), NOW)))
                .isEqualTo(MeasuredStatus.NO_DATA);
        // crawler problems still win over "no data"
        assertThat(MeasuredStatus.of(Reachability.UNREACHABLE, posting.measure(List.of(), NOW)))
                .isEqualTo(MeasuredStatus.UNREACHABLE);
    }

    @Test
    void onlyActiveAndSlowingAreRanked() {
        assertThat(List.of(MeasuredStatus.values()).stream().filter(MeasuredStatus::isRanked))
                .containsExactly(MeasuredStatus.ACTIVE, MeasuredStatus.SLOWING);
    }
}
