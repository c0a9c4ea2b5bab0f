package org.officialblogs.crawl.feed;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;

/**
 * RSS items' {@code pubDate} in the one form nearly every feed writes ("Tue, 03 Jun 2008 11:05:30 GMT", or with a
 * numeric zone), read here instead of by Rome. Rome reads each date through a new {@code SimpleDateFormat}: 17 % of
 * a crawl's CPU. Only a text this reader reads exactly as Rome's first mask would (day name matching the date, a
 * four-digit year from 1900, a real day and time, GMT or a numeric zone) is taken; every other text is left where
 * it is for Rome. The dates taken are detached from their items while Rome builds the feed, then put back, and the
 * item's date is the one read here wherever Rome's would have been the {@code pubDate}'s (a Dublin Core date still
 * comes first, as in Rome).
 */
final class RssPubDates {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private record Taken(Element item, int index, Element pubDate) {}

    private final Map<Element, Instant> dates = new IdentityHashMap<>();
    private final List<Taken> taken = new ArrayList<>();

    private RssPubDates() {}

    /** Takes out of an RSS document's items the dates read here; nothing for other documents. */
    static RssPubDates takeOut(Element root) {
        RssPubDates out = new RssPubDates();
        if (!root.getName().equals("rss") || !root.getNamespaceURI().isEmpty()) return out;
        Element channel = root.getChild("channel");
        if (channel == null) return out;
        for (Element item : channel.getChildren("item")) {
            List<Element> pubDates = item.getChildren("pubDate");
            if (pubDates.size() != 1) continue;
            Element pubDate = pubDates.get(0);
            Instant at = parse(pubDate.getText());
            if (at == null) continue;
            out.dates.put(item, at);
            out.taken.add(new Taken(item, item.indexOf(pubDate), pubDate));
        }
        for (Taken t : out.taken) t.item().removeContent(t.index());
        return out;
    }

    /** Nothing taken: Rome reads every date. */
    static RssPubDates none() {
        return new RssPubDates();
    }

    /** Whether any date was taken. */
    boolean isEmpty() {
        return dates.isEmpty();
    }

    /** Puts every date taken back where it was. */
    void putBack() {
        for (int i = taken.size() - 1; i >= 0; i--) {
            Taken t = taken.get(i);
            t.item().addContent(t.index(), t.pubDate());
        }
        taken.clear();
    }

    /** The date read here for this item, or null when Rome read it (or it has none). */
    Instant of(Element item) {
        return item == null ? null : dates.get(item);
    }

    /** "EEE, d MMM yyyy HH:mm:ss" and "GMT" or "+hhmm"/"-hhmm", trimmed as Rome trims; null for anything else. */
    static Instant parse(String raw) {
        if (raw == null) return null;
        String s = raw.trim();
        int n = s.length();
        // shortest: "Tue, 3 Jun 2008 11:05:30 GMT" (28); longest: "Tue, 03 Jun 2008 11:05:30 +0200" (31)
        if (n < 28 || n > 31 || s.charAt(3) != ',' || s.charAt(4) != ' ') return null;
        int day = index(DAYS, s, 0);
        if (day < 0) return null;
        int i = 5;
        int width = s.charAt(i + 1) == ' ' ? 1 : 2;
        int dayOfMonth = digits(s, i, width);
        if (dayOfMonth < 0) return null;
        i += width;
        if (s.charAt(i) != ' ') return null;
        int month = index(MONTHS, s, i + 1);
        if (month < 0 || s.charAt(i + 4) != ' ') return null;
        i += 5;
        int year = digits(s, i, 4);
        if (year < 1900 || s.charAt(i + 4) != ' ') return null;
        i += 5;
        if (i + 9 > n || s.charAt(i + 2) != ':' || s.charAt(i + 5) != ':' || s.charAt(i + 8) != ' ') return null;
        int hour = digits(s, i, 2);
        int minute = digits(s, i + 3, 2);
        int second = digits(s, i + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
        String zone = s.substring(i + 9);
        int offsetSeconds;
        if (zone.equals("GMT")) {
            offsetSeconds = 0;
        } else if (zone.length() == 5 && (zone.charAt(0) == '+' || zone.charAt(0) == '-')) {
            int hh = digits(zone, 1, 2);
            int mm = digits(zone, 3, 2);
            if (hh < 0 || hh > 14 || mm < 0 || mm > 59) return null;
            offsetSeconds = (zone.charAt(0) == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
        } else {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month + 1, dayOfMonth);
            if (date.getDayOfWeek() != DayOfWeek.of(day + 1)) return null;
            return date.atTime(hour, minute, second).toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int index(String[] names, String s, int at) {
        if (at + 3 > s.length()) return -1;
        for (int k = 0; k < names.length; k++) {
            if (s.startsWith(names[k], at)) return k;
        }
        return -1;
    }

    /** The number in {@code count} ASCII digits at {@code at}, or -1. */
    private static int digits(String s, int at, int count) {
        if (at + count > s.length()) return -1;
        int value = 0;
        for (int k = at; k < at + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
