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
import org.jdom2.Namespace;

/**
 * Item dates in the forms nearly every feed writes, read here instead of by Rome: RSS's {@code pubDate} as "Tue, 03
 * Jun 2008 11:05:30 GMT" (or a numeric zone) and Atom 1.0's {@code published} and {@code updated} as
 * "2008-06-03T11:05:30Z" (or "+02:00", with or without milliseconds). Rome reads each date through a new
 * {@code SimpleDateFormat} per mask it tries (an Atom date fails a dozen RFC 822 masks first): 17 % of a crawl's CPU.
 * Only a text read here exactly as Rome would read it is taken (day name matching the date, a four-digit year from
 * 1900, a real day and time, milliseconds as the only fraction); every other text is left where it is for Rome. The
 * dates taken are detached from their items while Rome builds the feed, then put back, and each stands where Rome's
 * reading of it would. Rome ranks a Dublin Core {@code dc:date} (the only Dublin Core element it reads as a date)
 * with the item's own: in RSS the {@code pubDate} counts only where {@code dc:date} gives none, as here, so RSS items
 * with Dublin Core elements are read here too (every WordPress item has {@code dc:creator}); in Atom the
 * {@code published} date replaces {@code dc:date}, so Atom entries with a {@code dc:date} are left to Rome.
 */
final class ItemDates {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final Namespace DC = Namespace.getNamespace(FeedDates.DC);

    /** An item's dates read here; null where Rome reads it (or there is none). */
    record Read(Instant published, Instant updated) {
        static final Read NONE = new Read(null, null);
    }

    /** A date element taken out of its item, and where it was. */
    private record Taken(Element item, Element date, int index) {}

    private final Map<Element, Read> dates = new IdentityHashMap<>();
    private final List<Taken> taken = new ArrayList<>();

    private ItemDates() {}

    /** Takes out of an RSS or Atom 1.0 document's items the dates read here; nothing for other documents. */
    static ItemDates takeOut(Element root) {
        ItemDates out = new ItemDates();
        if (root.getName().equals("rss") && root.getNamespaceURI().isEmpty()) {
            Element channel = root.getChild("channel");
            if (channel == null) return out;
            for (Element item : channel.getChildren("item")) {
                Element pubDate = only(item, "pubDate", Namespace.NO_NAMESPACE);
                Instant at = pubDate == null ? null : rfc822(pubDate.getText());
                if (at != null) out.take(item, new Read(at, null), pubDate);
            }
        } else if (root.getName().equals("feed") && root.getNamespaceURI().equals(FeedElements.ATOM_10)) {
            Namespace atom = root.getNamespace();
            for (Element entry : root.getChildren("entry", atom)) {
                if (entry.getChild("date", DC) != null) continue;
                Element published = only(entry, "published", atom);
                Element updated = only(entry, "updated", atom);
                Instant p = published == null ? null : w3c(published.getText());
                Instant u = updated == null ? null : w3c(updated.getText());
                if (p != null || u != null) out.take(entry, new Read(p, u), p == null ? null : published,
                        u == null ? null : updated);
            }
        }
        return out;
    }

    /** Keeps what was read for the item and detaches the date elements it came from (nulls skipped). */
    private void take(Element item, Read read, Element... elements) {
        dates.put(item, read);
        for (Element date : elements) {
            if (date == null) continue;
            int index = item.indexOf(date);
            item.removeContent(index);
            taken.add(new Taken(item, date, index));
        }
    }

    private static Element only(Element item, String name, Namespace ns) {
        List<Element> found = item.getChildren(name, ns);
        return found.size() == 1 ? found.get(0) : null;
    }

    /** Nothing taken: Rome reads every date. */
    static ItemDates none() {
        return new ItemDates();
    }

    /** Whether any date was taken. */
    boolean isEmpty() {
        return dates.isEmpty();
    }

    /** Puts every date taken back where it was. */
    void putBack() {
        for (int i = taken.size() - 1; i >= 0; i--) {
            Taken t = taken.get(i);
            t.item().addContent(t.index(), t.date());
        }
        taken.clear();
    }

    /** The dates read here for this item; {@link Read#NONE} when Rome read them all. */
    Read of(Element item) {
        Read read = item == null ? null : dates.get(item);
        return read == null ? Read.NONE : read;
    }

    /** "EEE, d MMM yyyy HH:mm:ss" and "GMT" or "+hhmm"/"-hhmm", trimmed as Rome trims; null for anything else. */
    static Instant rfc822(String raw) {
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
        Integer offsetSeconds = zone.equals("GMT") ? Integer.valueOf(0)
                : zone.length() == 5 ? offset(zone.charAt(0), digits(zone, 1, 2), digits(zone, 3, 2)) : null;
        if (offsetSeconds == null) return null;
        try {
            LocalDate date = LocalDate.of(year, month + 1, dayOfMonth);
            if (date.getDayOfWeek() != DayOfWeek.of(day + 1)) return null;
            return date.atTime(hour, minute, second).toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * "yyyy-MM-ddTHH:mm:ss", optionally ".SSS" (exactly three digits, as Blogger writes: Rome's mask reads other
     * lengths oddly), then "Z" or "+hh:mm"/"-hh:mm", trimmed as Rome trims; null for anything else.
     */
    static Instant w3c(String raw) {
        if (raw == null) return null;
        String s = raw.trim();
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') return null;
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1900 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) return null;
        int zoneAt = 19;
        int millis = 0;
        if (s.charAt(19) == '.') {
            millis = digits(s, 20, 3);
            if (millis < 0) return null;
            zoneAt = 23;
        }
        Integer offsetSeconds = n == zoneAt + 1 && s.charAt(zoneAt) == 'Z' ? Integer.valueOf(0)
                : n == zoneAt + 6 && s.charAt(zoneAt + 3) == ':'
                ? offset(s.charAt(zoneAt), digits(s, zoneAt + 1, 2), digits(s, zoneAt + 4, 2)) : null;
        if (offsetSeconds == null) return null;
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute, second, millis * 1_000_000)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A numeric zone's offset in seconds, or null for one Rome might read otherwise (beyond +-14:59, not digits). */
    private static Integer offset(char sign, int hours, int minutes) {
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 14 || minutes < 0 || minutes > 59) return null;
        return (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
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
