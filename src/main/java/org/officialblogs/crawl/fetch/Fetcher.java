package org.officialblogs.crawl.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.officialblogs.priority.VisitorsFirst;
import org.officialblogs.registry.HttpUrls;

/**
 * The crawler's only way onto the network: GETs a URL and hands back the bytes, obeying robots.txt, the
 * private-address guard, per-host politeness, Retry-After pauses, size and time limits, and following redirects
 * itself. Never throws for a failed fetch: every outcome is a {@link FetchResult}. Thread-safe; close it once.
 */
public final class Fetcher implements AutoCloseable {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ROBOTS_ACCEPT = "text/plain, */*;q=0.5";

    private final FetchSettings settings;
    private final Clock clock;
    private final AddressGuard guard;
    private final HostThrottle throttle;
    private final RobotsGate robots;
    private final RetryAfter retryAfter;
    private final GuardedDnsResolver dns;
    /** Built on the first request: TLS set-up and the connection pool cost start-up time a command may not need. */
    private volatile CloseableHttpClient client;
    private boolean closed;
    private final ScheduledThreadPoolExecutor deadlines;
    private final ConcurrentMap<URI, Instant> urlPauses = new ConcurrentHashMap<>();

    /** Production wiring: real sleeping between requests to one host. */
    public Fetcher(FetchSettings settings, HostResolver resolver, Clock clock) {
        this(settings, resolver, clock, Sleeper.real());
    }

    /**
     * @param resolver host names to addresses; its answers still pass the address guard
     * @param clock    wall time for pauses, Retry-After and the robots cache (elapsed time uses the monotonic clock)
     * @param sleeper  how politeness waits are spent
     */
    public Fetcher(FetchSettings settings, HostResolver resolver, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.guard = settings.addressGuard();
        this.throttle = new HostThrottle(settings.hostDelay(), settings.maxConcurrentFetches(), clock, sleeper);
        this.retryAfter = new RetryAfter(clock, settings.retryAfterDefault(), settings.retryAfterCap());
        this.robots = new RobotsGate(this::fetchRobots, clock, settings.robotsTtl(), settings.robotsErrorTtl());
        this.dns = new GuardedDnsResolver(resolver, guard);
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    private static CloseableHttpClient buildClient(FetchSettings settings, GuardedDnsResolver dns) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout socket = Timeout.of(settings.socketTimeout());
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setMaxConnTotal(Math.max(2, settings.maxConcurrentFetches() * 2))
                .setMaxConnPerRoute(2)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(socket).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(socket)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                .build();
        // No proxy from system properties: the guarded resolver must be what picks the address connected to.
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setUserAgent(settings.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(socket)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** Fetches one URL; see {@link FetchResult} for what comes back. */
    public FetchResult fetch(FetchRequest request) {
        Run run = new Run(request, System.nanoTime());
        try {
            return run.execute();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.failed(FailureKind.TIMEOUT, "interrupted while fetching", null);
        }
    }

    /** When the host's 429 pause ends, if it is paused now (for status pages and the scheduler). */
    public Optional<Instant> hostPausedUntil(String host) {
        return throttle.pausedUntil(host);
    }

    /** When the URL's 503 pause ends, if it is paused now. */
    public Optional<Instant> urlPausedUntil(URI url) {
        URI key = HttpUrls.withoutFragment(url);
        Instant until = urlPauses.get(key);
        if (until == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(until)) {
            urlPauses.remove(key, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        CloseableHttpClient built;
        synchronized (this) {
            closed = true;
            built = client;
        }
        if (built != null) built.close(CloseMode.GRACEFUL);
    }

    /** The HTTP client, built on first use; after {@link #close()} it fails the fetch as a closed client would. */
    private CloseableHttpClient client() {
        CloseableHttpClient built = client;
        if (built != null) return built;
        synchronized (this) {
            if (closed) throw new IllegalStateException("the fetcher is closed");
            if (client == null) client = buildClient(settings, dns);
            return client;
        }
    }

    private FetchResult fetchRobots(URI robotsUrl) {
        return fetch(new FetchRequest(robotsUrl, null, null, ROBOTS_ACCEPT, true, Map.of()));
    }

    /** The state of one fetch across its redirect hops. */
    private final class Run {
        private final FetchRequest request;
        private final long startNanos;
        private final List<RedirectHop> hops = new ArrayList<>();
        private URI current;
        private long budgetNanos;
        private boolean originHeadersAllowed = true;

        Run(FetchRequest request, long startNanos) {
            this.request = request;
            this.startNanos = startNanos;
            this.current = request.url();
            this.budgetNanos = settings.requestTimeout().toNanos();
        }

        FetchResult execute() throws InterruptedException {
            String originalOrigin = null;
            Set<URI> seen = new HashSet<>();
            while (true) {
                UrlCheck check = checkUrl(current);
                if (check.failure() != null) {
                    return failed(check.failure(), check.message(), null);
                }
                current = check.url();
                if (originalOrigin == null) {
                    originalOrigin = RobotsGate.origin(current);
                }
                seen.add(HttpUrls.withoutFragment(current));
                String host = current.getHost().toLowerCase(Locale.ROOT);

                FetchResult paused = pausedResult(host);
                if (paused != null) {
                    return paused;
                }
                if (!request.skipRobots()) {
                    RobotsGate.Verdict verdict = robots.check(current);
                    if (!verdict.allowed()) {
                        Instant retryAt = verdict.failure() == FailureKind.RATE_LIMITED
                                ? throttle.pausedUntil(host).orElse(null) : null;
                        return failed(verdict.failure(), verdict.message(), retryAt);
                    }
                    paused = pausedResult(host); // robots.txt itself may have answered 429
                    if (paused != null) {
                        return paused;
                    }
                }

                Exchange exchange;
                VisitorsFirst.paceBoundThread(); // a crawl's worker pays for its processor time while visitors wait
                try (HostThrottle.Permit permit = throttle.acquire(host)) {
                    if (permit.pausedUntil().isPresent()) {
                        return failed(FailureKind.RATE_LIMITED,
                                host + " asked us to wait (429) until " + permit.pausedUntil().get(),
                                permit.pausedUntil().get());
                    }
                    long hopStart = System.nanoTime();
                    exchange = exchange(current, originHeadersAllowed);
                    budgetNanos -= System.nanoTime() - hopStart;
                }
                if (exchange.failure() != null) {
                    return failed(exchange, exchange.failure(), exchange.message(), null);
                }

                int status = exchange.status();
                if (status >= 200 && status < 300) {
                    return finished(exchange, false);
                }
                if (status == 304) {
                    return finished(exchange, true);
                }
                if (isRedirect(status)) {
                    String location = exchange.location();
                    if (location == null) {
                        return failed(exchange, FailureKind.PROTOCOL, "HTTP " + status + " without a Location", null);
                    }
                    URI next = HttpUrls.resolveLocation(current, location);
                    if (next == null) {
                        return failed(exchange, FailureKind.PROTOCOL,
                                "HTTP " + status + " to an unreadable Location: " + location, null);
                    }
                    // every hop passes the same rules as the first URL before anything else reads it (a file: or
                    // jar: target has no host, so even its robots.txt origin cannot be named)
                    UrlCheck target = checkUrl(next);
                    hops.add(new RedirectHop(current, status, next));
                    if (target.failure() != null) {
                        return failed(exchange, target.failure(), "HTTP " + status + " redirect refused: "
                                + target.message(), null);
                    }
                    next = target.url();
                    if (hops.size() > settings.maxRedirects()) {
                        return failed(exchange, FailureKind.TOO_MANY_REDIRECTS,
                                "more than " + settings.maxRedirects() + " redirects", null);
                    }
                    if (seen.contains(HttpUrls.withoutFragment(next))) {
                        return failed(exchange, FailureKind.TOO_MANY_REDIRECTS,
                                "redirect loop: " + next + " was already visited", null);
                    }
                    if (originHeadersAllowed && !originalOrigin.equals(RobotsGate.origin(next))) {
                        originHeadersAllowed = false; // credentials stay with the origin they were given for
                    }
                    current = next;
                    continue;
                }
                return statusFailure(exchange, host);
            }
        }

        private FetchResult pausedResult(String host) {
            Optional<Instant> urlPause = urlPausedUntil(current);
            if (urlPause.isPresent()) {
                return failed(FailureKind.HTTP_5XX, current + " answered 503; waiting until " + urlPause.get(),
                        urlPause.get());
            }
            Optional<Instant> hostPause = throttle.pausedUntil(host);
            if (hostPause.isPresent()) {
                return failed(FailureKind.RATE_LIMITED, host + " asked us to wait (429) until " + hostPause.get(),
                        hostPause.get());
            }
            return null;
        }

        private FetchResult statusFailure(Exchange exchange, String host) {
            int status = exchange.status();
            if (status == 429) {
                Instant until = retryAfter.until(exchange.retryAfter());
                throttle.pauseHost(host, until);
                return failed(exchange, FailureKind.RATE_LIMITED,
                        "HTTP 429 Too Many Requests; pausing " + host + " until " + until, until);
            }
            if (status == 503) {
                Instant until = retryAfter.until(exchange.retryAfter());
                urlPauses.merge(HttpUrls.withoutFragment(current), until,
                        (old, fresh) -> fresh.isAfter(old) ? fresh : old);
                return failed(exchange, FailureKind.HTTP_5XX,
                        "HTTP 503 Service Unavailable; pausing this URL until " + until, until);
            }
            if (status == 410) {
                return failed(exchange, FailureKind.GONE, "HTTP 410 Gone", null);
            }
            if (status >= 400 && status < 500) {
                return failed(exchange, FailureKind.HTTP_4XX, "HTTP " + status, null);
            }
            if (status >= 500 && status < 600) {
                return failed(exchange, FailureKind.HTTP_5XX, "HTTP " + status, null);
            }
            return failed(exchange, FailureKind.PROTOCOL, "unexpected HTTP status " + status, null);
        }

        private FetchResult finished(Exchange exchange, boolean notModified) {
            String etag = exchange.etag();
            String lastModified = exchange.lastModified();
            if (notModified) {
                // a 304 may omit validators that still hold: keep the ones we sent so the caller saves them again
                etag = etag != null ? etag : request.etag();
                lastModified = lastModified != null ? lastModified : request.lastModified();
            }
            boolean allPermanent = !hops.isEmpty() && hops.stream().allMatch(RedirectHop::permanent);
            byte[] body = notModified ? null : exchange.body();
            return new FetchResult(request.url(), current, exchange.status(), body, exchange.contentType(), etag,
                    lastModified, exchange.cache(), hops, allPermanent, elapsed(), body == null ? 0 : body.length,
                    null, null, notModified, null);
        }

        FetchResult failed(FailureKind kind, String message, Instant retryAt) {
            return new FetchResult(request.url(), current, 0, null, null, null, null, CacheHeaders.NONE, hops, false,
                    elapsed(), 0, kind, message, false, retryAt);
        }

        private FetchResult failed(Exchange exchange, FailureKind kind, String message, Instant retryAt) {
            return new FetchResult(request.url(), current, exchange.status(), null, exchange.contentType(), null,
                    null, exchange.cache(), hops, false, elapsed(), 0, kind, message, false, retryAt);
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        /** One GET on the wire, bounded by what is left of the whole-request budget. */
        private Exchange exchange(URI url, boolean withOriginHeaders) {
            if (budgetNanos <= 0) {
                return Exchange.failure(FailureKind.TIMEOUT, "no time left of the "
                        + settings.requestTimeout().toMillis() + " ms request budget");
            }
            HttpGet get = new HttpGet(url);
            get.setHeader("Accept", request.accept());
            get.setHeader("Accept-Encoding", ContentDecoding.ACCEPT_ENCODING);
            if (request.etag() != null) {
                get.setHeader("If-None-Match", request.etag());
            }
            if (request.lastModified() != null) {
                get.setHeader("If-Modified-Since", request.lastModified());
            }
            if (withOriginHeaders) {
                request.originBoundHeaders().forEach(get::setHeader);
            }
            long deadline = System.nanoTime() + budgetNanos;
            AtomicBoolean deadlineHit = new AtomicBoolean();
            AtomicReference<ClassicHttpResponse> open = new AtomicReference<>();
            ScheduledFuture<?> killer = deadlines.schedule(() -> {
                deadlineHit.set(true);
                get.cancel(); // aborts a connect or a wait for the response head
                ClassicHttpResponse response = open.get();
                if (response != null) {
                    closeImmediately(response); // unblocks a read in a slow body
                }
            }, budgetNanos, TimeUnit.NANOSECONDS);
            ClassicHttpResponse response = null;
            boolean clean = false;
            try {
                response = client().executeOpen(null, get, HttpClientContext.create());
                open.set(response);
                Exchange exchange = read(response, deadline);
                clean = exchange.cleanEnd();
                return exchange;
            } catch (IOException | RuntimeException e) {
                return deadlineHit.get() ? timeout() : Exchange.failure(kindOf(e), describe(e));
            } finally {
                killer.cancel(false);
                if (response != null) {
                    if (clean) {
                        closeQuietly(response); // body fully read: the connection goes back to the pool
                    } else {
                        closeImmediately(response); // never drain what we did not want
                    }
                }
            }
        }

        private Exchange timeout() {
            return Exchange.failure(FailureKind.TIMEOUT,
                    "no complete answer within " + settings.requestTimeout().toMillis() + " ms");
        }

        private Exchange read(ClassicHttpResponse response, long deadline) throws IOException {
            int status = response.getCode();
            Exchange head = new Exchange(status, null, header(response, "Content-Type"), header(response, "ETag"),
                    header(response, "Last-Modified"), header(response, "Location"), header(response, "Retry-After"),
                    CacheHeaders.parse(joined(response, "Cache-Control"), header(response, "Expires")), null, null,
                    false);
            HttpEntity entity = response.getEntity();
            if (status < 200 || status >= 300) {
                return head.withCleanEnd(entity == null);
            }
            if (entity == null) {
                return head.withBody(new byte[0]);
            }
            String encoding = entity.getContentEncoding();
            long declared = entity.getContentLength();
            long limit = settings.maxBodyBytes();
            boolean identity = encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
            if (identity && declared > limit) {
                return head.failed(FailureKind.TOO_LARGE,
                        "Content-Length " + declared + " exceeds the limit of " + limit + " bytes");
            }
            // the shield keeps decoders from closing (and so draining) the connection's stream when we stop early
            try (InputStream decoded = ContentDecoding.decode(new CloseShieldInputStream(entity.getContent()),
                    encoding)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(
                        (int) Math.min(limit, declared > 0 ? declared : 64 * 1024) + 1);
                byte[] buffer = new byte[16 * 1024];
                long total = 0;
                int n;
                while ((n = decoded.read(buffer)) >= 0) {
                    total += n;
                    if (total > limit) {
                        return head.failed(FailureKind.TOO_LARGE, "body exceeds the limit of " + limit + " bytes"
                                + (identity ? "" : " after " + encoding + " decoding"));
                    }
                    if (System.nanoTime() - deadline > 0) {
                        return timeout();
                    }
                    out.write(buffer, 0, n);
                }
                return head.withBody(out.toByteArray());
            }
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // the outcome is already decided; a failed release only costs the pooled connection
        }
    }

    /** Drops the connection without reading what is left of the body (which could be endless). */
    private static void closeImmediately(ClassicHttpResponse response) {
        try {
            if (response instanceof ModalCloseable modal) {
                modal.close(CloseMode.IMMEDIATE);
            } else {
                response.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection was already broken; nothing left to release
        }
    }

    /** Passes reads through but not close, which on a response stream would read the rest of the body. */
    private static final class CloseShieldInputStream extends FilterInputStream {
        CloseShieldInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the response, not the decoder, decides how the connection ends
        }
    }

    /** One response as far as it was read (or the failure that ended it). */
    private record Exchange(int status, byte[] body, String contentType, String etag, String lastModified,
                            String location, String retryAfter, CacheHeaders cache, FailureKind failure,
                            String message, boolean cleanEnd) {

        static Exchange failure(FailureKind kind, String message) {
            return new Exchange(0, null, null, null, null, null, null, CacheHeaders.NONE, kind, message, false);
        }

        Exchange withBody(byte[] bytes) {
            return new Exchange(status, bytes, contentType, etag, lastModified, location, retryAfter, cache, null,
                    null, true);
        }

        Exchange withCleanEnd(boolean clean) {
            return new Exchange(status, body, contentType, etag, lastModified, location, retryAfter, cache, failure,
                    message, clean);
        }

        Exchange failed(FailureKind kind, String text) {
            return new Exchange(status, null, contentType, etag, lastModified, location, retryAfter, cache, kind,
                    text, false);
        }
    }

    private record UrlCheck(URI url, FailureKind failure, String message) {
    }

    /** Scheme, userinfo and host rules every hop must pass; a literal IP is judged here, before robots.txt. */
    private UrlCheck checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return new UrlCheck(url, FailureKind.INVALID_URL, "only http and https URLs are fetched: " + url);
        }
        if (url.getRawUserInfo() != null) {
            return new UrlCheck(url, FailureKind.INVALID_URL, "URLs with a user name or password are refused");
        }
        URI usable = url.getHost() != null ? url : asciiHost(url);
        if (usable == null) {
            return new UrlCheck(url, FailureKind.INVALID_URL, "no usable host in " + url);
        }
        String host = usable.getHost();
        InetAddress literal = literalAddress(host);
        if (literal != null && !guard.permits(literal)) {
            return new UrlCheck(usable, FailureKind.BLOCKED_ADDRESS, guard.refusal(literal));
        }
        return new UrlCheck(usable, null, null);
    }

    private static InetAddress literalAddress(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                return InetAddress.getByName(host.substring(1, host.length() - 1));
            }
            if (DOTTED_QUAD.matcher(host).matches()) {
                return InetAddress.getByName(host);
            }
        } catch (UnknownHostException e) {
            return null; // not a literal after all; the resolver will have its say
        }
        return null;
    }

    /** {@link URI} leaves an internationalised host null; rebuild the URL with its punycode form. */
    private static URI asciiHost(URI url) {
        String authority = url.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 && authority.indexOf(']') < colon ? authority.substring(0, colon) : authority;
        String port = host.length() < authority.length() ? authority.substring(host.length()) : "";
        try {
            String ascii = IDN.toASCII(java.net.URLDecoder.decode(host, StandardCharsets.UTF_8),
                    IDN.USE_STD3_ASCII_RULES);
            URI rebuilt = new URI(url.getScheme() + "://" + ascii + port
                    + (url.getRawPath() == null ? "" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
            return rebuilt.getHost() != null ? rebuilt : null;
        } catch (IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static String joined(ClassicHttpResponse response, String name) {
        Header[] headers = response.getHeaders(name);
        if (headers.length == 0) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            values.add(h.getValue());
        }
        return String.join(", ", values);
    }

    private static FailureKind kindOf(Exception e) {
        if (e instanceof BlockedAddressException) {
            return FailureKind.BLOCKED_ADDRESS;
        }
        if (e instanceof UnknownHostException) {
            return FailureKind.DNS;
        }
        if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (e instanceof SSLException) {
            return FailureKind.TLS;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return FailureKind.CONNECT;
        }
        if (e instanceof ContentDecoding.UnsupportedCodingException || e instanceof ZipException
                || e instanceof ClientProtocolException || e instanceof MalformedChunkCodingException
                || e instanceof RuntimeException) {
            return FailureKind.PROTOCOL;
        }
        return FailureKind.NETWORK;
    }

    private static String describe(Exception e) {
        if (e instanceof BlockedAddressException) {
            return e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "host not found: " + e.getMessage();
        }
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
