package org.officialblogs.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.officialblogs.metrics.BlogStatus;

/** How numbers, durations, dates and statuses read on the pages (English, the site's zone). */
final class Readable {

    static final String NBSP = "\u00a0";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    Readable(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** "80 %" (whole percent). */
    static String percent(double share) {
        return Math.round(share * 100) + NBSP + "%";
    }

    /** "67–89 %". */
    static String percentRange(double low, double high) {
        return Math.round(low * 100) + "–" + Math.round(high * 100) + NBSP + "%";
    }

    /** One decimal, "1.0". */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "45 min", "3 h", "2.5 days". */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 90) {
            return Math.max(0, minutes) + NBSP + "min";
        }
        double hours = d.toSeconds() / 3600.0;
        if (hours < 48) {
            return Math.round(hours) + NBSP + "h";
        }
        double days = hours / 24;
        return (days < 10 ? oneDecimal(days) : Long.toString(Math.round(days))) + NBSP + "days";
    }

    /** "1 post", "3 posts". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone)) + (zone.equals(java.time.ZoneOffset.UTC) ? " UTC" : "");
    }

    /** For a time element's datetime attribute. */
    static String iso(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "today", "yesterday", "12 days ago", in whole local days. */
    String daysAgo(Instant at, Instant now) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(at, zone), LocalDate.ofInstant(now, zone));
        if (days <= 0) {
            return "today";
        }
        return days == 1 ? "yesterday" : days + " days ago";
    }

    static String statusLabel(BlogStatus s) {
        return switch (s) {
            case ACTIVE -> "Active";
            case SLOWING -> "Slowing";
            case DORMANT -> "Dormant";
            case UNREACHABLE -> "Unreachable";
            case OFFLINE -> "Offline";
            case LEAD -> "Lead";
            case NO_DATA -> "No data yet";
        };
    }

    /** What a status means, in one sentence. */
    static String statusMeaning(BlogStatus s) {
        return switch (s) {
            case ACTIVE -> "Posted in the last " + BlogStatus.ACTIVE_WITHIN_DAYS + " days.";
            case SLOWING -> "The last post is " + BlogStatus.ACTIVE_WITHIN_DAYS + " to " + BlogStatus.SLOWING_WITHIN_DAYS
                    + " days old.";
            case DORMANT -> "No post in the last " + BlogStatus.SLOWING_WITHIN_DAYS + " days.";
            case UNREACHABLE -> "The crawler keeps failing to reach this blog, so its numbers may be out of date.";
            case OFFLINE -> "The blog is gone from its address; archived copies may remain.";
            case LEAD -> "The official is known to blog, but no address is recorded yet.";
            case NO_DATA -> "Not crawled successfully yet, or no dated post found.";
        };
    }

    static String statusCss(BlogStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
