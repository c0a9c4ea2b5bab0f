package org.officialblogs.crawl.comments.api;

import java.time.Instant;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchResult;

/**
 * The answer to an {@link ApiRequest}: as much of a {@link FetchResult} as a reading needs, so readings stay pure
 * and tests can state answers directly.
 *
 * @param status       HTTP status, 0 when no response arrived
 * @param contentType  the Content-Type header, or null
 * @param body         the body of a 2xx answer; null otherwise (the Fetcher keeps no error bodies)
 * @param fetchFailure the Fetcher's failure kind, null for a 2xx
 * @param message      the Fetcher's message for a failure, or null
 * @param retryAt      when a 429 or 503 pause ends, or null
 */
public record ApiAnswer(int status, String contentType, byte[] body, FailureKind fetchFailure, String message,
        Instant retryAt) {

    public static ApiAnswer of(FetchResult result) {
        return new ApiAnswer(result.status(), result.contentType(), result.body(), result.failure(),
                result.message(), result.retryAt());
    }

    /** A 200 with a JSON body. */
    public static ApiAnswer json(byte[] body) {
        return new ApiAnswer(200, "application/json; charset=utf-8", body, null, null, null);
    }

    /** A 2xx with any body and content type. */
    public static ApiAnswer ok(byte[] body, String contentType) {
        return new ApiAnswer(200, contentType, body, null, null, null);
    }

    /** A failed answer, as the Fetcher reports it for this status. */
    public static ApiAnswer failed(int status, FailureKind kind) {
        return new ApiAnswer(status, null, null, kind, "HTTP " + status, null);
    }

    public boolean ok() {
        return fetchFailure == null;
    }
}
