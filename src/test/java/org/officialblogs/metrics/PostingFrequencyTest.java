package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostingFrequencyTest {

    /** Sunday 16 June 2024, 12:00 UTC. */
    private static final Instant NOW = Instant.parse("2024-06-16T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 16);

    private final PostingFrequency utc = new PostingFrequency(ZoneOffset.UTC);

    private static Instant daysAgo(int days, int hour, int minute) {
        return TODAY.minusDays(days).atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }

    @Test
    void noPosts() {
        PostingMetrics metrics = utc.measure(List.of(), NOW);

        assertThat(metrics.postsLast7Days()).isZero();
        assertThat(metrics.postsLast365Days()).isZero();
        assertThat(metrics.postsPerWeekLast90Days()).isZero();
        assertThat(metrics.weeksWithPostLast12()).isZero();
        assertThat(metrics.weeksWithPostLast52()).isZero();
        assertThat(metrics.weeklyPostsLast12()).hasSize(12).containsOnly(0);
        assertThat(metrics.weeklyPostsLast52()).hasSize(52).containsOnly(0);
        assertThat(metrics.lastPostAt()).isEmpty();
        assertThat(metrics.daysSinceLastPost()).isEmpty();
        assertThat(metrics.medianGapDays()).isEmpty();
        assertThat(metrics.longestGapDays()).isEmpty();
    }

    @Test
    void onePostSixDaysAgoIsInTheCurrentWeekAndHasNoGap() {
        Instant post = daysAgo(6, 8, 0); // Monday 10 June 08:00: today and the 6 days before are the last 7 days
        PostingMetrics metrics = utc.measure(List.of(post), NOW);

        assertThat(metrics.postsLast7Days()).isEqualTo(1);
        assertThat(metrics.postsLast30Days()).isEqualTo(1);
        assertThat(metrics.postsLast90Days()).isEqualTo(1);
        assertThat(metrics.postsLast365Days()).isEqualTo(1);
        assertThat(metrics.postsPerWeekLast90Days()).isCloseTo(7.0 / 90, within(1e-12)); // 1 × 7 / 90
        assertThat(metrics.weeksWithPostLast12()).isEqualTo(1);
        // oldest first: the current week is the last entry
        assertThat(metrics.weeklyPostsLast12()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(metrics.weeksWithPostStripLast12()).last().isEqualTo(true);
        assertThat(metrics.weeklyPostsLast52().get(51)).isEqualTo(1);
        assertThat(metrics.lastPostAt()).contains(post);
        assertThat(metrics.daysSinceLastPost()).hasValue(6);
        assertThat(metrics.medianGapDays()).isEmpty();
        assertThat(metrics.longestGapDays()).isEmpty();
    }

    @Test
    void aPostSevenDaysAgoBelongsToTheWeekBefore() {
        // Sunday 9 June 23:59: 7 days before today, so week 1, even though it is less than 7 × 24 h before now
        PostingMetrics metrics = utc.measure(List.of(daysAgo(7, 23, 59)), NOW);

        assertThat(metrics.postsLast7Days()).isZero();
        assertThat(metrics.weeklyPostsLast12()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(metrics.daysSinceLastPost()).hasValue(7);
    }

    @Test
    void weeklyPosterForAYear() {
        // post k is 2 + 7k days before today (Fridays), k = 0..51: one post in each of the last 52 weeks
        List<Instant> posts = new ArrayList<>();
        for (int k = 0; k < 52; k++) {
            posts.add(daysAgo(2 + 7 * k, 9, 0));
        }
        Collections.shuffle(posts, new java.util.Random(42)); // input order must not matter
        PostingMetrics metrics = utc.measure(posts, NOW);

        assertThat(metrics.postsLast7Days()).isEqualTo(1);     // k = 0
        assertThat(metrics.postsLast30Days()).isEqualTo(4);    // 2 + 7k < 30  -> k <= 3
        assertThat(metrics.postsLast90Days()).isEqualTo(13);   // 2 + 7k < 90  -> k <= 12
        assertThat(metrics.postsLast365Days()).isEqualTo(52);  // 2 + 7 × 51 = 359 < 365
        assertThat(metrics.postsPerWeekLast90Days()).isCloseTo(13 * 7.0 / 90, within(1e-12)); // 1.0111
        assertThat(metrics.weeksWithPostLast12()).isEqualTo(12);
        assertThat(metrics.weeksWithPostLast52()).isEqualTo(52);
        assertThat(metrics.weeklyPostsLast12()).containsOnly(1);
        assertThat(metrics.weeklyPostsLast52()).containsOnly(1);
        assertThat(metrics.postsLast12Weeks()).isEqualTo(12);
        assertThat(metrics.medianGapDays()).hasValue(7.0);
        assertThat(metrics.longestGapDays()).hasValue(7.0);
        assertThat(metrics.daysSinceLastPost()).hasValue(2);
        assertThat(metrics.lastPostAt()).contains(daysAgo(2, 9, 0));
    }

    @Test
    void burstyPoster() {
        // 12 posts 40..45 days ago at 08:00 and 16:00, plus one 200 days ago at 10:00
        List<Instant> posts = new ArrayList<>();
        for (int day = 40; day <= 45; day++) {
            posts.add(daysAgo(day, 8, 0));
            posts.add(daysAgo(day, 16, 0));
        }
        posts.add(daysAgo(200, 10, 0));
        PostingMetrics metrics = utc.measure(posts, NOW);

        assertThat(metrics.postsLast30Days()).isZero();
        assertThat(metrics.postsLast90Days()).isEqualTo(12);
        assertThat(metrics.postsLast365Days()).isEqualTo(13);
        // week 5 = days 35..41 holds days 40, 41 (4 posts); week 6 = days 42..48 holds days 42..45 (8 posts)
        assertThat(metrics.weeklyPostsLast12()).containsExactly(0, 0, 0, 0, 0, 8, 4, 0, 0, 0, 0, 0);
        assertThat(metrics.weeksWithPostLast12()).isEqualTo(2);
        assertThat(metrics.weeksWithPostLast52()).isEqualTo(3); // plus week 200 / 7 = 28
        assertThat(metrics.weeklyPostsLast52().get(51 - 28)).isEqualTo(1);
        assertThat(metrics.daysSinceLastPost()).hasValue(40);
        // 12 gaps: six of 8 h (1/3 day) inside a day, five of 16 h (2/3 day) between days, and 155 days - 2 h
        // from day 200 10:00 to day 45 08:00. Even count: median = (1/3 + 2/3) / 2 = 0.5
        assertThat(metrics.medianGapDays().getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.longestGapDays().getAsDouble()).isCloseTo(154 + 22.0 / 24, within(1e-12));
    }

    @Test
    void gapsOnlyCoverTheLast365Days() {
        // 400 days ago is outside the gap window: the only gap is 10 -> 3 days ago = 7 days
        PostingMetrics metrics = utc.measure(List.of(daysAgo(400, 9, 0), daysAgo(10, 9, 0), daysAgo(3, 9, 0)), NOW);

        assertThat(metrics.medianGapDays()).hasValue(7.0);
        assertThat(metrics.longestGapDays()).hasValue(7.0);
        assertThat(metrics.postsLast365Days()).isEqualTo(2);
        assertThat(metrics.weeksWithPostLast52()).isEqualTo(2); // 400 days ago is week 57, beyond the strip
    }

    @Test
    void postsInTheFutureAndUndatedPostsAreIgnoredAndCounted() {
        Instant past = daysAgo(3, 9, 0);
        List<Instant> posts =
                Arrays.asList(past, null, NOW.plusSeconds(3600), NOW.plusSeconds(10 * 86_400L), null, NOW);
        PostingMetrics metrics = utc.measure(posts, NOW);

        // counted: the post 3 days ago and the one exactly at now
        assertThat(metrics.postsLast7Days()).isEqualTo(2);
        assertThat(metrics.postsLast365Days()).isEqualTo(2);
        assertThat(metrics.futureIgnored()).isEqualTo(2);
        assertThat(metrics.undatedIgnored()).isEqualTo(2);
        assertThat(metrics.lastPostAt()).contains(NOW);
        assertThat(metrics.daysSinceLastPost()).hasValue(0);
        // one gap, 3 days 09:00 -> today 12:00 = 3 days 3 h = 3.125 days
        assertThat(metrics.medianGapDays()).hasValue(3.125);
    }

    @Test
    void duplicateDatesCountAsPostsButMakeNoZeroGap() {
        Instant sameMoment = daysAgo(1, 0, 0); // a date-only feed gives midnight to both posts of that day
        PostingMetrics metrics = utc.measure(List.of(sameMoment, sameMoment, daysAgo(4, 0, 0)), NOW);

        assertThat(metrics.postsLast7Days()).isEqualTo(3);
        assertThat(metrics.weeklyPostsLast12().get(11)).isEqualTo(3);
        // distinct instants 4 and 1 days ago: one gap of 3 days, not a median of (0, 3) = 1.5
        assertThat(metrics.medianGapDays()).hasValue(3.0);
        assertThat(metrics.longestGapDays()).hasValue(3.0);
    }

    @Test
    void timeZoneDecidesWhichWeekALateEveningPostBelongsTo() {
        // Now: Sunday 14 January 2024 12:00 UTC (07:00 in New York, also Sunday).
        // Post: Sunday 7 January 23:30 at UTC-5 = Monday 8 January 04:30 UTC.
        Instant now = Instant.parse("2024-01-14T12:00:00Z");
        Instant post = Instant.parse("2024-01-07T23:30:00-05:00");
        assertThat(post).isEqualTo(Instant.parse("2024-01-08T04:30:00Z"));

        // UTC: a Monday post, 6 days before today: current week (Mon 8 - Sun 14)
        PostingMetrics inUtc = new PostingFrequency(ZoneOffset.UTC).measure(List.of(post), now);
        assertThat(inUtc.postsLast7Days()).isEqualTo(1);
        assertThat(inUtc.weeklyPostsLast12().subList(10, 12)).containsExactly(0, 1);
        assertThat(inUtc.daysSinceLastPost()).hasValue(6);

        // New York (UTC-5 in January): a Sunday post, 7 days before today: the week before (Mon 1 - Sun 7)
        PostingMetrics inNewYork = new PostingFrequency(ZoneId.of("America/New_York")).measure(List.of(post), now);
        assertThat(inNewYork.postsLast7Days()).isZero();
        assertThat(inNewYork.weeklyPostsLast12().subList(10, 12)).containsExactly(1, 0);
        assertThat(inNewYork.daysSinceLastPost()).hasValue(7);

        // a fixed UTC-5 offset agrees with New York in winter
        PostingMetrics inFixedOffset = new PostingFrequency(ZoneOffset.ofHours(-5)).measure(List.of(post), now);
        assertThat(inFixedOffset.weeklyPostsLast12()).isEqualTo(inNewYork.weeklyPostsLast12());
    }
}
