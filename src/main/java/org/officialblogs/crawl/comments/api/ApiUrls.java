package org.officialblogs.crawl.comments.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds API URLs from a base and encoded query parameters; pure. */
public final class ApiUrls {

    private ApiUrls() {
    }

    /** {@code base} treated as a directory ("https://x.org/wp-json" and ".../wp-json/" alike) plus {@code path}. */
    public static URI under(URI base, String path) {
        Objects.requireNonNull(base, "base");
        String b = base.toString();
        int cut = indexOfQueryOrFragment(b);
        String head = cut < 0 ? b : b.substring(0, cut);
        if (!head.endsWith("/")) {
            head += "/";
        }
        String tail = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(head + tail);
    }

    /**
     * The URL with parameters appended (name, value, name, value...), values percent-encoded; a null value leaves
     * its parameter out, an empty one keeps it ("token=").
     */
    public static URI withQuery(URI url, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                pairs.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
            }
        }
        String s = url.toString();
        int hash = s.indexOf('#');
        String fragmentless = hash < 0 ? s : s.substring(0, hash);
        if (pairs.isEmpty()) {
            return URI.create(fragmentless);
        }
        String joiner = fragmentless.contains("?") ? (fragmentless.endsWith("?") || fragmentless.endsWith("&")
                ? "" : "&") : "?";
        return URI.create(fragmentless + joiner + String.join("&", pairs));
    }

    /** Percent-encoding for a query value (space as %20, not +, which some servers read literally). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The scheme, host and port of a URL, with a trailing slash ("https://x.org:8080/"). */
    public static URI origin(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/");
    }

    private static int indexOfQueryOrFragment(String s) {
        int q = s.indexOf('?');
        int h = s.indexOf('#');
        if (q < 0) {
            return h;
        }
        return h < 0 ? q : Math.min(q, h);
    }
}
