package org.officialblogs.crawl.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The freshness hints a response carries, for the scheduler's refresh floor: {@code Cache-Control: max-age} and
 * {@code Expires}. Either is null when absent or unreadable; {@code Expires: 0} and other invalid dates mean "already
 * expired" per RFC 9111 and are reported as {@link Instant#EPOCH}.
 */
public record CacheHeaders(Duration maxAge, Instant expires) {

    public static final CacheHeaders NONE = new CacheHeaders(null, null);

    /** Parses raw header values; both may be null. */
    public static CacheHeaders parse(String cacheControl, String expires) {
        return new CacheHeaders(maxAge(cacheControl), expiry(expires));
    }

    private static Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        for (String directive : cacheControl.split(",")) {
            String d = directive.trim();
            int eq = d.indexOf('=');
            if (eq < 0 || !d.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("max-age")) {
                continue;
            }
            String value = d.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            // RFC 9111: a delta-seconds too big to hold means "a very long time" (2^31 seconds)
            return value.length() > 10 ? Duration.ofSeconds(Integer.MAX_VALUE)
                    : Duration.ofSeconds(Math.min(Long.parseLong(value), Integer.MAX_VALUE));
        }
        return null;
    }

    private static Instant expiry(String expires) {
        if (expires == null || expires.isBlank()) {
            return null;
        }
        Instant date = HttpDates.parse(expires);
        return date != null ? date : Instant.EPOCH;
    }
}
