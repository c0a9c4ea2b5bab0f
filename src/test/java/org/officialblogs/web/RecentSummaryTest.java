package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentSummaryTest {

    @Test
    void summaryDropsControlCharactersFoldsWhitespaceAndCutsAtAWord() {
        assertThat(RecentController.shorten("  Budget\u0007 day:\n\n  the\tvote  ")).isEqualTo("Budget day: the vote");
        assertThat(RecentController.shorten(" \n ")).isNull();
        assertThat(RecentController.shorten(null)).isNull();
        String longText = "word ".repeat(100);
        String cut = RecentController.shorten(longText);
        assertThat(cut).endsWith("word…").hasSizeLessThanOrEqualTo(281);
    }
}
