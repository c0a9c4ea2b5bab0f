package org.officialblogs.crawl.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one fetch produced. Success is a 2xx with its body, or a 304 ({@link #notModified()}, no body); anything else
 * carries a {@link FailureKind} and a message. Validators ({@link #etag()}, {@link #lastModified()}) are set on every
 * 200 and 304 so the caller can save them; on a 304 that omits one, the validator that was sent is carried over.
 *
 * @param requestedUrl  the URL asked for
 * @param finalUrl      the URL of the last response (after redirects), or the last one tried
 * @param status        HTTP status of the last response, 0 when no response arrived
 * @param body          decoded body of a success, null otherwise (and on 304)
 * @param contentType   the Content-Type header as sent (with any charset parameter), may be null
 * @param cache         Cache-Control max-age and Expires of the last response
 * @param redirects     every hop followed, in order
 * @param allPermanent  true when at least one redirect was followed and every one was 301 or 308
 * @param duration      wall time of the whole fetch, politeness waits included
 * @param bytes         decoded body size (0 without a body)
 * @param failure       null on success
 * @param message       what went wrong in detail, null on success
 * @param retryAt       when a 429 (host) or 503 (this URL) pause ends; null otherwise
 */
public record FetchResult(
        URI requestedUrl,
        URI finalUrl,
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        CacheHeaders cache,
        List<RedirectHop> redirects,
        boolean allPermanent,
        Duration duration,
        long bytes,
        FailureKind failure,
        String message,
        boolean notModified,
        Instant retryAt) {

    public FetchResult {
        redirects = List.copyOf(redirects);
        cache = cache == null ? CacheHeaders.NONE : cache;
    }

    /** The same result without its body (its size stays in {@link #bytes}), for keeping once the body is read. */
    public FetchResult withoutBody() {
        return body == null ? this : new FetchResult(requestedUrl, finalUrl, status, null, contentType, etag,
                lastModified, cache, redirects, allPermanent, duration, bytes, failure, message, notModified, retryAt);
    }

    public boolean ok() {
        return failure == null;
    }

    /** The URL to store instead of the requested one: present only when every hop was permanent. */
    public Optional<URI> permanentlyMovedTo() {
        return allPermanent ? Optional.of(finalUrl) : Optional.empty();
    }

    @Override
    public String toString() {
        return "FetchResult[" + requestedUrl + " -> " + finalUrl + " status=" + status + " bytes=" + bytes
                + (notModified ? " notModified" : "") + (failure == null ? "" : " failure=" + failure + " " + message)
                + (retryAt == null ? "" : " retryAt=" + retryAt) + " redirects=" + redirects.size() + "]";
    }
}
