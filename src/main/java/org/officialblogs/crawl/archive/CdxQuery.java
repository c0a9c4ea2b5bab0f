package org.officialblogs.crawl.archive;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One question to a CDX index: the captures of an address, as JSON, with the fields this crawler reads.
 *
 * @param url       the address asked about (an original URL, not an archive one)
 * @param matchType exact address or every address under it
 * @param from      earliest capture time, 1-14 digits of {@code yyyyMMddhhmmss} (inclusive), or null
 * @param to        latest capture time, same form (inclusive), or null
 * @param filters   {@code [!]field:regex} conditions, all of which a capture must meet
 * @param collapse  {@code field[:N]}: of adjacent captures equal in that field, only the first is listed
 * @param limit     captures per answer; more are asked for with the resume key
 * @param resumeKey where the previous answer stopped, or null for the first page
 */
public record CdxQuery(URI url, MatchType matchType, String from, String to, List<String> filters,
                       List<String> collapse, int limit, String resumeKey) {

    /** The fields asked for, in this order; the answer's header row is still what the parser trusts. */
    public static final List<String> FIELDS = List.of("timestamp", "original", "mimetype", "statuscode", "digest",
            "length");

    /** Captures worth reading: the ones the site answered with content (200) or with a redirect. */
    public static final String READABLE_STATUS = "statuscode:(200|301|302|303|307|308)";

    /** Adjacent captures with the same content (digest) are one capture for us. */
    public static final String DISTINCT_CONTENT = "digest";

    private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("\\d{1,14}");

    public CdxQuery {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(matchType, "matchType");
        if (from != null && !TIMESTAMP_PREFIX.matcher(from).matches()) {
            throw new IllegalArgumentException("from must be 1-14 digits (yyyyMMddhhmmss), got " + from);
        }
        if (to != null && !TIMESTAMP_PREFIX.matcher(to).matches()) {
            throw new IllegalArgumentException("to must be 1-14 digits (yyyyMMddhhmmss), got " + to);
        }
        filters = List.copyOf(filters);
        collapse = List.copyOf(collapse);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** The distinct readable captures of {@code url} between {@code from} and {@code to} (either may be null). */
    public static CdxQuery readableCaptures(URI url, MatchType matchType, String from, String to, int limit) {
        return new CdxQuery(url, matchType, from, to, List.of(READABLE_STATUS), List.of(DISTINCT_CONTENT), limit,
                null);
    }

    /** The same question, continued after the answer that ended with {@code key}. */
    public CdxQuery resumedAt(String key) {
        return new CdxQuery(url, matchType, from, to, filters, collapse, limit, Objects.requireNonNull(key, "key"));
    }

    /** The request address at {@code endpoint} (which may carry a path, as a mirror's does). */
    public URI uri(URI endpoint) {
        List<String> parameters = new ArrayList<>();
        parameters.add(parameter("url", url.toString()));
        parameters.add(parameter("matchType", matchType.parameter()));
        parameters.add(parameter("output", "json"));
        parameters.add(parameter("fl", String.join(",", FIELDS)));
        filters.forEach(f -> parameters.add(parameter("filter", f)));
        collapse.forEach(c -> parameters.add(parameter("collapse", c)));
        if (from != null) {
            parameters.add(parameter("from", from));
        }
        if (to != null) {
            parameters.add(parameter("to", to));
        }
        parameters.add(parameter("limit", Integer.toString(limit)));
        parameters.add(parameter("showResumeKey", "true"));
        if (resumeKey != null) {
            parameters.add(parameter("resumeKey", resumeKey));
        }
        return URI.create(endpoint + "/cdx/search/cdx?" + String.join("&", parameters));
    }

    private static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
