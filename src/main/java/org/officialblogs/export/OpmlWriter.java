package org.officialblogs.export;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.officialblogs.registry.Countries;

/** feeds.opml: every listed blog's working feed, one outline per country, for a feed reader to subscribe to at once. */
public final class OpmlWriter {

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** Writes the feeds (already ordered by country) as OPML 2.0; leaves {@code out} open. */
    public void write(List<ExportDao.Feed> feeds, Instant created, String baseUrl, OutputStream out) {
        write(feeds, created, baseUrl, null, out);
    }

    /** The same, with a notice (the demo's "synthetic") in the title; null for none. */
    public void write(List<ExportDao.Feed> feeds, Instant created, String baseUrl, String notice, OutputStream out) {
        try {
            XMLStreamWriter x = factory.createXMLStreamWriter(NonClosing.of(out), "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("opml");
            x.writeAttribute("version", "2.0");
            x.writeStartElement("head");
            element(x, "title", DataExporter.titled("Official Blogs: feeds of public officials' blogs that work", notice));
            element(x, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)));
            element(x, "docs", "https://opml.org/spec2.opml");
            element(x, "ownerId", baseUrl + "/data");
            x.writeEndElement();
            x.writeStartElement("body");
            String country = null;
            for (ExportDao.Feed f : feeds) {
                if (!Objects.equals(country, f.country())) {
                    if (country != null) x.writeEndElement();
                    country = f.country();
                    x.writeStartElement("outline");
                    x.writeAttribute("text", Countries.name(country));
                    x.writeAttribute("title", Countries.name(country));
                }
                // an outline's text is one line: XML would turn a line break in an attribute into a space anyway
                String text = (f.office() == null || f.office().isBlank() ? f.name() : f.name() + " (" + f.office() + ")")
                        .replaceAll("\\s+", " ").strip();
                x.writeEmptyElement("outline");
                x.writeAttribute("type", "rss");
                x.writeAttribute("text", text);
                x.writeAttribute("title", text);
                x.writeAttribute("xmlUrl", f.feedUrl());
                if (f.siteUrl() != null) x.writeAttribute("htmlUrl", f.siteUrl());
                if (f.language() != null) x.writeAttribute("language", f.language());
            }
            if (country != null) x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
