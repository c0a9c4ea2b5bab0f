package org.officialblogs.crawl.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

import org.jdom2.Element;
import org.officialblogs.crawl.read.LenientDates;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.impl.DateParser;

/**
 * Item dates. Rome's reading first; the raw elements when Rome has none or reads the wrong one (Atom 0.3, where
 * Rome prefers {@code modified} over {@code issued}); a few extra formats Rome rejects, with UTC when no zone is
 * given. No date is null, never "now".
 */
final class FeedDates {

    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DC_TERMS = "http://purl.org/dc/terms/";

    private record Name(String local, String namespace) {
    }

    private FeedDates() {
    }

    /** @param read the item's dates read instead of by Rome ({@link ItemDates}): each stands where Rome's would */
    static Instant published(SyndEntry entry, Element raw, String format, ItemDates.Read read) {
        if (format.equals("atom_0.3") && raw != null) {
            return first(raw, new Name("issued", raw.getNamespaceURI()), new Name("created", raw.getNamespaceURI()),
                    new Name("modified", raw.getNamespaceURI()));
        }
        Instant rome = instant(entry.getPublishedDate());
        if (rome == null) rome = read.published();
        if (rome != null || raw == null) {
            return rome != null ? rome : instant(entry.getUpdatedDate());
        }
        if (format.startsWith("atom")) {
            // Atom requires only <updated>; readers show it as the post date when <published> is absent.
            return first(raw, new Name("published", raw.getNamespaceURI()), new Name("updated", raw.getNamespaceURI()));
        }
        return first(raw, new Name("pubDate", raw.getNamespaceURI()), new Name("date", DC),
                new Name("issued", DC_TERMS), new Name("created", DC_TERMS),
                new Name("published", FeedElements.ATOM_10), new Name("updated", FeedElements.ATOM_10),
                new Name("modified", DC_TERMS));
    }

    static Instant updated(SyndEntry entry, Element raw, String format, ItemDates.Read read) {
        if (format.equals("atom_0.3") && raw != null) {
            return first(raw, new Name("modified", raw.getNamespaceURI()));
        }
        Instant rome = instant(entry.getUpdatedDate());
        if (rome == null) rome = read.updated();
        if (rome != null || raw == null) {
            return rome;
        }
        if (format.startsWith("atom")) {
            return first(raw, new Name("updated", raw.getNamespaceURI()));
        }
        return first(raw, new Name("updated", FeedElements.ATOM_10), new Name("modified", DC_TERMS));
    }

    /** Parses a feed date: RFC 822 and W3C/ISO 8601 as Rome does, then zone-less and dotted forms in UTC. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        Instant rome = instant(DateParser.parseDate(s, Locale.US));
        return rome != null ? rome : LenientDates.zoneless(s, ZoneOffset.UTC);
    }

    private static Instant first(Element raw, Name... names) {
        for (Name name : names) {
            Instant parsed = parse(FeedElements.childText(raw, name.local(), name.namespace()));
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
