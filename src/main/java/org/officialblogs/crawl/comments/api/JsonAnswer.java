package org.officialblogs.crawl.comments.api;

import java.io.IOException;
import java.util.Locale;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.read.ReadFailure;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.json.Json;

/**
 * An API answer read as JSON, or why it could not be: the HTTP status and the Fetcher's failure decide first (401,
 * 403, 404, 429, 5xx, robots.txt, network), then the body (empty, an HTML page, malformed JSON).
 *
 * @param json    the parsed body; null on failure
 * @param failure null when {@code json} is set
 */
public record JsonAnswer(JsonNode json, ReadFailure failure) {

    // Comment trees nest deeply (Substack replies to replies); strings are bounded because the body is untrusted.
    private static final ObjectMapper MAPPER = Json.mapperNestedTo(500);

    public boolean readable() {
        return failure == null;
    }

    /**
     * Reads an answer.
     *
     * @param service the service's name for messages ("Substack", "the Ghost comments API")
     */
    public static JsonAnswer of(ApiAnswer answer, String service) {
        ReadFailure problem = problem(answer, service);
        if (problem != null) {
            return new JsonAnswer(null, problem);
        }
        try {
            return new JsonAnswer(MAPPER.readTree(answer.body()), null);
        } catch (JsonProcessingException e) {
            return failed(ReadFailureKind.MALFORMED, service + " answered with broken JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            return failed(ReadFailureKind.MALFORMED, service + " answered with unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * What keeps an answer from being read as JSON before parsing it (status, failure, empty body, a web page), or
     * null: for readers that parse the body themselves.
     */
    public static ReadFailure problem(ApiAnswer answer, String service) {
        if (!answer.ok()) {
            return new ReadFailure(failureKind(answer), service + " answered " + describe(answer));
        }
        byte[] body = answer.body();
        if (body == null || isBlank(body)) {
            return new ReadFailure(ReadFailureKind.EMPTY, service + " answered with an empty body");
        }
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html") || (!type.contains("json") && startsWithMarkup(body))) {
            return new ReadFailure(ReadFailureKind.NOT_JSON, service + " answered with "
                    + (type.isEmpty() ? "markup" : type.split(";")[0].strip()) + " instead of JSON");
        }
        return null;
    }

    /** Parses a JSON text found elsewhere (a page's embedded state); null when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static JsonAnswer failed(ReadFailureKind kind, String message) {
        return new JsonAnswer(null, new ReadFailure(kind, message));
    }

    /** The read failure for an answer the Fetcher did not accept. */
    static ReadFailureKind failureKind(ApiAnswer answer) {
        FailureKind kind = answer.fetchFailure();
        int status = answer.status();
        if (kind == FailureKind.ROBOTS_DISALLOWED) {
            return ReadFailureKind.ROBOTS_DISALLOWED;
        }
        if (status == 429 || kind == FailureKind.RATE_LIMITED) {
            return ReadFailureKind.RATE_LIMITED;
        }
        if (status == 401) {
            return ReadFailureKind.UNAUTHORIZED;
        }
        if (status == 402) {
            return ReadFailureKind.PAID_ONLY;
        }
        if (status == 403) {
            return ReadFailureKind.FORBIDDEN;
        }
        if (status == 404 || status == 410 || kind == FailureKind.GONE) {
            return ReadFailureKind.NOT_FOUND;
        }
        if (status >= 500 && status < 600) {
            return ReadFailureKind.SERVER_ERROR;
        }
        if (status >= 400 && status < 500) {
            return ReadFailureKind.CLIENT_ERROR;
        }
        if (kind == FailureKind.MALFORMED || kind == FailureKind.NOT_A_FEED) {
            return ReadFailureKind.MALFORMED;
        }
        return ReadFailureKind.UNREACHABLE;
    }

    private static String describe(ApiAnswer answer) {
        String status = answer.status() > 0 ? "HTTP " + answer.status() : "nothing";
        return answer.message() == null || answer.message().isBlank() ? status : status + " (" + answer.message() + ")";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithMarkup(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            // skip whitespace and a UTF-8 byte order mark
            if (Character.isWhitespace(b) || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
                continue;
            }
            return b == '<';
        }
        return false;
    }
}
