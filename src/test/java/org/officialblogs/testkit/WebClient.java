package org.officialblogs.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One visitor: an HTTP client with its own cookie jar, which does not follow redirects (tests assert them). */
public final class WebClient {

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        List<String> parts = new ArrayList<>();
        form.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build());
    }

    /** A form POST whose fields may repeat (several ticked boxes of one name). */
    public HttpResponse<String> postPairs(String path, List<Map.Entry<String, String>> form) {
        List<String> parts = new ArrayList<>();
        form.forEach(e -> parts.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A multipart/form-data POST with text fields and one file. */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String filename, byte[] content) {
        String boundary = "----officialblogs" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** GETs a page and returns the CSRF token of its first form. */
    public String csrf(String path) {
        HttpResponse<String> res = get(path);
        if (res.statusCode() != 200) throw new IllegalStateException(path + " answered " + res.statusCode());
        return csrfIn(res.body());
    }

    public static String csrfIn(String html) {
        Element input = Jsoup.parse(html).selectFirst("input[name=_csrf]");
        if (input == null) throw new IllegalStateException("no CSRF field in the page");
        return input.attr("value");
    }

    /** Logs in through the form; returns the response (a redirect when it worked). */
    public HttpResponse<String> login(String username, String password) {
        String token = csrf("/login");
        return post("/login", Map.of("_csrf", token, "username", username, "password", password, "next", "/admin"));
    }

    /** The CSRF token of the moderation pages (the session's). */
    public String adminCsrf() {
        return csrf("/admin");
    }

    /** Posts a moderation form with the session's CSRF token added. */
    public HttpResponse<String> adminPost(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", adminCsrf());
        return post(path, withToken);
    }

    public static Document html(HttpResponse<String> res) {
        return Jsoup.parse(res.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends with {@code client} and reads the body as text; a failure to connect fails the test. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
