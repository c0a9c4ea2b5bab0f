package org.officialblogs.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.metrics.MeasuredStatus;
import org.officialblogs.registry.ListingStatus;

/** How numbers, durations, dates and statuses read on the pages (English, the site's zone). */
final class Readable {

    static final String NBSP = "\u00a0";
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

    /** One decimal, rounded half up: "1.0". (String.format costs microseconds; a page formats hundreds.) */
    static String oneDecimal(double value) {
        long tenths = Math.round(Math.abs(value) * 10);
        return (value < 0 && tenths != 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
    }

    /**
     * {@code decimals} digits after the point, as {@code String.format(Locale.ROOT, "%.2f", value)} writes them (half
     * up on the shortest decimal of the double) without its formatter, which costs microseconds; a profile formats
     * dozens. Negative, infinite and NaN values, never in the score, go through String.format.
     */
    static String fixed(double value, int decimals) {
        if (!(value >= 0) || Double.isInfinite(value) || 1 / value < 0) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
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

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    /** "14 Jun 2024" (written by hand: a rankings page formats a hundred dates, DateTimeFormatter is slow). */
    String date(Instant at) {
        if (at == null) {
            return "";
        }
        LocalDate d = LocalDate.ofInstant(at, zone);
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone)) + (zone.equals(java.time.ZoneOffset.UTC) ? " UTC" : "");
    }

    /** For a time element's datetime attribute: "2024-06-14T09:00:00Z" (UTC, whole seconds). */
    static String iso(Instant at) {
        if (at == null) {
            return "";
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, java.time.ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return at.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        put(c, 0, t.getYear(), 4);
        put(c, 5, t.getMonthValue(), 2);
        put(c, 8, t.getDayOfMonth(), 2);
        put(c, 11, t.getHour(), 2);
        put(c, 14, t.getMinute(), 2);
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** "today", "yesterday", "12 days ago", in whole local days. */
    String daysAgo(Instant at, Instant now) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(at, zone), LocalDate.ofInstant(now, zone));
        if (days <= 0) {
            return "today";
        }
        return days == 1 ? "yesterday" : days + " days ago";
    }

    static String statusLabel(MeasuredStatus s) {
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
    static String statusMeaning(MeasuredStatus s) {
        return switch (s) {
            case ACTIVE -> "Posted in the last " + MeasuredStatus.ACTIVE_WITHIN_DAYS + " days.";
            case SLOWING -> "The last post is " + MeasuredStatus.ACTIVE_WITHIN_DAYS + " to " + MeasuredStatus.SLOWING_WITHIN_DAYS
                    + " days old.";
            case DORMANT -> "No post in the last " + MeasuredStatus.SLOWING_WITHIN_DAYS + " days.";
            case UNREACHABLE -> "The crawler keeps failing to reach this blog, so its numbers may be out of date.";
            case OFFLINE -> "The blog is gone from its address; archived copies may remain.";
            case LEAD -> "The official is known to blog, but no address is recorded yet.";
            case NO_DATA -> "Not crawled successfully yet, or no dated post found.";
        };
    }

    /** A stored failure kind in words ("The site took too long to answer"); an unknown code reads as a generic failure. */
    static String failure(String code) {
        return org.officialblogs.db.Coded.parse(FailureKind.class, code).map(FailureKind::label)
                .orElse("The crawler could not read it");
    }

    /** What a fetch of the crawl log was for, in words. */
    static String purpose(String code) {
        if (code == null) return "";
        return switch (code) {
            case "feed" -> "the feed";
            case "history" -> "older posts (feed history)";
            case "comments" -> "a post's comments";
            case "discovery" -> "looking for the feed";
            case "robots" -> "robots.txt";
            case "archive" -> "the web archive";
            default -> code.replace('_', ' ');
        };
    }

    /** How a comment's authorship was decided, in a sentence; an unknown code reads as its words. */
    static String signal(String code) {
        return org.officialblogs.db.Coded.parse(org.officialblogs.crawl.comments.AuthorshipSignal.class, code)
                .map(org.officialblogs.crawl.comments.AuthorshipSignal::explanation)
                .orElse(code == null ? "" : code.replace('_', ' ') + ".");
    }

    /** The host of a web address, without "www." ("example.org"); empty when there is none. */
    static String host(String url) {
        if (url == null) return "";
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            if (host == null) return "";
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A blog's place in the registry, as the public pages say it. */
    static String listing(ListingStatus s) {
        return switch (s) {
            case LEAD -> "Lead: the official is known to blog, the address is not";
            case PENDING -> "Waiting for a moderator";
            case ACTIVE -> "Listed";
            case DORMANT -> "Listed, marked dormant by a moderator";
            case OFFLINE -> "Listed, the blog is offline";
            case REJECTED -> "Rejected";
        };
    }

    static String statusCss(MeasuredStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
