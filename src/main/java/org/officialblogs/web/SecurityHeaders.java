package org.officialblogs.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every answer carries, from a page of the app as much as from the server's own error answers. */
final class SecurityHeaders {

    static final Map<String, String> ALL = all();

    private SecurityHeaders() {
    }

    private static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("X-Content-Type-Options", "nosniff");
        m.put("Referrer-Policy", "same-origin");
        m.put("X-Frame-Options", "DENY");
        m.put("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
        return java.util.Collections.unmodifiableMap(m);
    }
}
