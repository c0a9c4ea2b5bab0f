package org.officialblogs.export;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link AtomFeed} as Atom 1.0 XML in UTF-8. Text is escaped by the StAX writer; characters XML 1.0
 * cannot carry at all (control characters, lone surrogates) are dropped first, so hostile or broken feed text
 * can never make the document malformed.
 */
public final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int MAX_TEXT = 2000;

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    public void write(AtomFeed feed, OutputStream out) {
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", feed.id());
            text(w, "title", feed.title());
            text(w, "updated", timestamp(feed.updated()));
            link(w, "self", feed.selfUrl(), "application/atom+xml");
            link(w, "alternate", feed.alternateUrl(), "text/html");
            text(w, "generator", "Official Blogs");
            for (AtomFeed.Entry e : feed.entries()) {
                w.writeStartElement("entry");
                text(w, "id", e.id());
                text(w, "title", e.title() == null || e.title().isBlank() ? "(untitled)" : e.title());
                link(w, "alternate", e.url(), "text/html");
                text(w, "updated", timestamp(e.updated()));
                if (e.published() != null) {
                    text(w, "published", timestamp(e.published()));
                }
                w.writeStartElement("author");
                text(w, "name", e.authorName() == null || e.authorName().isBlank() ? "Unknown" : e.authorName());
                w.writeEndElement();
                if (e.summary() != null && !e.summary().isBlank()) {
                    text(w, "summary", e.summary());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("cannot write the Atom feed " + feed.id() + ": " + e.getMessage(), e);
        }
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(xmlSafe(value, MAX_TEXT));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        if (href == null || href.isBlank()) {
            return;
        }
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", xmlSafe(href, MAX_TEXT));
    }

    static String timestamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Drops characters outside XML 1.0's Char production and cuts overly long text at a code point boundary. */
    static String xmlSafe(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        int count = 0;
        for (int i = 0; i < s.length() && count < max; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean loneSurrogate = len == 1 && Character.isSurrogate(s.charAt(i));
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (allowed && !loneSurrogate) {
                b.appendCodePoint(cp);
                count++;
            }
            i += len;
        }
        if (count == max && s.codePointCount(0, s.length()) > max) {
            b.append('…');
        }
        return b.toString();
    }
}
