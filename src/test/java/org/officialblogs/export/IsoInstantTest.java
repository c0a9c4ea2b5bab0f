package org.officialblogs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWritesForEveryKindOfInstant() {
        Random random = new Random(7);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 200_000; n++) {
            long seconds = first + (long) (random.nextDouble() * (last - first + 1));
            int nano = switch (n % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant i = Instant.ofEpochSecond(seconds, nano);
            assertThat(IsoInstant.format(i)).isEqualTo(i.toString());
        }
        for (String edge : new String[] {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.000000001Z", "2000-02-29T12:00:00.100Z", "2026-12-04T01:30:25Z"}) {
            assertThat(IsoInstant.format(Instant.parse(edge))).isEqualTo(edge);
        }
        // years outside 1 to 9999 as Instant.toString gives them
        for (Instant far : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("-0001-06-01T00:00:00Z")}) {
            assertThat(IsoInstant.format(far)).isEqualTo(far.toString());
        }
    }
}
