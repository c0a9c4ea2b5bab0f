package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadableNumbersTest {

    @Test
    void fixedDecimalsAreWhatStringFormatWrites() {
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            double value = switch (n % 5) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextInt(10_000) / 1000.0; // three decimals: the half-way cases
                case 2 -> random.nextDouble() * 100;
                case 3 -> random.nextInt(2000) / 8.0;
                default -> (random.nextDouble() - 0.5) * 1e6;
            };
            for (int decimals : new int[] {0, 2}) {
                assertThat(Readable.fixed(value, decimals)).as("%s to %d", value, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
            }
        }
        for (double edge : new double[] {0.0, -0.0, 0.005, 0.015, 1.005, 2.675, 0.5, 1.5, 2.5, 99.995, Double.NaN,
                Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e20}) {
            for (int decimals : new int[] {0, 2}) {
                assertThat(Readable.fixed(edge, decimals)).as("%s to %d", edge, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", edge));
            }
        }
    }
}
