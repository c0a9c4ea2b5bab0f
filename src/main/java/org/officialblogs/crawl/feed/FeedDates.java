package org.officialblogs.crawl.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.jdom2.Element;

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

    private static final List<DateTimeFormatter> ZONELESS_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT));

    private record Name(String local, String namespace) {
    }

    private FeedDates() {
    }

    static Instant published(SyndEntry entry, Element raw, String format) {
        if (format.equals("atom_0.3") && raw != null) {
            return first(raw, new Name("issued", raw.getNamespaceURI()), new Name("created", raw.getNamespaceURI()),
                    new Name("modified", raw.getNamespaceURI()));
        }
        Instant rome = instant(entry.getPublishedDate());
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

    static Instant updated(SyndEntry entry, Element raw, String format) {
        if (format.equals("atom_0.3") && raw != null) {
            return first(raw, new Name("modified", raw.getNamespaceURI()));
        }
        Instant rome = instant(entry.getUpdatedDate());
        if (rome != null || raw == null) {
            return rome;
        }
        if (format.startsWith("atom")) {
            return first(raw, new Name("updated", raw.getNamespaceURI()));
        }
        return first(raw, new Name("updated", FeedElements.ATOM_10), new Name("modified", DC_TERMS));
    }

    /** Parses a feed date: RFC 822 and W3C/ISO 8601 as Rome does, then zone-less and dotted European forms. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        Instant rome = instant(DateParser.parseDate(s, Locale.US));
        if (rome != null) {
            return rome;
        }
        for (DateTimeFormatter f : ZONELESS_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
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
