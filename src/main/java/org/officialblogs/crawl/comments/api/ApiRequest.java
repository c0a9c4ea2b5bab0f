package org.officialblogs.crawl.comments.api;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.officialblogs.crawl.fetch.FetchRequest;

/**
 * One request a comment API needs, as a value: the crawler runs it through its Fetcher, the reading that asked
 * for it reads the answer.
 *
 * @param purpose  what the answer will be read as ("comments", "post", "replies"...), for the reading and the logs
 * @param key      what the request is about within that purpose (a page number, a comment id), or null
 * @param method   "GET", or "POST" for the one service (Commento) that lists comments by POST
 * @param url      absolute http(s) URL, query included
 * @param jsonBody the JSON body of a POST; null for a GET
 */
public record ApiRequest(String purpose, String key, String method, URI url, String jsonBody) {
    /** What comment APIs are asked for. */
    public static final String JSON_ACCEPT = "application/json";

    public ApiRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("only GET and POST are used: " + method);
        }
        if (method.equals("GET") && jsonBody != null) {
            throw new IllegalArgumentException("a GET has no body");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
    }

    public static ApiRequest get(String purpose, String key, URI url) {
        return new ApiRequest(purpose, key, "GET", url, null);
    }

    public static ApiRequest postJson(String purpose, String key, URI url, String jsonBody) {
        return new ApiRequest(purpose, key, "POST", url, Objects.requireNonNull(jsonBody, "jsonBody"));
    }

    public boolean isGet() {
        return method.equals("GET");
    }

    /**
     * The Fetcher request for a GET (robots.txt obeyed, JSON accepted).
     *
     * @throws IllegalStateException for a POST: the Fetcher sends GETs only
     */
    public FetchRequest toFetchRequest() {
        if (!isGet()) {
            throw new IllegalStateException("the Fetcher sends GET requests only; this is a POST to " + url);
        }
        return new FetchRequest(url, null, null, JSON_ACCEPT, false, Map.of());
    }

    @Override
    public String toString() {
        return method + " " + url + " (" + purpose + (key == null ? "" : " " + key) + ")";
    }
}
