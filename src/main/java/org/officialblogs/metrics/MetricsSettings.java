package org.officialblogs.metrics;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings of the metric calculations.
 *
 * @param zone time zone whose local dates define days and weeks (which day a late-evening post belongs to)
 * @param minimumJudgingAge posts younger than this are not judged for replies: readers and the official need time
 *     to write. Default 14 days.
 * @param responsivenessWindowDays only posts of the last this-many local days are judged for replies, so that the
 *     score follows how the official behaves now. Default 365.
 */
public record MetricsSettings(ZoneId zone, Duration minimumJudgingAge, int responsivenessWindowDays) {

    public static final Duration DEFAULT_MINIMUM_JUDGING_AGE = Duration.ofDays(14);
    public static final int DEFAULT_RESPONSIVENESS_WINDOW_DAYS = 365;

    public MetricsSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(minimumJudgingAge, "minimumJudgingAge");
        if (minimumJudgingAge.isNegative()) {
            throw new IllegalArgumentException("minimumJudgingAge must not be negative: " + minimumJudgingAge);
        }
        if (responsivenessWindowDays < 1) {
            throw new IllegalArgumentException(
                    "responsivenessWindowDays must be at least 1: " + responsivenessWindowDays);
        }
    }

    /** UTC, 14 days, 365 days. */
    public static MetricsSettings defaults() {
        return new MetricsSettings(ZoneOffset.UTC, DEFAULT_MINIMUM_JUDGING_AGE, DEFAULT_RESPONSIVENESS_WINDOW_DAYS);
    }

    public MetricsSettings withZone(ZoneId newZone) {
        return new MetricsSettings(newZone, minimumJudgingAge, responsivenessWindowDays);
    }

    public MetricsSettings withMinimumJudgingAge(Duration newAge) {
        return new MetricsSettings(zone, newAge, responsivenessWindowDays);
    }
}
