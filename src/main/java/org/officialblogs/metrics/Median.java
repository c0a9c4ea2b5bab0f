package org.officialblogs.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Medians: the middle value of an odd count, the mean of the two middle values of an even count. */
public final class Median {

    private Median() {
    }

    /** Empty for no values. */
    public static OptionalDouble of(Collection<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return OptionalDouble.of(sorted.get(middle));
        }
        return OptionalDouble.of((sorted.get(middle - 1) + sorted.get(middle)) / 2.0);
    }

    /** Empty for no values; an even count's half-nanosecond, if any, is dropped. */
    public static Optional<Duration> ofDurations(Collection<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return Optional.of(sorted.get(middle));
        }
        return Optional.of(sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }
}
