package org.officialblogs.crawl.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns feed bytes into text the way forgiving readers do.
 *
 * <p>Order: a byte order mark wins; then, if the bytes are valid UTF-8, they are UTF-8 whatever the prolog or the
 * HTTP header claim (Miniflux's rule: a lying declaration must not double-decode text); otherwise the XML
 * declaration's encoding, then the HTTP header charset, then windows-1252 (Latin-1 bytes without a declaration).
 * The declaration comes before the header for non-UTF-8 bytes because the generator that wrote the bytes named
 * their encoding, while the header is usually a server default. Labels map as browsers map them (WHATWG):
 * ISO-8859-1 and US-ASCII decode as windows-1252, ISO-8859-9 as windows-1254.
 */
final class FeedTextDecoder {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?[A-Za-z]*xml\\b[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET =
            Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<String, String> WHATWG_LABELS = Map.of(
            "iso-8859-1", "windows-1252",
            "iso8859-1", "windows-1252",
            "latin1", "windows-1252",
            "us-ascii", "windows-1252",
            "ascii", "windows-1252",
            "iso-8859-9", "windows-1254",
            "iso8859-9", "windows-1254",
            "iso-8859-11", "x-windows-874",
            "utf8", "UTF-8");

    /**
     * Decoded text with the charset used and how it was chosen; {@code documentSaid} is false when the charset
     * came from the HTTP header or a fallback rather than from the bytes themselves (BOM, UTF-8, declaration).
     */
    record DecodedText(String text, Charset charset, String reason, boolean documentSaid) {
    }

    DecodedText decode(byte[] body, String contentTypeHeader) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new DecodedText(new String(body, 3, body.length - 3, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8, "UTF-8 byte order mark", true);
        }
        if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
            int skip = body[0] == (byte) 0xFE ? 2 : 0;
            return new DecodedText(new String(body, skip, body.length - skip, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE, "UTF-16BE byte order", true);
        }
        if (startsWith(body, 0xFF, 0xFE) || startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
            int skip = body[0] == (byte) 0xFF ? 2 : 0;
            return new DecodedText(new String(body, skip, body.length - skip, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE, "UTF-16LE byte order", true);
        }
        String strictUtf8 = strictUtf8(body);
        if (strictUtf8 != null) {
            return new DecodedText(strictUtf8, StandardCharsets.UTF_8, "valid UTF-8", true);
        }
        Charset declared = supported(declaredEncoding(body));
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new DecodedText(lenient(body, declared), declared, "XML declaration", true);
        }
        Charset fromHeader = supported(headerCharset(contentTypeHeader));
        if (fromHeader != null && !fromHeader.equals(StandardCharsets.UTF_8)) {
            return new DecodedText(lenient(body, fromHeader), fromHeader, "HTTP charset", false);
        }
        return new DecodedText(lenient(body, WINDOWS_1252), WINDOWS_1252,
                declared == null ? "invalid UTF-8 without a declared encoding: read as windows-1252"
                        : "declared UTF-8 but the bytes are not: read as windows-1252", false);
    }

    static String headerCharset(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentTypeHeader);
        return m.find() ? m.group(1) : null;
    }

    private static String declaredEncoding(byte[] body) {
        // The declaration is ASCII; 512 bytes cover it even after a few blank lines.
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static Charset supported(String label) {
        if (label == null) {
            return null;
        }
        String name = WHATWG_LABELS.getOrDefault(label.toLowerCase(Locale.ROOT), label);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenient(byte[] body, Charset charset) {
        return new String(body, charset);
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
