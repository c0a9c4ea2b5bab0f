package org.officialblogs.crawl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LenientDatesTest {
    @Test
    void rssDatesInTheirUsualShapes() {
        Instant expected = Instant.parse("2024-03-01T10:15:00Z");
        assertThat(LenientDates.rfc822("Fri, 01 Mar 2024 10:15:00 +0000")).isEqualTo(expected);
        assertThat(LenientDates.rfc822("1 Mar 2024 10:15:00 GMT")).isEqualTo(expected);
        assertThat(LenientDates.rfc822("Fri, 01 Mar 2024 05:15:00 EST")).isEqualTo(expected);
        assertThat(LenientDates.rfc822("Fri, 01 March 2024 10:15 +0000")).isEqualTo(expected);
        assertThat(LenientDates.rfc822("yesterday")).isNull();
    }

    @Test
    void isoDatesNeedATime() {
        assertThat(LenientDates.iso("2019-08-03T04:11:57+00:00", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2019-08-03T04:11:57Z"));
        assertThat(LenientDates.iso("2024-06-03T07:30:00", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-06-03T07:30:00Z"));
        assertThat(LenientDates.iso("2015-03-11", ZoneOffset.UTC)).isNull();
        assertThat(LenientDates.iso("comment_date", ZoneOffset.UTC)).isNull();
    }

    @Test
    void themeTextDatesAreReadInTheSiteZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(LenientDates.humanText("March 10, 2017 at 6:16 PM", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2017-03-10T18:16:00Z"));
        assertThat(LenientDates.humanText("wrote on March 11th, 2015 at 08:00:", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2015-03-11T08:00:00Z"));
        assertThat(LenientDates.humanText("12 April 2024 at 10:02", berlin))
                .isEqualTo(Instant.parse("2024-04-12T08:02:00Z"));
        assertThat(LenientDates.humanText("January 5, 2024 at 12:00 am", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(LenientDates.humanText("March 10, 2017", ZoneOffset.UTC)).isNull();
    }
}
