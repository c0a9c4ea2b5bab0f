package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CrawlScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static List<Instant> everyHours(int count, int hours) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(NOW.minus(Duration.ofHours((long) hours * i + 1)));
        return out;
    }

    /** A generator that always returns the same double, to pin the jitter. */
    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return (long) (value * Long.MAX_VALUE); // unused: the schedule only draws doubles
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void quietBlogsAreCheckedDaily() {
        assertThat(CrawlSchedule.intervalAfterSuccess(List.of(), null, null, NOW)).isEqualTo(Duration.ofHours(24));
        // the only post is 31 days old
        assertThat(CrawlSchedule.intervalAfterSuccess(List.of(NOW.minus(Duration.ofDays(31))), null, null, NOW))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theIntervalIsAQuarterOfTheAverageGapBetweenOneAndTwentyFourHours() {
        // daily for 30 days: 30 posts, average gap 24 h, a quarter is 6 h
        assertThat(CrawlSchedule.intervalAfterSuccess(everyHours(30, 24), null, null, NOW)).isEqualTo(Duration.ofHours(6));
        // twice a week: 8 posts in 30 days, gap 90 h, quarter 22.5 h
        assertThat(CrawlSchedule.intervalAfterSuccess(everyHours(8, 90), null, null, NOW)).isEqualTo(Duration.ofMinutes(1350));
        // weekly: 4 posts, gap 180 h, quarter 45 h, capped at 24 h
        assertThat(CrawlSchedule.intervalAfterSuccess(everyHours(4, 168), null, null, NOW)).isEqualTo(Duration.ofHours(24));
        // ten a day: 300 posts, gap 2.4 h, quarter 36 min, raised to the 1 h minimum
        assertThat(CrawlSchedule.intervalAfterSuccess(everyHours(300, 2), null, null, NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void futureAndMissingDatesAreIgnored() {
        List<Instant> posts = new ArrayList<>(everyHours(30, 24));
        posts.add(NOW.plus(Duration.ofDays(3)));
        posts.add(null);
        assertThat(CrawlSchedule.intervalAfterSuccess(posts, null, null, NOW)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void ttlAndCacheHeadersSetAFloorButNotAboveTheCap() {
        List<Instant> daily = everyHours(30, 24);
        assertThat(CrawlSchedule.intervalAfterSuccess(daily, Duration.ofHours(12), null, NOW)).isEqualTo(Duration.ofHours(12));
        assertThat(CrawlSchedule.intervalAfterSuccess(daily, null, Duration.ofHours(8), NOW)).isEqualTo(Duration.ofHours(8));
        assertThat(CrawlSchedule.intervalAfterSuccess(daily, Duration.ofMinutes(30), Duration.ofMinutes(5), NOW)).isEqualTo(Duration.ofHours(6));
        assertThat(CrawlSchedule.intervalAfterSuccess(daily, Duration.ofDays(3), null, NOW)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jitterStaysWithinTenPercent() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            Duration d = CrawlSchedule.jitter(Duration.ofHours(10), random);
            assertThat(d).isBetween(Duration.ofHours(9), Duration.ofHours(11));
        }
        assertThat(CrawlSchedule.jitter(Duration.ofHours(10), fixed(0.0))).isEqualTo(Duration.ofHours(9));
        assertThat(CrawlSchedule.jitter(Duration.ofHours(10), fixed(0.5))).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void backoffStartsAtTheThirdFailureAndDoublesUpToSevenDays() {
        assertThat(CrawlSchedule.retryDelay(1)).isEqualTo(Duration.ofHours(1));
        assertThat(CrawlSchedule.retryDelay(2)).isEqualTo(Duration.ofHours(1));
        assertThat(CrawlSchedule.retryDelay(3)).isEqualTo(Duration.ofHours(2));
        assertThat(CrawlSchedule.retryDelay(4)).isEqualTo(Duration.ofHours(4));
        assertThat(CrawlSchedule.retryDelay(7)).isEqualTo(Duration.ofHours(32));
        assertThat(CrawlSchedule.retryDelay(10)).isEqualTo(Duration.ofDays(7));
        assertThat(CrawlSchedule.retryDelay(1000)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void goneAndUnreachableBlogsAreRetriedWeekly() {
        RandomGenerator mid = fixed(0.5);
        Instant failingSince = NOW.minus(Duration.ofDays(2));
        assertThat(CrawlSchedule.nextAfterFailure(1, failingSince, true, null, NOW, mid)).isEqualTo(NOW.plus(Duration.ofDays(7)));
        Instant longAgo = NOW.minus(Duration.ofDays(30));
        assertThat(CrawlSchedule.isUnreachable(longAgo, NOW)).isTrue();
        assertThat(CrawlSchedule.isUnreachable(NOW.minus(Duration.ofDays(29)), NOW)).isFalse();
        assertThat(CrawlSchedule.nextAfterFailure(4, longAgo, false, null, NOW, mid)).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(CrawlSchedule.nextAfterFailure(4, failingSince, false, null, NOW, mid)).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void aLaterRetryAfterIsObeyed() {
        Instant retryAt = NOW.plus(Duration.ofHours(5));
        assertThat(CrawlSchedule.nextAfterFailure(1, NOW, false, retryAt, NOW, fixed(0.5))).isEqualTo(retryAt);
        assertThat(CrawlSchedule.nextAfterFailure(1, NOW, false, NOW.plusSeconds(60), NOW, fixed(0.5)))
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }
}
