package org.officialblogs.crawl.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Turns untrusted source strings into the plain, bounded values a {@link Comment} may hold. */
public final class PlainText {
    static final int MAX_NAME_CHARS = 200;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    // Control and format characters (bidi overrides, zero-width marks) only serve to disguise a name.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private PlainText() {
    }

    /**
     * A display name as plain text: markup is dropped (a script element with its content), invisible characters
     * removed, spaces collapsed, length bounded. Null when nothing readable is left.
     */
    public static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(raw).text() : raw;
        text = INVISIBLE.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_NAME_CHARS) {
            int end = text.offsetByCodePoints(0, text.codePointCount(0, MAX_NAME_CHARS));
            text = text.substring(0, end).strip();
        }
        return text;
    }

    /** An id made only of letters, digits and {@code . _ : -}; null otherwise. */
    public static String id(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return SAFE_ID.matcher(trimmed).matches() ? trimmed : null;
    }

    /** An absolute http(s) URL with a host, or null: {@code javascript:} and relative junk never survive. */
    public static String httpUrl(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A stable id for a comment its source does not number: "h:" and 16 hex digits of SHA-256 over the parts. */
    public static String hashId(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "h:" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
