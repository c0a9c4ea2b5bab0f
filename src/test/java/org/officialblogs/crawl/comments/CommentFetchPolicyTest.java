package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.officialblogs.crawl.comments.Fixtures.clockAt;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentFetchPolicyTest {
    private static final Instant POSTED = Instant.parse("2024-01-01T00:00:00Z");
    private final CommentFetchPolicy policy = CommentFetchPolicy.DEFAULTS;

    @Test
    void aPostNeverFetchedIsDueAtOnceWithinTheWindow() {
        assertThat(policy.nextFetch(POSTED, null, clockAt("2024-01-01T01:00:00Z")))
                .contains(Instant.parse("2024-01-01T01:00:00Z"));
        assertThat(policy.isDue(POSTED, null, clockAt("2024-01-01T01:00:00Z"))).isTrue();
    }

    @Test
    void freshPostsAreFetchedEverySixHoursThenDailyThenWeekly() {
        // Day 3 (fresh): 6 h later.
        assertThat(policy.nextFetch(POSTED, Instant.parse("2024-01-04T00:00:00Z"), clockAt("2024-01-04T01:00:00Z")))
                .contains(Instant.parse("2024-01-04T06:00:00Z"));
        // Day 20 (settling): a day later.
        assertThat(policy.nextFetch(POSTED, Instant.parse("2024-01-21T00:00:00Z"), clockAt("2024-01-21T01:00:00Z")))
                .contains(Instant.parse("2024-01-22T00:00:00Z"));
        // Day 100 (late): a week later.
        assertThat(policy.nextFetch(POSTED, Instant.parse("2024-04-10T00:00:00Z"), clockAt("2024-04-10T01:00:00Z")))
                .contains(Instant.parse("2024-04-17T00:00:00Z"));
    }

    @Test
    void isDueComparesWithNow() {
        Instant lastFetched = Instant.parse("2024-01-02T00:00:00Z");

        assertThat(policy.isDue(POSTED, lastFetched, clockAt("2024-01-02T05:59:59Z"))).isFalse();
        assertThat(policy.isDue(POSTED, lastFetched, clockAt("2024-01-02T06:00:00Z"))).isTrue();
    }

    @Test
    void nothingIsFetchedOutsideTheMeasurementWindow() {
        Instant windowEnd = POSTED.plus(Duration.ofDays(180));

        // The last weekly fetch would land after the window's end: none.
        assertThat(policy.nextFetch(POSTED, windowEnd.minus(Duration.ofDays(3)), clockAt("2024-06-27T00:00:00Z")))
                .isEmpty();
        assertThat(policy.nextFetch(POSTED, null, Fixtures.clockAt(windowEnd.plusSeconds(1).toString()))).isEmpty();
        assertThat(policy.isDue(POSTED, Instant.parse("2024-05-01T00:00:00Z"),
                Fixtures.clockAt(windowEnd.plusSeconds(1).toString()))).isFalse();
    }

    @Test
    void zeroIntervalMeansEveryCrawl() {
        CommentFetchPolicy everyCrawl = new CommentFetchPolicy(Duration.ofDays(14), Duration.ZERO, Duration.ofDays(60),
                Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(180));

        assertThat(everyCrawl.isDue(POSTED, Instant.parse("2024-01-02T00:00:00Z"), clockAt("2024-01-02T00:00:01Z")))
                .isTrue();
    }

    @Test
    void inconsistentPeriodsAreRejected() {
        assertThatThrownBy(() -> new CommentFetchPolicy(Duration.ofDays(90), Duration.ofHours(6), Duration.ofDays(60),
                Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(180)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
