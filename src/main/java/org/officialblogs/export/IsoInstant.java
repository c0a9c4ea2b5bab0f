package org.officialblogs.export;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as ISO 8601 in UTC, the text {@link Instant#toString()} gives ("2026-12-04T01:30:25Z", fractions only
 * when there are any), written by hand for the instants of years 1 to 9999: the exports and the read API write one
 * per timestamp cell, and {@code Instant.toString} goes through a general formatter that cost a sixth of a blogs API
 * request. Other years (never in the data, but possible) take {@code Instant.toString}.
 */
public final class IsoInstant {

    private static final long FIRST = LocalDate.of(1, 1, 1).toEpochDay() * 86_400L;
    private static final long AFTER_LAST = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    private IsoInstant() {}

    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= AFTER_LAST) return instant.toString();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        StringBuilder b = new StringBuilder(30);
        pad(b, date.getYear(), 4).append('-');
        pad(b, date.getMonthValue(), 2).append('-');
        pad(b, date.getDayOfMonth(), 2).append('T');
        pad(b, secondOfDay / 3600, 2).append(':');
        pad(b, secondOfDay / 60 % 60, 2).append(':');
        pad(b, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano > 0) {
            // as Instant.toString: milliseconds, microseconds or nanoseconds, whichever shows every digit
            b.append('.');
            if (nano % 1_000_000 == 0) pad(b, nano / 1_000_000, 3);
            else if (nano % 1_000 == 0) pad(b, nano / 1_000, 6);
            else pad(b, nano, 9);
        }
        return b.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int digits) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < digits; i++) b.append('0');
        return b.append(s);
    }
}
