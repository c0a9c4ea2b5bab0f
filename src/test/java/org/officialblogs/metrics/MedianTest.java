package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void oddCountTakesTheMiddleValueOfTheSortedValues() {
        // sorted: 1, 3, 9 -> 3
        assertThat(Median.of(List.of(9.0, 1.0, 3.0))).hasValue(3.0);
    }

    @Test
    void evenCountTakesTheMeanOfTheTwoMiddleValues() {
        // sorted: 1, 2, 4, 10 -> (2 + 4) / 2 = 3
        assertThat(Median.of(List.of(10.0, 2.0, 1.0, 4.0))).hasValue(3.0);
    }

    @Test
    void singleValueIsItsOwnMedianAndNoValueHasNone() {
        assertThat(Median.of(List.of(7.5))).hasValue(7.5);
        assertThat(Median.of(List.of())).isEmpty();
    }

    @Test
    void durationsOddAndEven() {
        assertThat(Median.ofDurations(List.of(Duration.ofHours(5), Duration.ofHours(1), Duration.ofHours(2))))
                .contains(Duration.ofHours(2));
        // (2 h + 5 h) / 2 = 3 h 30 min
        assertThat(Median.ofDurations(List.of(Duration.ofHours(5), Duration.ofHours(2))))
                .contains(Duration.ofMinutes(210));
        assertThat(Median.ofDurations(List.of())).isEmpty();
    }
}
