package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheHeadersTest {

    @Test
    void readsMaxAgeAmongOtherDirectives() {
        assertThat(CacheHeaders.parse("public, max-age=600, must-revalidate", null).maxAge())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(CacheHeaders.parse("MAX-AGE = \"90\"", null).maxAge()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void sMaxAgeAndBrokenValuesAreNotMaxAge() {
        assertThat(CacheHeaders.parse("s-maxage=600", null).maxAge()).isNull();
        assertThat(CacheHeaders.parse("max-age=ten", null).maxAge()).isNull();
        assertThat(CacheHeaders.parse("no-cache", null).maxAge()).isNull();
        assertThat(CacheHeaders.parse(null, null)).isEqualTo(CacheHeaders.NONE);
    }

    @Test
    void hugeMaxAgeIsClampedNotOverflowed() {
        assertThat(CacheHeaders.parse("max-age=99999999999999999999", null).maxAge())
                .isEqualTo(Duration.ofSeconds(Integer.MAX_VALUE));
    }

    @Test
    void expiresIsAnHttpDateAndAnInvalidOneMeansExpired() {
        assertThat(CacheHeaders.parse(null, "Thu, 01 Dec 2033 16:00:00 GMT").expires())
                .isEqualTo(Instant.parse("2033-12-01T16:00:00Z"));
        assertThat(CacheHeaders.parse(null, "0").expires()).isEqualTo(Instant.EPOCH);
        assertThat(CacheHeaders.parse(null, " ").expires()).isNull();
    }
}
