package org.officialblogs.crawl.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses untrusted XML (feeds, comment feeds) into JDOM: DOCTYPE refused, external entities and DTD loading off,
 * secure processing on, and an entity resolver that refuses everything, so no entity or DTD is ever fetched or
 * expanded. Never relax these: the feed reader's repairs already remove the harmless DOCTYPEs real feeds carry.
 */
public final class HardenedXml {

    /** The document, or the failure as a value. */
    public record Parsed(Document document, ReadFailure failure) {
    }

    private HardenedXml() {
    }

    /** Parses XML text (already decoded); throws for anything not well-formed, a DOCTYPE included. */
    public static Document parse(String xml) throws JDOMException, IOException {
        return builder().build(new StringReader(xml));
    }

    /**
     * Parses an XML body whose encoding comes from its BOM or declaration; an empty body, a DOCTYPE or a parse error
     * is a failure value. Leading blank lines (WordPress prints some) are skipped.
     */
    public static Parsed parse(byte[] body) {
        if (body == null || isBlank(body)) {
            return failed(ReadFailureKind.EMPTY, "the body is empty");
        }
        byte[] bytes = withoutLeadingWhitespace(body);
        if (declaresDoctype(bytes)) {
            return failed(ReadFailureKind.UNSAFE, "the XML declares a DOCTYPE; refused for safety");
        }
        try {
            // The encoding comes from the BOM or the XML declaration, as the XML spec says.
            return new Parsed(builder().build(new ByteArrayInputStream(bytes)), null);
        } catch (JDOMException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                return failed(ReadFailureKind.UNSAFE, "the XML declares a DOCTYPE; refused for safety");
            }
            return failed(ReadFailureKind.MALFORMED, "not well-formed XML: " + firstLine(message));
        } catch (IOException e) {
            return failed(ReadFailureKind.MALFORMED, "unreadable XML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static SAXBuilder builder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        builder.setExpandEntities(false);
        // Belt and braces: should any parser still ask for an external entity, it is refused.
        builder.setEntityResolver(HardenedXml::refuseEntity);
        builder.setReuseParser(false);
        return builder;
    }

    private static InputSource refuseEntity(String publicId, String systemId) throws SAXException {
        throw new SAXException("external entity refused: " + systemId);
    }

    private static Parsed failed(ReadFailureKind kind, String message) {
        return new Parsed(null, new ReadFailure(kind, message));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!isXmlSpace(b)) {
                return false;
            }
        }
        return true;
    }

    /** WordPress sites often print a blank line before the XML declaration, which strict parsers reject. */
    private static byte[] withoutLeadingWhitespace(byte[] body) {
        int start = 0;
        while (start < body.length && isXmlSpace(body[start])) {
            start++;
        }
        if (start == 0) {
            return body;
        }
        byte[] rest = new byte[body.length - start];
        System.arraycopy(body, start, rest, 0, rest.length);
        return rest;
    }

    /** True when the prolog (before the root element) holds a DOCTYPE declaration. */
    private static boolean declaresDoctype(byte[] bytes) {
        // The prolog is ASCII in every encoding a feed uses in practice; UTF-16 is left to the parser's own refusal.
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        int i = head.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < head.length()) {
            char c = head.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i);
                if (end < 0) {
                    return false;
                }
                i = end + 3;
            } else {
                return head.regionMatches(true, i, "<!DOCTYPE", 0, 9);
            }
        }
        return false;
    }

    private static boolean isXmlSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
