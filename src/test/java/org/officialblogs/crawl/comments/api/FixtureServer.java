package org.officialblogs.crawl.comments.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.officialblogs.crawl.LoopbackSite;
import org.officialblogs.crawl.fetch.Fetcher;

/**
 * A comment service on loopback for tests: fixture files answered by path and query, read through the real
 * Fetcher, every request recorded.
 */
public final class FixtureServer implements AutoCloseable {

    private record Rule(String queryPart, int status, String contentType, byte[] body) {
    }

    private final LoopbackSite site;
    private final Fetcher fetcher = TestFetchers.loopback();
    private final Map<String, List<Rule>> rules = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() {
        try {
            site = new LoopbackSite();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code path} whose query contains {@code queryPart} (may be "") with a classpath JSON file. */
    public FixtureServer json(String path, String queryPart, String resource) {
        return answer(path, queryPart, 200, "application/json; charset=UTF-8", bytes(resource));
    }

    /** Answers with a status and a literal body. */
    public FixtureServer answer(String path, String queryPart, int status, String contentType, String body) {
        return answer(path, queryPart, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public FixtureServer answer(String path, String queryPart, int status, String contentType, byte[] body) {
        rules.computeIfAbsent(path, p -> {
            site.on(p, exchange -> {
                String query = exchange.getRequestURI().getRawQuery() == null ? ""
                        : exchange.getRequestURI().getRawQuery();
                requests.add(exchange.getRequestURI().getRawPath() + (query.isEmpty() ? "" : "?" + query));
                for (Rule rule : rules.get(p)) {
                    if (query.contains(rule.queryPart())) {
                        LoopbackSite.send(exchange, rule.status(), rule.body(), rule.contentType());
                        return;
                    }
                }
                LoopbackSite.send(exchange, 404, "no fixture", "text/plain");
            });
            return new CopyOnWriteArrayList<>();
        }).add(new Rule(queryPart, status, contentType, body));
        return this;
    }

    public URI url(String path) {
        return URI.create(site.url(path));
    }

    /** Runs a reading through the real Fetcher. */
    public ApiReading run(CommentApi api, int maxRequests) {
        return ApiReadings.run(api, request -> ApiAnswer.of(fetcher.fetch(request.toFetchRequest())), maxRequests);
    }

    /** Paths and queries asked for, in order (robots.txt left out). */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = FixtureServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        fetcher.close();
        site.close();
    }
}
