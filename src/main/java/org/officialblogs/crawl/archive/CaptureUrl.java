package org.officialblogs.crawl.archive;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One capture's address in the archive: the 14-digit capture time and the original URL. Knows the archive's two
 * URL forms, raw ({@code /web/<timestamp>id_/<original>}: the bytes as the site sent them) and replay
 * ({@code /web/<timestamp>/<original>}: the page for people, links rewritten).
 *
 * @param timestamp {@code yyyyMMddhhmmss} in UTC, as the archive writes it
 * @param original  the captured address, absolute http(s)
 */
public record CaptureUrl(String timestamp, URI original) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern OTHER_SCHEME = Pattern.compile("(?!https?:)[a-z][a-z0-9+-]*:(?!\\d)");
    private static final Pattern TIME_AND_MODE = Pattern.compile("(\\d{14})(?:[a-z]{2}_)?");

    public CaptureUrl {
        Objects.requireNonNull(original, "original");
        if (instantOf(timestamp) == null) {
            throw new IllegalArgumentException("not a 14-digit capture time: " + timestamp);
        }
    }

    /** When the capture was made. */
    public Instant capturedAt() {
        return instantOf(timestamp);
    }

    /** The raw form: the original bytes, nothing rewritten or added. */
    public URI raw(URI endpoint) {
        return URI.create(endpoint + "/web/" + timestamp + "id_/" + original);
    }

    /** The replay form, for people to open. */
    public URI replay(URI endpoint) {
        return URI.create(endpoint + "/web/" + timestamp + "/" + original);
    }

    /** The capture time of a 14-digit archive timestamp, or null when it is not a valid one. */
    public static Instant instantOf(String timestamp) {
        if (timestamp == null || timestamp.length() != 14) {
            return null;
        }
        try {
            return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Reads a capture address of the archive at {@code endpoint} (raw or replay form, any mode flag); null when
     * {@code url} is not on that archive or not a capture address. Collapsed schemes ({@code http:/host}) and
     * originals without a scheme are repaired, as the archive writes both.
     */
    public static CaptureUrl parse(URI endpoint, URI url) {
        if (url == null || url.getHost() == null || !sameArchive(endpoint, url)) {
            return null;
        }
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String prefix = base + "/web/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Matcher time = TIME_AND_MODE.matcher(rest.substring(0, slash));
        if (!time.matches()) {
            return null;
        }
        String original = rest.substring(slash + 1) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        URI parsed = originalUrl(original);
        return parsed == null ? null : new CaptureUrl(time.group(1), parsed);
    }

    /** True when {@code url} is served by the archive at {@code endpoint} (same host and port; http or https). */
    public static boolean sameArchive(URI endpoint, URI url) {
        if (url.getHost() == null || !url.getHost().equalsIgnoreCase(endpoint.getHost())) {
            return false;
        }
        int port = effectivePort(url);
        int archivePort = effectivePort(endpoint);
        // the archive may move a request between http and https on its default ports
        return port == archivePort || (url.getPort() == -1 && endpoint.getPort() == -1);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** An original address as the archive writes it (scheme collapsed or missing), as an http(s) URI; or null. */
    static URI originalUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String repaired = text;
        if (lower.startsWith("http:/") && !lower.startsWith("http://")) {
            repaired = "http://" + text.substring("http:/".length());
        } else if (lower.startsWith("https:/") && !lower.startsWith("https://")) {
            repaired = "https://" + text.substring("https:/".length());
        } else if (OTHER_SCHEME.matcher(lower).lookingAt()) {
            return null; // mailto:, javascript:, ftp: ... are no web pages
        } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            repaired = "http://" + text;
        }
        try {
            URI uri = new URI(repaired);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(scheme.equals("http") || scheme.equals("https")) ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
