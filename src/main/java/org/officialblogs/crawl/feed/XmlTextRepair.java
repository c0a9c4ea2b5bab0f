package org.officialblogs.crawl.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Entities;
import org.officialblogs.crawl.read.ReadFailureKind;

/**
 * Repairs decoded feed text so that a strict, DTD-refusing XML parser can read what the forgiving readers
 * (feedparser, Miniflux, NetNewsWire) read, without ever enabling DTD processing.
 *
 * <p>Line numbers are preserved: every removal is replaced by blanks of the same length or by the newlines it
 * contained, so parser errors point at the original line.
 *
 * <ul>
 *   <li>The XML declaration is blanked out. Parsing works on characters, so its encoding is moot, and this makes
 *       blank lines or comments before it (TechCrunch, Hugo, TypePad, Sam Ruby) legal whitespace in the prolog.</li>
 *   <li>DOCTYPE decision: a declaration with no internal subset (e.g. Netscape RSS 0.91's
 *       {@code <!DOCTYPE rss PUBLIC ... "rss-0.91.dtd">}, XHTML's) only names an external DTD, which we never load,
 *       so it is removed before parsing and its public/system ids are kept so Rome can still tell RSS 0.91N apart.
 *       A declaration with an internal subset ({@code [...]}) is where entities live (XXE, billion laughs): such a
 *       document is refused as {@link ReadFailureKind#UNSAFE}. The parser itself still refuses any DOCTYPE
 *       (Rome's default, {@code disallow-doctype-decl}), so nothing that slips past this scan is processed.</li>
 *   <li>HTML named entities ({@code &nbsp;}, {@code &eacute;}, which the Netscape DTD and sloppy generators rely on)
 *       become numeric references; a bare {@code &} becomes {@code &amp;} (as Rome's XmlFixerReader does).</li>
 *   <li>Characters XML 1.0 forbids (control characters) are dropped, as Miniflux does.</li>
 * </ul>
 */
final class XmlTextRepair {

    /** Text ready for the parser, plus what the prolog said. */
    record RepairedXml(String xml, String rootName, String doctypeName, String doctypePublicId,
            String doctypeSystemId, String prologComments, List<String> repairs) {
    }

    RepairedXml repair(String text) throws FeedRejection {
        List<String> repairs = new ArrayList<>();
        String clean = dropForbiddenCharacters(text, repairs);
        StringBuilder out = new StringBuilder(clean.length() + 64);
        int i = 0;
        int n = clean.length();
        String rootName = null;
        String doctypeName = null;
        String publicId = null;
        String systemId = null;
        StringBuilder prologComments = new StringBuilder();
        boolean sawDeclaration = false;
        // Prolog: whitespace, the declaration, processing instructions, comments and at most one DOCTYPE.
        while (i < n) {
            char c = clean.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                out.append(c == '\uFEFF' ? ' ' : c);
                i++;
            } else if (clean.startsWith("<?", i)) {
                int end = clean.indexOf("?>", i + 2);
                if (end < 0) {
                    throw new FeedRejection(ReadFailureKind.MALFORMED,
                            "unterminated processing instruction at line " + lineOf(clean, i));
                }
                String target = piTarget(clean, i + 2);
                if (!sawDeclaration && target.equalsIgnoreCase("xml")) {
                    sawDeclaration = true;
                    if (i > 0) {
                        repairs.add("XML declaration not at the start of the body (leading blank lines or comments)");
                    }
                    blank(out, clean, i, end + 2);
                } else {
                    out.append(clean, i, end + 2);
                }
                i = end + 2;
            } else if (clean.startsWith("<!--", i)) {
                int end = clean.indexOf("-->", i + 4);
                if (end < 0) {
                    throw new FeedRejection(ReadFailureKind.MALFORMED,
                            "unterminated comment at line " + lineOf(clean, i));
                }
                prologComments.append(clean, i + 4, end).append('\n');
                out.append(clean, i, end + 3);
                i = end + 3;
            } else if (clean.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(clean, i);
                String declaration = clean.substring(i, end);
                String[] parts = doctypeParts(declaration);
                doctypeName = parts[0];
                publicId = parts[1];
                systemId = parts[2];
                repairs.add("removed DOCTYPE " + doctypeName + " (no internal subset; external DTD never loaded)");
                keepNewlines(out, clean, i, end);
                i = end;
            } else if (c == '<' && i + 1 < n && isNameStart(clean.charAt(i + 1))) {
                rootName = elementName(clean, i + 1);
                break;
            } else {
                break;
            }
        }
        if (rootName == null && i >= n) {
            throw new FeedRejection(ReadFailureKind.UNEXPECTED_FORMAT, "no root element: the body holds only a prolog");
        }
        fixEntities(clean, i, out, repairs);
        return new RepairedXml(out.toString(), rootName, doctypeName, publicId, systemId,
                prologComments.toString(), List.copyOf(repairs));
    }

    private static String dropForbiddenCharacters(String text, List<String> repairs) {
        StringBuilder sb = null;
        int dropped = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (allowed) {
                if (sb != null) {
                    sb.append(c);
                }
            } else {
                if (sb == null) {
                    sb = new StringBuilder(text.length());
                    sb.append(text, 0, i);
                }
                dropped++;
            }
        }
        if (sb == null) {
            return text;
        }
        repairs.add("dropped " + dropped + " characters that XML 1.0 forbids");
        return sb.toString();
    }

    /** Finds the end of a DOCTYPE declaration, refusing one with an internal subset. */
    private static int doctypeEnd(String s, int start) throws FeedRejection {
        char quote = 0;
        for (int i = start + 9; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                throw new FeedRejection(ReadFailureKind.UNSAFE, "refused: the DOCTYPE at line " + lineOf(s, start)
                        + " has an internal subset (entity declarations are where XXE and entity-expansion attacks"
                        + " live); feeds never need one");
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new FeedRejection(ReadFailureKind.MALFORMED, "unterminated DOCTYPE at line " + lineOf(s, start));
    }

    /** Name, public id and system id of a DOCTYPE without internal subset (ids may be null). */
    private static String[] doctypeParts(String declaration) {
        String body = declaration.substring(9, declaration.length() - 1).trim();
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = body.indexOf(c, i + 1);
                end = end < 0 ? body.length() : end;
                tokens.add(body.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
                    end++;
                }
                tokens.add(body.substring(i, end));
                i = end;
            }
        }
        String name = tokens.isEmpty() ? "" : tokens.get(0);
        String publicId = null;
        String systemId = null;
        if (tokens.size() >= 3 && tokens.get(1).equalsIgnoreCase("PUBLIC")) {
            publicId = tokens.get(2);
            systemId = tokens.size() >= 4 ? tokens.get(3) : null;
        } else if (tokens.size() >= 3 && tokens.get(1).equalsIgnoreCase("SYSTEM")) {
            systemId = tokens.get(2);
        }
        return new String[] {name, publicId, systemId};
    }

    /**
     * Outside CDATA sections, comments and processing instructions: HTML named entities become numeric
     * references and a bare ampersand is escaped.
     */
    private static void fixEntities(String s, int from, StringBuilder out, List<String> repairs) {
        int converted = 0;
        int escaped = 0;
        int i = from;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                String terminator = s.startsWith("<![CDATA[", i) ? "]]>"
                        : s.startsWith("<!--", i) ? "-->"
                        : s.startsWith("<?", i) ? "?>" : null;
                if (terminator != null) {
                    int end = s.indexOf(terminator, i);
                    end = end < 0 ? n : end + terminator.length();
                    out.append(s, i, end);
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
            } else if (c == '&') {
                int semi = referenceEnd(s, i + 1);
                if (semi < 0) {
                    out.append("&amp;");
                    escaped++;
                    i++;
                    continue;
                }
                String name = s.substring(i + 1, semi);
                if (name.startsWith("#") || isXmlPredefined(name)) {
                    out.append(s, i, semi + 1);
                } else if (Entities.isNamedEntity(name)) {
                    String value = Entities.getByName(name);
                    value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                    converted++;
                } else {
                    // An unknown name: keep the text the author wrote rather than fail the whole feed.
                    out.append("&amp;").append(name).append(';');
                    escaped++;
                }
                i = semi + 1;
            } else {
                // text up to the next markup or reference, copied in one go
                int run = i + 1;
                while (run < n) {
                    char r = s.charAt(run);
                    if (r == '<' || r == '&') break;
                    run++;
                }
                out.append(s, i, run);
                i = run;
            }
        }
        if (converted > 0) {
            repairs.add("converted " + converted + " HTML named entities to character references");
        }
        if (escaped > 0) {
            repairs.add("escaped " + escaped + " bare or unknown '&'");
        }
    }

    /** Index of the ';' ending a well-formed reference body starting at {@code from}, or -1. */
    private static int referenceEnd(String s, int from) {
        int i = from;
        int n = Math.min(s.length(), from + 40);
        if (i < n && s.charAt(i) == '#') {
            i++;
            boolean hex = i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digitsStart = i;
            while (i < n && (hex ? Character.digit(s.charAt(i), 16) >= 0 : Character.isDigit(s.charAt(i)))) {
                i++;
            }
            return i > digitsStart && i < n && s.charAt(i) == ';' ? i : -1;
        }
        if (i >= n || !isNameStart(s.charAt(i))) {
            return -1;
        }
        while (i < n && isNameChar(s.charAt(i))) {
            i++;
        }
        return i < n && s.charAt(i) == ';' ? i : -1;
    }

    private static boolean isXmlPredefined(String name) {
        return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot")
                || name.equals("apos");
    }

    private static String piTarget(String s, int from) {
        int i = from;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        return s.substring(from, i);
    }

    private static String elementName(String s, int from) {
        int i = from;
        while (i < s.length() && (isNameChar(s.charAt(i)) || s.charAt(i) == ':')) {
            i++;
        }
        String qualified = s.substring(from, i);
        int colon = qualified.indexOf(':');
        return (colon >= 0 ? qualified.substring(colon + 1) : qualified).toLowerCase(Locale.ROOT);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static void blank(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out.append(c == '\n' || c == '\r' ? c : ' ');
        }
    }

    private static void keepNewlines(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(c);
            }
        }
    }

    static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
