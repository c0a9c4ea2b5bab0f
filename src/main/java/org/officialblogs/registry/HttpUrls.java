package org.officialblogs.registry;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place for http(s) addresses: strict parsing of what people type or import ({@link #parseHttpUrl}), the
 * comparison key that keeps one blog from being listed twice ({@link #key}), and lenient parsing and resolution of
 * the addresses documents and servers carry (feed and page links, {@code Location} headers).
 *
 * <p>The key ignores scheme and {@code www.}, lower-cases the host (IDN to ASCII), drops the default port, fragment,
 * trailing slash and tracking parameters, and sorts the remaining query parameters. It is for comparison only; the
 * address as given is what we store and show.
 */
public final class HttpUrls {

    private static final Set<String> TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
            "_hsenc", "_hsmi", "ref", "ref_src", "source", "spm", "s_cid");

    private static final String ALLOWED_ASCII =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=%";

    private HttpUrls() {}

    /** Parses an absolute http(s) URL typed by a person or found in a file; empty when it is not one. */
    public static Optional<URI> parseHttpUrl(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 2048) return Optional.empty();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) return Optional.empty();
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme();
            if (scheme == null) return Optional.empty();
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
            if (uri.getRawUserInfo() != null) return Optional.empty();
            String host = uri.getHost();
            if (host == null || host.isBlank() || !host.contains(".") && !host.equals("localhost")) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A human-readable reason why {@link #parseHttpUrl} refused a value. */
    public static String whyNotHttpUrl(String raw) {
        if (raw == null || raw.isBlank()) return "is empty";
        String s = raw.strip();
        if (s.length() > 2048) return "is longer than 2048 characters";
        if (s.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "contains spaces or control characters";
        }
        try {
            URI uri = new URI(s);
            if (uri.getScheme() == null) return "has no scheme (it must start with http:// or https://)";
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "uses the scheme '" + scheme + "'; only http and https are accepted";
            }
            if (uri.getRawUserInfo() != null) return "contains a user name or password";
            if (uri.getHost() == null) return "has no valid host name";
            return "has no valid host name";
        } catch (URISyntaxException e) {
            return "is not a valid address (" + e.getReason() + ")";
        }
    }

    /** The comparison key of an http(s) address; empty when the value is not one. */
    public static Optional<String> key(String raw) {
        return parseHttpUrl(raw).map(HttpUrls::key);
    }

    static String key(URI uri) {
        String host = IDN.toASCII(uri.getHost(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.startsWith("www.")) host = host.substring(4);
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder key = new StringBuilder(host);
        if (!defaultPort) key.append(':').append(port);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/{2,}", "/");
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        key.append(decodeUnreserved(path));
        String query = normaliseQuery(uri.getRawQuery());
        if (!query.isEmpty()) key.append('?').append(query);
        return key.toString();
    }

    private static String normaliseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("utm_") || TRACKING_PARAMS.contains(lower)) continue;
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /** Decodes percent-escapes of unreserved characters (RFC 3986 6.2.2.2) so %7E and ~ compare equal. */
    private static String decodeUnreserved(String path) {
        if (path.indexOf('%') < 0) return path;
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int v = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                if (Character.isLetterOrDigit(v) && v < 128 || v == '-' || v == '.' || v == '_' || v == '~') {
                    out.append((char) v);
                } else {
                    out.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Parses a possibly sloppy URI reference; null when it is empty or cannot be made valid. */
    public static URI parseLenient(String raw) {
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
    public static URI resolveHttp(URI base, String raw) {
        URI ref = parseLenient(raw);
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
    public static URI resolveBase(URI base, String raw) {
        URI ref = parseLenient(raw);
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

    /** An absolute http or https URL with a host. */
    public static boolean isHttp(URI uri) {
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

    /**
     * The target of a redirect: the {@code Location} header resolved against the request's URL, without its
     * fragment; null when it cannot be made an absolute URL.
     */
    public static URI resolveLocation(URI base, String location) {
        URI ref = parseLenient(location);
        if (ref == null) {
            return null;
        }
        try {
            URI resolved = ref.isAbsolute() ? ref : withRootPath(base).resolve(ref);
            return resolved.isAbsolute() ? withoutFragment(resolved) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The URL without its {@code #fragment}, which is never sent to a server. */
    public static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String text = url.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }
}
