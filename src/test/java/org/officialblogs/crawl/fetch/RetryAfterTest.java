package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");
    private final RetryAfter retryAfter = new RetryAfter(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10),
            Duration.ofHours(24));

    @Test
    void delayInSecondsCountsFromNow() {
        assertThat(retryAfter.until("120")).isEqualTo(NOW.plusSeconds(120));
        assertThat(retryAfter.until(" 0 ")).isEqualTo(NOW);
    }

    @Test
    void imfFixdateIsTakenAsIs() {
        assertThat(retryAfter.until("Sun, 10 Mar 2030 12:30:00 GMT")).isEqualTo(Instant.parse("2030-03-10T12:30:00Z"));
    }

    @Test
    void obsoleteDateFormatsAreUnderstoodToo() {
        assertThat(retryAfter.until("Sunday, 10-Mar-30 13:00:00 GMT")).isEqualTo(Instant.parse("2030-03-10T13:00:00Z"));
        assertThat(retryAfter.until("Sun Mar 10 14:00:00 2030")).isEqualTo(Instant.parse("2030-03-10T14:00:00Z"));
        assertThat(retryAfter.until("Sat Mar  9 14:00:00 2030")).isEqualTo(NOW); // asctime pads the day; past
    }

    @Test
    void missingOrUnreadableValueWaitsTheDefault() {
        assertThat(retryAfter.until(null)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(retryAfter.until("")).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(retryAfter.until("soon")).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(retryAfter.until("-30")).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(retryAfter.until("1.5")).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void nothingWaitsLongerThanTheCap() {
        assertThat(retryAfter.until("86401")).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(retryAfter.until("99999999999999999999999")).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(retryAfter.until("Fri, 01 Jan 2100 00:00:00 GMT")).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(retryAfter.until("86400")).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void dateInThePastMeansNow() {
        assertThat(retryAfter.until("Sat, 01 Jan 2000 00:00:00 GMT")).isEqualTo(NOW);
    }

    @Test
    void defaultAboveCapIsRejected() {
        assertThatThrownBy(() -> new RetryAfter(Clock.systemUTC(), Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
