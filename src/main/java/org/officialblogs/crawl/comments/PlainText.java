package org.officialblogs.crawl.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.officialblogs.crawl.read.MarkupText;

/**
 * Turns untrusted source strings into the safe, bounded ids and addresses a {@link Comment} may hold; names go through
 * {@link org.officialblogs.crawl.read.MarkupText#name}.
 */
public final class PlainText {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private PlainText() {
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
