package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlogMetricsCalculatorTest {

    private static final Instant NOW = Instant.parse("2024-01-14T12:00:00Z");

    @Test
    void combinesPostingAndResponsivenessInTheSettingsZone() {
        Instant lateSundayInNewYork = Instant.parse("2024-01-07T23:30:00-05:00");
        List<PostReplyInput> replies = List.of(new PostReplyInput(lateSundayInNewYork, 2,
                lateSundayInNewYork.plus(Duration.ofHours(1)), lateSundayInNewYork.plus(Duration.ofHours(3)), 2,
                CommentsState.OPEN));
        ZoneId newYork = ZoneId.of("America/New_York");
        BlogMetricsCalculator calculator = new BlogMetricsCalculator(MetricsSettings.defaults().withZone(newYork));

        BlogMetrics metrics = calculator.compute(List.of(lateSundayInNewYork), replies, NOW);

        assertThat(metrics.asOf()).isEqualTo(NOW);
        assertThat(metrics.zone()).isEqualTo(newYork);
        assertThat(metrics.posting().daysSinceLastPost()).hasValue(7);  // Sunday 7th to Sunday 14th, New York dates
        // 6 days 8.5 hours old: under 14 days, not judged yet
        assertThat(metrics.responsiveness().judgedPosts()).isZero();
        assertThat(metrics.responsiveness().postsTooRecent()).isEqualTo(1);
    }

    @Test
    void clockGivesTheSameResultAsItsInstant() {
        BlogMetricsCalculator calculator = new BlogMetricsCalculator(MetricsSettings.defaults());
        List<Instant> posts = List.of(NOW.minus(Duration.ofDays(3)));

        BlogMetrics fromClock = calculator.compute(posts, List.of(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(fromClock).isEqualTo(calculator.compute(posts, List.of(), NOW));
        assertThat(fromClock.posting().daysSinceLastPost()).hasValue(3);
    }
}
