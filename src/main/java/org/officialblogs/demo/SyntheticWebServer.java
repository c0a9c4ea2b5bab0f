package org.officialblogs.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a {@link SyntheticWeb} from one loopback HTTP server: the blog is the Host header ({@code blogN.test}), the
 * path says which document. Feeds and comment feeds carry an ETag and answer 304 to it; dead blogs answer 410 to
 * everything. Counts requests by kind, and can record which feed pages it served (for the Rome baseline).
 */
public final class SyntheticWebServer implements AutoCloseable {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    public enum Kind { ROBOTS, FEED, COMMENT_FEED, COMMENT_API, PAGE, NOT_MODIFIED, GONE, NOT_FOUND }

    /** A feed page served with 200: blog and the path with its query. */
    public record Served(int blog, String pathAndQuery) {}

    /** Each blog's page that says it is synthetic: the source a demo registry cites. */
    public static final String ABOUT_PATH = "/about-this-blog";

    static {
        // Answers leave as soon as they are written, as common web servers send them (nginx and Apache httpd set
        // TCP_NODELAY). The JDK's server leaves Nagle's algorithm on, so on a kept-alive connection a body written
        // after its headers waited for the client's delayed ACK, 40 ms on Linux: a stall per request after a host's
        // first, charged to every crawl of this web. The JDK reads the setting once, when its server is first used
        // in the JVM; a value set on the command line is kept.
        if (System.getProperty(NO_DELAY) == null) System.setProperty(NO_DELAY, "true");
    }

    private final SyntheticWeb web;
    private final HttpServer server;
    private final AtomicInteger threadNumber = new AtomicInteger();
    // named, so the benchmark can tell the synthetic web's CPU from the app's
    private final ExecutorService threads = Executors.newFixedThreadPool(8,
            r -> new Thread(r, "synthetic-web-" + threadNumber.incrementAndGet()));
    private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);
    private final AtomicLong bytes = new AtomicLong();
    private final List<Served> recorded = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;
    private volatile boolean countingHosts;
    /** When each host was last asked, and the shortest time between two requests to one host, while counting. */
    private final Map<String, Long> lastAsked = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong shortestGapNanos = new AtomicLong(Long.MAX_VALUE);
    private final Map<String, Long> firstAsked = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> longestGap = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byHost = new java.util.concurrent.ConcurrentHashMap<>();

    public SyntheticWebServer(SyntheticWeb web) throws IOException {
        this.web = web;
        for (Kind k : Kind.values()) counts.put(k, new AtomicLong());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://blogN.test:port} */
    public String base(SyntheticWeb.Blog b) {
        return "http://" + b.host() + ":" + port();
    }

    public long count(Kind k) {
        return counts.get(k).get();
    }

    public Map<Kind, Long> counts() {
        Map<Kind, Long> m = new EnumMap<>(Kind.class);
        counts.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Counts requests per host name from now on (the discovery figure's politeness bound); clears earlier counts. */
    public void countHosts(boolean on) {
        if (on) {
            byHost.clear();
            lastAsked.clear();
            firstAsked.clear();
            longestGap.clear();
            shortestGapNanos.set(Long.MAX_VALUE);
        }
        countingHosts = on;
    }

    /** When the host was first and last asked since {@link #countHosts} was turned on (System.nanoTime), or null. */
    public long[] firstAndLast(String host) {
        Long first = firstAsked.get(host);
        Long last = lastAsked.get(host);
        return first == null || last == null ? null : new long[] {first, last};
    }

    /**
     * The longest time between the arrivals of two requests to the host since {@link #countHosts} was turned on: the
     * step that kept its chain waiting most beyond the delay; null when the host was not asked twice.
     */
    public java.time.Duration longestGap(String host) {
        Long gap = longestGap.get(host);
        return gap == null ? null : java.time.Duration.ofNanos(gap);
    }

    /**
     * The shortest time between the arrivals of two requests to the same host since {@link #countHosts} was turned
     * on (a crawler that waits the host delay after each answer never comes closer than the delay); null when no
     * host was asked twice.
     */
    public java.time.Duration shortestGapPerHost() {
        long gap = shortestGapNanos.get();
        return gap == Long.MAX_VALUE ? null : java.time.Duration.ofNanos(gap);
    }

    /** Requests per host since {@link #countHosts} was turned on. */
    public Map<String, Long> hostCounts() {
        Map<String, Long> m = new java.util.HashMap<>();
        byHost.forEach((h, n) -> m.put(h, n.get()));
        return m;
    }

    public void record(boolean on) {
        recording = on;
    }

    public List<Served> recorded() {
        return List.copyOf(recorded);
    }

    /** The body a feed request would get now (for the baseline: the same bytes the crawler parsed). */
    public byte[] feedBody(Served s) {
        SyntheticWeb.Blog b = web.blog(s.blog());
        String query = s.pathAndQuery().contains("?") ? s.pathAndQuery().substring(s.pathAndQuery().indexOf('?') + 1) : "";
        return web.feed(b, base(b), pageOf(b, query), intParam(query, "max-results", SyntheticWeb.BLOGGER_PAGE));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String host = ex.getRequestHeaders().getFirst("Host");
            int blog = host == null || !host.startsWith("blog") ? -1 : Integer.parseInt(host.substring(4, host.indexOf('.')));
            if (blog < 1 || blog > web.blogs().size()) {
                send(ex, 404, Kind.NOT_FOUND, "no such blog", "text/plain");
                return;
            }
            SyntheticWeb.Blog b = web.blog(blog);
            if (countingHosts) {
                byHost.computeIfAbsent(b.host(), k -> new AtomicLong()).incrementAndGet();
                long at = System.nanoTime();
                firstAsked.putIfAbsent(b.host(), at);
                Long before = lastAsked.put(b.host(), at);
                if (before != null) {
                    shortestGapNanos.accumulateAndGet(at - before, Math::min);
                    longestGap.merge(b.host(), at - before, Math::max);
                }
            }
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
            if (b.pattern() == SyntheticWeb.Pattern.DEAD) {
                send(ex, 410, Kind.GONE, "gone", "text/plain");
                return;
            }
            if (path.equals("/robots.txt")) {
                send(ex, 200, Kind.ROBOTS, "User-agent: *\nDisallow: /wp-admin/\n", "text/plain");
                return;
            }
            int posts = web.postCount(b);
            if (path.equals(ABOUT_PATH)) {
                send(ex, 200, Kind.PAGE, "<!DOCTYPE html><html lang=\"en\"><head><title>About this blog</title></head><body>"
                        + "<h1>A synthetic blog</h1><p>" + b.official() + ", " + b.office() + ", does not exist. This blog"
                        + " and its posts and comments were made up by a generator, for benchmarks and demos of"
                        + " Official Blogs.</p></body></html>", "text/html; charset=UTF-8");
                return;
            }
            if (path.equals("/")) {
                // the blog's home page: what a discovery reads first when a source names the site, not the feed
                String type = rss(b) ? "application/rss+xml" : "application/atom+xml";
                send(ex, 200, Kind.PAGE, "<!DOCTYPE html><html><head><title>" + b.official() + "</title>"
                        + "<link rel=\"alternate\" type=\"" + type + "\" href=\"" + b.feedPath() + "\"></head><body><h1>"
                        + b.official() + "</h1></body></html>", "text/html; charset=UTF-8");
                return;
            }
            if (path.equals(b.feedPath())) {
                int page = pageOf(b, query);
                if (page < 1 || (b.platform() != SyntheticWeb.Platform.BLOGGER && page > 1
                        && (page - 1) * SyntheticWeb.WORDPRESS_PAGE >= posts)) {
                    send(ex, 404, Kind.NOT_FOUND, "no such page", "text/html");
                    return;
                }
                String etag = "\"g" + web.generation() + "-" + Integer.toHexString((path + "?" + query).hashCode()) + "\"";
                if (notModified(ex, etag)) return;
                byte[] body = web.feed(b, base(b), page, intParam(query, "max-results", SyntheticWeb.BLOGGER_PAGE));
                if (recording) recorded.add(new Served(blog, query.isEmpty() ? path : path + "?" + query));
                String type = rss(b) ? "application/rss+xml; charset=UTF-8" : "application/atom+xml; charset=UTF-8";
                send(ex, 200, Kind.FEED, body, type);
                return;
            }
            if (b.platform() == SyntheticWeb.Platform.SUBSTACK && substack(ex, b, path, posts)) return;
            if (path.startsWith("/p/")) {
                String rest = path.substring(3);
                boolean commentFeed = rest.endsWith("/feed/");
                String number = rest.replace("/feed/", "").replace(".html", "").replace("/", "");
                int k;
                try {
                    k = Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    k = -1;
                }
                if (k < 1 || k > posts || (commentFeed && !b.hasComments())) {
                    send(ex, 404, Kind.NOT_FOUND, "no such post", "text/html");
                    return;
                }
                if (commentFeed) {
                    String etag = "\"c" + k + "-" + web.generation() + "\"";
                    if (notModified(ex, etag)) return;
                    send(ex, 200, Kind.COMMENT_FEED, web.commentFeed(b, base(b), k), "application/rss+xml; charset=UTF-8");
                } else {
                    send(ex, 200, Kind.PAGE, web.page(b, k), "text/html; charset=UTF-8");
                }
                return;
            }
            send(ex, 404, Kind.NOT_FOUND, "not found", "text/html");
        } catch (RuntimeException e) {
            // a bug in the generator must show, not hang the crawler: answer 500 and say so on stderr
            System.err.println("synthetic web: " + e);
            ex.sendResponseHeaders(500, -1);
        }
    }

    private static boolean rss(SyntheticWeb.Blog b) {
        return b.platform() == SyntheticWeb.Platform.WORDPRESS || b.platform() == SyntheticWeb.Platform.RSS
                || b.platform() == SyntheticWeb.Platform.SUBSTACK;
    }

    /**
     * A Substack publication's post pages ({@code /p/SLUG}) and comment API ({@code api/v1/posts/SLUG},
     * {@code api/v1/post/ID/comments}); false when the path is none of these.
     */
    private boolean substack(HttpExchange ex, SyntheticWeb.Blog b, String path, int posts) throws IOException {
        String postsApi = "/api/v1/posts/";
        String commentsApi = "/api/v1/post/";
        if (path.startsWith("/p/") || path.startsWith(postsApi)) {
            int k = SyntheticWeb.substackPostNumber(path.substring(path.startsWith("/p/") ? 3 : postsApi.length()));
            if (k < 1 || k > posts) {
                send(ex, 404, Kind.NOT_FOUND, "{\"error\":\"Not found\"}", "application/json");
            } else if (path.startsWith("/p/")) {
                send(ex, 200, Kind.PAGE, web.page(b, k), "text/html; charset=UTF-8");
            } else {
                send(ex, 200, Kind.COMMENT_API, web.substackPost(b, base(b), k), "application/json; charset=utf-8");
            }
            return true;
        }
        if (path.startsWith(commentsApi) && path.endsWith("/comments")) {
            long id;
            try {
                id = Long.parseLong(path.substring(commentsApi.length(), path.length() - "/comments".length()));
            } catch (NumberFormatException e) {
                id = -1;
            }
            int k = SyntheticWeb.substackPostNumber(b, id);
            if (k < 1 || k > posts) {
                send(ex, 404, Kind.NOT_FOUND, "{\"error\":\"Not found\"}", "application/json");
            } else {
                send(ex, 200, Kind.COMMENT_API, web.substackComments(b, k), "application/json; charset=utf-8");
            }
            return true;
        }
        return false;
    }

    private static int pageOf(SyntheticWeb.Blog b, String query) {
        return switch (b.platform()) {
            case WORDPRESS -> intParam(query, "paged", 1);
            case ATOM -> intParam(query, "page", 1);
            case BLOGGER -> intParam(query, "start-index", 1);
            case RSS, SUBSTACK -> query.isEmpty() ? 1 : -1;
        };
    }

    private boolean notModified(HttpExchange ex, String etag) throws IOException {
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            counts.get(Kind.NOT_MODIFIED).incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            return true;
        }
        return false;
    }

    private static int intParam(String query, String name, int otherwise) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                try {
                    return Integer.parseInt(part.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return otherwise;
    }

    private void send(HttpExchange ex, int status, Kind kind, String body, String type) throws IOException {
        send(ex, status, kind, body.getBytes(StandardCharsets.UTF_8), type);
    }

    private void send(HttpExchange ex, int status, Kind kind, byte[] body, String type) throws IOException {
        counts.get(kind).incrementAndGet();
        bytes.addAndGet(body.length);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
