package org.officialblogs.crawl.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web archive on loopback for tests, speaking the Wayback Machine's two APIs over the captures it is given: the CDX
 * index ({@code /cdx/search/cdx}: url, matchType exact or prefix, from/to, filter, collapse, fl, limit,
 * showResumeKey/resumeKey, output=json) and raw replay ({@code /web/<timestamp>id_/<original>}: the captured bytes;
 * a captured redirect replayed with its Location moved into the archive; a time without a capture redirected to the
 * nearest capture of the address). Addresses match as the index's keys do: scheme and {@code www.} ignored. It logs
 * every request with its User-Agent and arrival time, and can answer the next request to a path with a set
 * status (429 with Retry-After, an error page).
 */
final class ArchiveStandIn implements AutoCloseable {

    /** One capture held. */
    record Capture(String timestamp, URI original, int status, String mimeType, byte[] body, String location,
                   boolean locationInArchive) {

        String key() {
            return keyOf(original);
        }

        static String keyOf(URI url) {
            String host = url.getHost().toLowerCase(Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            String port = url.getPort() == -1 || url.getPort() == 80 ? "" : ":" + url.getPort();
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return host + port + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        }

        String digest() {
            try {
                byte[] content = body != null ? body : location.getBytes(StandardCharsets.UTF_8);
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content)).toUpperCase();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String field(String name) {
            return switch (name) {
                case "urlkey" -> key();
                case "timestamp" -> timestamp;
                case "original" -> original.toString();
                case "mimetype" -> mimeType;
                case "statuscode" -> Integer.toString(status);
                case "digest" -> digest();
                case "length" -> Integer.toString(body == null ? 0 : body.length);
                default -> throw new IllegalArgumentException("no such field " + name);
            };
        }
    }

    /** One request as the stand-in saw it. */
    record Seen(String path, String userAgent, long arrivedNanos, int status) {
    }

    private record Scripted(String pathPrefix, int status, String contentType, String body, String[] headers) {
    }

    private static final String ARRIVED = "arrivedNanos";
    private static final Pattern REPLAY = Pattern.compile("/web/(\\d{14})([a-z]{2}_)?/(.+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Capture> captures = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Scripted> scripted = new ConcurrentLinkedDeque<>();

    private ArchiveStandIn(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        server.createContext("/", exchange -> {
            exchange.setAttribute(ARRIVED, System.nanoTime());
            try {
                answer(exchange, exchange.getRequestURI());
            } catch (IOException | RuntimeException e) {
                // the client hung up; what it was sent is logged already
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    static ArchiveStandIn start(String address) throws IOException {
        return new ArchiveStandIn(InetAddress.getByName(address));
    }

    URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** A capture the site answered with content. */
    ArchiveStandIn capture(String timestamp, String original, int status, String mimeType, byte[] body) {
        captures.add(new Capture(timestamp, URI.create(original), status, mimeType, body, null, true));
        return this;
    }

    /** A captured redirect, replayed as the archive does: Location moved to the target's address in the archive. */
    ArchiveStandIn redirect(String timestamp, String original, int status, String target) {
        captures.add(new Capture(timestamp, URI.create(original), status, "text/html", null, target, true));
        return this;
    }

    /** A captured redirect replayed with its Location left as it was (pointing at the live site), as a poor mirror might. */
    ArchiveStandIn leakingRedirect(String timestamp, String original, int status, String target) {
        captures.add(new Capture(timestamp, URI.create(original), status, "text/html", null, target, false));
        return this;
    }

    /** The next request whose path starts with {@code pathPrefix} gets this answer instead. */
    ArchiveStandIn answerNext(String pathPrefix, int status, String contentType, String body, String... headers) {
        scripted.add(new Scripted(pathPrefix, status, contentType, body, headers));
        return this;
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** The least time between the arrivals of two consecutive requests. */
    Duration leastGap() {
        List<Seen> all = requests();
        long least = Long.MAX_VALUE;
        for (int i = 1; i < all.size(); i++) {
            least = Math.min(least, all.get(i).arrivedNanos() - all.get(i - 1).arrivedNanos());
        }
        return Duration.ofNanos(least);
    }

    private int answer(HttpExchange exchange, URI uri) throws IOException {
        String path = uri.getRawPath();
        for (Scripted s : scripted) {
            if (path.startsWith(s.pathPrefix()) && scripted.remove(s)) {
                return send(exchange, s.status(), s.contentType(), s.body().getBytes(StandardCharsets.UTF_8),
                        s.headers());
            }
        }
        if (path.equals("/cdx/search/cdx")) {
            return cdx(exchange, parameters(uri.getRawQuery()));
        }
        if (path.startsWith("/web/")) {
            return replay(exchange, path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        return send(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
    }

    private int cdx(HttpExchange exchange, Map<String, List<String>> p) throws IOException {
        if (!"json".equals(one(p, "output")) || one(p, "url") == null) {
            return send(exchange, 400, "text/plain", "this stand-in answers output=json with a url"
                    .getBytes(StandardCharsets.UTF_8));
        }
        String url = one(p, "url");
        String key = Capture.keyOf(URI.create(url.contains("://") ? url : "http://" + url));
        boolean prefix = "prefix".equals(one(p, "matchType"));
        String from = pad(one(p, "from"), '0');
        String to = pad(one(p, "to"), '9');
        List<Capture> rows = new ArrayList<>();
        for (Capture c : captures) {
            boolean match = prefix ? c.key().startsWith(key) : c.key().equals(key);
            if (match && c.timestamp().compareTo(from) >= 0 && c.timestamp().compareTo(to) <= 0
                    && p.getOrDefault("filter", List.of()).stream().allMatch(f -> passes(c, f))) {
                rows.add(c);
            }
        }
        rows.sort(Comparator.comparing(Capture::key).thenComparing(Capture::timestamp));
        for (String spec : p.getOrDefault("collapse", List.of())) {
            rows = collapse(rows, spec);
        }
        int start = 0;
        String resume = one(p, "resumeKey");
        if (resume != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (resumeKey(rows.get(i)).equals(resume)) {
                    start = i + 1;
                }
            }
        }
        int limit = one(p, "limit") == null ? rows.size() : Integer.parseInt(one(p, "limit"));
        List<String> fields = one(p, "fl") == null
                ? List.of("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
                : List.of(one(p, "fl").split(","));
        List<List<String>> answer = new ArrayList<>();
        if (start < rows.size()) {
            answer.add(fields);
        }
        int end = Math.min(rows.size(), start + limit);
        for (Capture c : rows.subList(Math.min(start, rows.size()), end)) {
            answer.add(fields.stream().map(c::field).toList());
        }
        if (end < rows.size() && "true".equals(one(p, "showResumeKey"))) {
            answer.add(List.of());
            answer.add(List.of(resumeKey(rows.get(end - 1))));
        }
        return send(exchange, 200, "text/plain", JSON.writeValueAsBytes(answer));
    }

    private int replay(HttpExchange exchange, String path) throws IOException {
        Matcher m = REPLAY.matcher(path);
        if (!m.matches()) {
            return notArchived(exchange);
        }
        String timestamp = m.group(1);
        URI original = URI.create(m.group(3));
        String key = Capture.keyOf(original);
        Capture exact = null;
        Capture nearest = null;
        long nearestDistance = Long.MAX_VALUE;
        for (Capture c : captures) {
            if (!c.key().equals(key)) {
                continue;
            }
            if (c.timestamp().equals(timestamp)) {
                exact = c;
            }
            long distance = Math.abs(Long.parseLong(c.timestamp()) - Long.parseLong(timestamp));
            if (distance < nearestDistance) {
                nearest = c;
                nearestDistance = distance;
            }
        }
        if (exact == null && nearest == null) {
            return notArchived(exchange);
        }
        if (exact == null) {
            return send(exchange, 302, "text/html", new byte[0], "Location",
                    "/web/" + nearest.timestamp() + "id_/" + nearest.original());
        }
        if (exact.location() != null) {
            String location = exact.locationInArchive()
                    ? "/web/" + exact.timestamp() + "id_/" + exact.location() : exact.location();
            return send(exchange, exact.status(), "text/html", new byte[0], "Location", location,
                    "Memento-Datetime", exact.timestamp());
        }
        return send(exchange, exact.status(), exact.mimeType(), exact.body(), "Memento-Datetime", exact.timestamp());
    }

    private int notArchived(HttpExchange exchange) throws IOException {
        return send(exchange, 404, "text/html", "<html><body><p>The archive has not archived that URL.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean passes(Capture c, String filter) {
        boolean invert = filter.startsWith("!");
        String spec = invert ? filter.substring(1) : filter;
        int colon = spec.indexOf(':');
        boolean matches = Pattern.matches(spec.substring(colon + 1), c.field(spec.substring(0, colon)));
        return matches != invert;
    }

    private static List<Capture> collapse(List<Capture> rows, String spec) {
        String[] parts = spec.split(":");
        List<Capture> kept = new ArrayList<>();
        String previous = null;
        for (Capture c : rows) {
            String value = c.field(parts[0]);
            if (parts.length > 1) {
                value = value.substring(0, Math.min(value.length(), Integer.parseInt(parts[1])));
            }
            if (!value.equals(previous)) {
                kept.add(c);
            }
            previous = value;
        }
        return kept;
    }

    private static String resumeKey(Capture c) {
        return c.key() + " " + c.timestamp() + "!";
    }

    private static String pad(String timestamp, char with) {
        if (timestamp == null) {
            return with == '0' ? "00000000000000" : "99999999999999";
        }
        return timestamp + String.valueOf(with).repeat(14 - timestamp.length());
    }

    private static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                map.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return map;
    }

    private static String one(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Logs the request with the status about to be sent (before the client can see it), then answers. */
    private int send(HttpExchange exchange, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        URI uri = exchange.getRequestURI();
        seen.add(new Seen(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                exchange.getRequestHeaders().getFirst("User-Agent"), (Long) exchange.getAttribute(ARRIVED), status));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        boolean noBody = body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
