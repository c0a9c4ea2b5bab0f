package org.officialblogs.registry;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the outlines of an OPML file (a blogroll or feed-reader export) with the JDK's StAX parser, hardened: no
 * DTD (a file with a DOCTYPE is refused, which rules out external entities and entity expansion bombs), no
 * external access. An outline with xmlUrl or htmlUrl is a row; one with neither and no children is a row in error;
 * one with children and no address is a folder and skipped.
 */
public final class OpmlReader {

    /** One outline that is a row: its line, text (or title), feed address and site address as written. */
    public record Outline(long line, String text, String xmlUrl, String htmlUrl) {
        public boolean hasAddress() {
            return xmlUrl != null || htmlUrl != null;
        }
    }

    /** The rows, or why the file could not be read (then rows holds those read before the problem). */
    public record Parsed(List<Outline> outlines, String fileError) {}

    /** More outlines than this and the file is refused: moderators cannot review thousands of rows at once. */
    public static final int MAX_OUTLINES = 1000;

    private OpmlReader() {}

    public static Parsed parse(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<Outline> rows = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        boolean sawOpml = false;
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    return new Parsed(List.of(), "the file declares a DOCTYPE; OPML needs none, and files with one are refused for safety");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!sawOpml) {
                        if (!name.equalsIgnoreCase("opml")) {
                            return new Parsed(List.of(), "this is XML but not OPML (the first element is <" + name + ">, expected <opml>)");
                        }
                        sawOpml = true;
                    }
                    if (name.equalsIgnoreCase("outline")) {
                        if (!open.isEmpty()) open.peek().hasChild = true;
                        Outline o = new Outline(r.getLocation().getLineNumber(), firstNonBlank(attr(r, "text"), attr(r, "title")),
                                attr(r, "xmlUrl"), attr(r, "htmlUrl"));
                        open.push(new Open(o));
                        if (o.hasAddress()) rows.add(o);
                        if (rows.size() > MAX_OUTLINES) {
                            return new Parsed(List.of(), "the file has more than " + MAX_OUTLINES + " outlines; please split it");
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equalsIgnoreCase("outline")) {
                    Open done = open.pop();
                    if (!done.outline.hasAddress() && !done.hasChild) rows.add(done.outline);
                }
            }
            if (!sawOpml) return new Parsed(List.of(), "the file is empty");
        } catch (XMLStreamException e) {
            rows.sort(Comparator.comparingLong(Outline::line));
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String why = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
            return new Parsed(List.copyOf(rows), "the file is not well-formed XML" + (line > 0 ? " at line " + line : "")
                    + ": " + why.strip() + (rows.isEmpty() ? "" : "; the outlines before it are listed"));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array releases nothing
                }
            }
        }
        rows.sort(Comparator.comparingLong(Outline::line));
        return new Parsed(List.copyOf(rows), null);
    }

    private static final class Open {
        final Outline outline;
        boolean hasChild;

        Open(Outline outline) {
            this.outline = outline;
        }
    }

    /** An attribute by name, ignoring case (exports write xmlUrl, xmlurl or XMLURL); blank is null. */
    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                String v = r.getAttributeValue(i);
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null ? a : b;
    }
}
