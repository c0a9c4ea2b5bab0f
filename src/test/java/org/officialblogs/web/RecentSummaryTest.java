package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
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

    @Test
    void theOnePassGivesWhatTheRulesInRegularExpressionsGive() {
        // the rules as first written: drop \p{Cntrl} but not \s, strip, fold \s+ into one space, cut at a word
        Pattern control = Pattern.compile("[\\p{Cntrl}&&[^\\s]]");
        Pattern whitespace = Pattern.compile("\\s+");
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', 0x0B, 0x07, 0x00, 0x1C, 0x1F, 0x7F, 0x85, 0xA0,
                '\u2003', '\u2028', '\u3000', '\u00e9', '\ud83d', '\ude00', '.'};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 900 : 40);
            for (int i = 0; i < length; i++) s.append(alphabet[random.nextInt(alphabet.length)]);
            String input = s.toString();
            String expected = null;
            if (!input.isBlank()) {
                String t = whitespace.matcher(control.matcher(input).replaceAll("").strip()).replaceAll(" ");
                int cut = t.lastIndexOf(' ', 280);
                expected = t.length() <= 280 ? t : t.substring(0, cut > 140 ? cut : 280) + "…";
            }
            assertThat(RecentController.shorten(input)).as("%s", input.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(expected);
        }
    }
}
