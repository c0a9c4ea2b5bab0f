package org.officialblogs.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for crawl tests: handlers by path (the query is the handler's business),
 * 404 for anything else, and a record of every path and query asked for.
 */
public final class LoopbackSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    /** Every path and query asked for, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public LoopbackSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            String q = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestURI().getRawPath() + (q == null ? "" : "?" + q));
            HttpHandler h = handlers.get(exchange.getRequestURI().getRawPath());
            try {
                if (h == null) send(exchange, 404, "not here", "text/plain");
                else h.handle(exchange);
            } catch (IOException e) {
                // the crawler hung up on purpose (size limit, timeout)
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public LoopbackSite on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    public LoopbackSite text(String path, int status, String body, String contentType, String... headers) {
        return on(path, ex -> send(ex, status, body.getBytes(StandardCharsets.UTF_8), contentType, headers));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests the site has answered, whatever their path. */
    public int total() {
        return requests.size();
    }

    public long count(String pathAndQuery) {
        return requests.stream().filter(pathAndQuery::equals).count();
    }

    public static void send(HttpExchange ex, int status, String body, String contentType, String... headers) throws IOException {
        send(ex, status, body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    public static void send(HttpExchange ex, int status, byte[] body, String contentType, String... headers) throws IOException {
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        boolean noBody = status == 304 || status == 204 || body.length == 0;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
