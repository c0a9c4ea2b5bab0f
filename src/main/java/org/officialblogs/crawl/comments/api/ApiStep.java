package org.officialblogs.crawl.comments.api;

/**
 * One answer being read: the request it answers, the reading with that request done, and the answer as JSON.
 *
 * @param request the request the answer is to
 * @param reading the reading with {@code request} taken off its queue and counted
 * @param answer  the answer
 * @param json    the answer read as JSON, or its failure
 */
public record ApiStep(ApiRequest request, ApiReading reading, ApiAnswer answer, JsonAnswer json) {

    /**
     * @param service the service's name for failure messages
     * @throws IllegalStateException when the reading had no request pending
     */
    public static ApiStep of(ApiReading reading, ApiAnswer answer, String service) {
        ApiRequest request = reading.next().orElseThrow(() -> new IllegalStateException("no request was pending"));
        return new ApiStep(request, reading.answered(), answer, JsonAnswer.of(answer, service));
    }

    public boolean readable() {
        return json.readable();
    }

    /** The reading stopped by this answer's failure (kept comments only truncated, see {@link ApiReading#failing}). */
    public ApiReading failed() {
        return reading.failing(json.failure(), answer.retryAt());
    }
}
