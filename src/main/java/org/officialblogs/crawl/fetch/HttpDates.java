package org.officialblogs.crawl.fetch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.hc.client5.http.utils.DateUtils;

/** Reads an HTTP date in any of the three forms RFC 9110 requires recipients to accept. */
final class HttpDates {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US);

    private HttpDates() {
    }

    /** The instant, or null when the text is none of IMF-fixdate, RFC 850 or asctime. */
    static Instant parse(String text) {
        String value = text.trim();
        Instant standard = DateUtils.parseStandardDate(value);
        if (standard != null) {
            return standard;
        }
        // httpclient's asctime pattern carries no zone and never yields an instant; asctime is always GMT
        try {
            return LocalDateTime.parse(value.replaceAll("\\s+", " "), ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
