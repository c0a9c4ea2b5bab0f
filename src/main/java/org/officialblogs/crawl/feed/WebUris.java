package org.officialblogs.crawl.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Lenient parsing and resolution of the URLs feeds and pages carry (spaces, non-ASCII, relative forms). */
final class WebUris {

    private static final String ALLOWED_ASCII =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=%";

    private WebUris() {
    }

    /** Parses a possibly sloppy URI reference; null when it is empty or cannot be made valid. */
    static URI parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            try {
                return new URI(escapeIllegal(s));
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }

    /**
     * Resolves a reference against a base and keeps it only when the result is an absolute http(s) URL
     * (a feed's {@code javascript:} or {@code mailto:} link is never a post URL).
     */
    static URI resolveHttp(URI base, String raw) {
        URI ref = parse(raw);
        if (ref == null) {
            return null;
        }
        URI resolved;
        try {
            if (ref.isAbsolute() || base == null) {
                resolved = ref;
            } else {
                resolved = withRootPath(base).resolve(ref);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return isHttp(resolved) ? resolved : null;
    }

    /** Resolves like {@link #resolveHttp} but returns the base unchanged when the reference is absent or bad. */
    static URI resolveBase(URI base, String raw) {
        URI ref = parse(raw);
        if (ref == null) {
            return base;
        }
        try {
            URI resolved = ref.isAbsolute() || base == null ? ref : withRootPath(base).resolve(ref);
            return resolved.isAbsolute() ? resolved : base;
        } catch (IllegalArgumentException e) {
            return base;
        }
    }

    static boolean isHttp(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** java.net.URI resolves "x" against "http://h" to "http://hx"; an empty path must be "/". */
    private static URI withRootPath(URI base) {
        if (base.isOpaque() || base.getRawAuthority() == null) {
            return base;
        }
        String path = base.getRawPath();
        if (path == null || path.isEmpty()) {
            try {
                return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
            } catch (URISyntaxException e) {
                return base;
            }
        }
        return base;
    }

    private static String escapeIllegal(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && ALLOWED_ASCII.indexOf(c) >= 0) {
                if (c == '%' && !(i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)))) {
                    sb.append("%25");
                } else {
                    sb.append(c);
                }
            } else {
                int cp = s.codePointAt(i);
                if (Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
