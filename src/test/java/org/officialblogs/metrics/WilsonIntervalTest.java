package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Known values of the 95 % Wilson score interval (no continuity correction). 81/263, 15/148, 0/20 and 1/29 are the
 * published values of Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
 * Medicine 17:857-872, table I, method 3. The others are from the closed form:
 * centre = (p + z²/2n) / (1 + z²/n), half width = z / (1 + z²/n) × sqrt(p(1-p)/n + z²/4n²), z = 1.959964.
 */
class WilsonIntervalTest {

    private static final double FOUR_DECIMALS = 0.00005;

    @Test
    void noTrialsGivesTheWholeRange() {
        WilsonInterval interval = WilsonInterval.of95(0, 0);
        assertThat(interval.lower()).isEqualTo(0.0);
        assertThat(interval.upper()).isEqualTo(1.0);
    }

    @Test
    void fiveOfTen() {
        // p = 0.5, centre 0.5, half width 1.96 × sqrt(0.025 + 0.0096) / 1.3841 = 0.2634
        WilsonInterval interval = WilsonInterval.of95(5, 10);
        assertThat(interval.lower()).isCloseTo(0.2366, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(0.7634, within(FOUR_DECIMALS));
    }

    @Test
    void tenOfTenHasUpperBoundExactlyOne() {
        // lower = n / (n + z²) = 10 / 13.8415 = 0.7225
        WilsonInterval interval = WilsonInterval.of95(10, 10);
        assertThat(interval.lower()).isCloseTo(0.7225, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isEqualTo(1.0);
    }

    @Test
    void oneOfTwenty() {
        WilsonInterval interval = WilsonInterval.of95(1, 20);
        assertThat(interval.lower()).isCloseTo(0.0089, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(0.2361, within(FOUR_DECIMALS));
    }

    @Test
    void newcombeTableValues() {
        assertInterval(WilsonInterval.of95(81, 263), 0.2553, 0.3662);
        assertInterval(WilsonInterval.of95(15, 148), 0.0624, 0.1605);
        assertInterval(WilsonInterval.of95(1, 29), 0.0061, 0.1718);
        // upper = z² / (n + z²) = 3.8415 / 23.8415 = 0.1611
        WilsonInterval zeroOfTwenty = WilsonInterval.of95(0, 20);
        assertThat(zeroOfTwenty.lower()).isEqualTo(0.0);
        assertThat(zeroOfTwenty.upper()).isCloseTo(0.1611, within(FOUR_DECIMALS));
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> WilsonInterval.of95(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of95(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInterval(WilsonInterval interval, double lower, double upper) {
        assertThat(interval.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
    }
}
