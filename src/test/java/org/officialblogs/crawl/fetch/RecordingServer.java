package org.officialblogs.crawl.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on one loopback address that records every request it sees; unknown paths answer 404. */
final class RecordingServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String path, Headers headers, long arrivedNanos) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private RecordingServer(InetAddress address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 50);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            seen.add(new Seen(path, exchange.getRequestHeaders(), System.nanoTime()));
            HttpHandler handler = handlers.get(exchange.getRequestURI().getRawPath());
            try {
                if (handler == null) {
                    send(exchange, 404, "not here");
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException e) {
                // the client hung up on purpose (size limit, timeout): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    static RecordingServer start(String address) throws IOException {
        return start(address, 0);
    }

    static RecordingServer start(String address, int port) throws IOException {
        return new RecordingServer(InetAddress.getByName(address), port);
    }

    RecordingServer on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Serves a fixed status and text body with extra headers given as name, value pairs. */
    RecordingServer text(String path, int status, String body, String... headerPairs) {
        return on(path, exchange -> send(exchange, status, body, headerPairs));
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String path) {
        InetAddress address = server.getAddress().getAddress();
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        return URI.create("http://" + host + ":" + port() + path);
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    long count(String path) {
        return requests(path).size();
    }

    static void send(HttpExchange exchange, int status, String body, String... headerPairs) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    static void send(HttpExchange exchange, int status, byte[] body, String... headerPairs) throws IOException {
        for (int i = 0; i < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        boolean noBody = status == 304 || status == 204 || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
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
