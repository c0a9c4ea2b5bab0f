package org.officialblogs.crawl.comments;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient date parsing for comment sources; every method returns null rather than guess. */
public final class CommentDates {
    private static final Map<String, String> LEGACY_ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "\\s*([A-Za-z]{1,4}|[+-]\\d{4})?");
    private static final String MONTH =
            "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final String TIME = "\\D{0,12}?(\\d{1,2})[:.h](\\d{2})\\s*([ap])?\\.?\\s*(?:m\\.?)?";
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?i)" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?i)(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+" + MONTH + ",?\\s+(\\d{4})" + TIME);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2})");

    private CommentDates() {
    }

    /** ISO 8601 with offset; a local date-time is read in {@code zoneForLocal}; a bare date is refused. */
    public static Instant iso(String raw, ZoneId zoneForLocal) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other ISO shapes below
        }
        try {
            return ZonedDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other ISO shapes below
        }
        try {
            return LocalDateTime.parse(text).atZone(zoneForLocal).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** RFC 822 / 1123 as found in RSS {@code pubDate}, with the usual sloppiness (no weekday, US zone names). */
    static Instant rfc822(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(raw.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall back to the lenient reading
        }
        Matcher m = RFC_822.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            int month = monthNumber(m.group(2));
            int year = Integer.parseInt(m.group(3));
            if (year < 100) {
                year += year < 70 ? 2000 : 1900;
            }
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            String zone = m.group(7) == null ? "+0000" : m.group(7).toUpperCase(Locale.ROOT);
            zone = LEGACY_ZONES.getOrDefault(zone, zone);
            if (!zone.matches("[+-]\\d{4}")) {
                return null;
            }
            return local.atOffset(ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3))).toInstant();
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A human date-time printed by a theme, in English ("March 10, 2017 at 6:16 PM", "11th March 2015 at 08:00")
     * or numeric ("2017-03-10 18:16"), read in the site's zone. Needs a time of day: a date alone is refused.
     */
    static Instant humanText(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            return null;
        }
        String text = raw.strip();
        try {
            Matcher m = MONTH_FIRST.matcher(text);
            if (m.find()) {
                return at(zone, m.group(3), monthNumber(m.group(1)), m.group(2), m.group(4), m.group(5), m.group(6));
            }
            m = DAY_FIRST.matcher(text);
            if (m.find()) {
                return at(zone, m.group(3), monthNumber(m.group(2)), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = NUMERIC.matcher(text);
            if (m.find()) {
                return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)))
                        .atZone(zone).toInstant();
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** Epoch milliseconds as decimal text (Blogger's {@code showComment=}); null when not a plausible one. */
    static Instant epochMillis(String raw) {
        if (raw == null || !raw.matches("\\d{10,14}")) {
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(raw));
    }

    private static Instant at(ZoneId zone, String year, int month, String day, String hour, String minute,
            String amPm) {
        int h = Integer.parseInt(hour);
        if (amPm != null) {
            if (h < 1 || h > 12) {
                return null;
            }
            boolean pm = amPm.equalsIgnoreCase("p");
            h = h % 12 + (pm ? 12 : 0);
        }
        LocalDate date = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
        return date.atTime(LocalTime.of(h, Integer.parseInt(minute))).atZone(zone).toInstant();
    }

    private static int monthNumber(String name) {
        return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new IllegalArgumentException("not a month: " + name);
        };
    }
}
