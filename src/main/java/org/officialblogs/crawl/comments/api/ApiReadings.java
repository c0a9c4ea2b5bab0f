package org.officialblogs.crawl.comments.api;

import java.util.Objects;
import java.util.function.Function;

/** Runs a {@link CommentApi} to its end through a fetch function, within a request budget. */
public final class ApiReadings {

    private ApiReadings() {
    }

    /**
     * Makes the reading's requests one after another.
     *
     * @param fetch       turns a request into its answer (the crawler: {@code r -> ApiAnswer.of(fetcher.fetch(
     *                    r.toFetchRequest()))}; tests: canned answers)
     * @param maxRequests requests allowed for this post; the reading is marked truncated when more were needed
     */
    public static ApiReading run(CommentApi api, Function<ApiRequest, ApiAnswer> fetch, int maxRequests) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(fetch, "fetch");
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be positive: " + maxRequests);
        }
        ApiReading reading = api.start();
        while (!reading.done()) {
            if (reading.requestsMade() >= maxRequests) {
                return reading.truncated("request budget of " + maxRequests + " spent with "
                        + reading.pending().size() + " requests left").finished();
            }
            ApiRequest request = reading.next().orElseThrow();
            reading = api.read(reading, Objects.requireNonNull(fetch.apply(request), "no answer for " + request));
        }
        return reading;
    }
}
