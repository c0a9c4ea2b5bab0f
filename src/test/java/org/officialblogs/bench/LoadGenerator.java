package org.officialblogs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * A closed-loop HTTP load generator on loopback: {@code threads} client threads send GETs back to back over HTTP/1.1
 * and record each response's client time, the app's own Server-Timing and whether it failed (an I/O error or any
 * status but 200 counts as an error).
 *
 * <p>It runs in the suite's JVM, on the processors the app uses, so what a request costs the client is taken from
 * the site's figures: the client is Apache HttpClient's classic one (the crawler's library), each thread sending on
 * kept-alive connections and reading the answer itself. The JDK's {@code java.net.http} client, used before, spent
 * 0.6 to 0.7 ms of processor time a request on this 2-processor machine, twice to three times what the app spent
 * serving a cached page, and the site's figures measured the client as much as the site.
 */
final class LoadGenerator {

    /**
     * One scenario's numbers (times in ms; {@code clientThreadsCpuMs}: the CPU time of the client threads that sent
     * the requests and read the answers; {@code warmSeconds}: the unmeasured warm-up before,
     * 0 for none; {@code compilerShare}: the JIT compiler's time while the load was measured, as a share of that
     * load's wall time, NaN when not known).
     */
    record Result(String name, int requests, int errors, double seconds, double perSecond, double clientMedianMs,
                  double clientP95Ms, double serverMedianMs, double serverP95Ms, long bytes, double clientThreadsCpuMs,
                  double warmSeconds, double compilerShare) {}

    private final int seconds;
    private final int threads;
    private final int maxRequests;
    private final CloseableHttpClient client;

    /** What browsers send in {@code Accept-Encoding} (current Chromium and Firefox). */
    static final String BROWSERS_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

    /** A generator whose requests carry no {@code Accept-Encoding}: the pages as served, uncompressed. */
    LoadGenerator(int seconds, int threads, int maxRequests) {
        this(seconds, threads, maxRequests, null);
    }

    /**
     * A generator whose requests carry {@code acceptEncoding} (none if null). The bodies are read as they arrive,
     * compressed or not, and counted, never decompressed: a browser's decompression is not the site's cost.
     */
    LoadGenerator(int seconds, int threads, int maxRequests, String acceptEncoding) {
        this.seconds = seconds;
        this.threads = threads;
        this.maxRequests = maxRequests;
        // a kept-alive connection per client thread
        this.client = HttpClients.custom()
                .setDefaultHeaders(acceptEncoding == null ? List.of()
                        : List.of(new BasicHeader("Accept-Encoding", acceptEncoding)))
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /**
     * Warms up (not measured) until the JIT compiler is quiet, then loads {@code uri} for the set time or request
     * count: see {@link #warmUp}.
     */
    Result measure(String name, URI uri) throws InterruptedException {
        return measure(name, List.of(uri));
    }

    /** As {@link #measure(String, URI)}, the pages requested in turn. */
    Result measure(String name, List<URI> uris) throws InterruptedException {
        double warmed = warmUp(uris);
        long compiled = compiledMs();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Raw raw = run(uris, maxRequests, () -> System.nanoTime() >= until);
        double share = compiled < 0 ? Double.NaN : Math.max(0, compiledMs() - compiled) / (raw.seconds() * 1000);
        return raw.named(name, warmed, share);
    }

    /**
     * The JIT compiler's time so far in this JVM, in ms: its threads' processor time as it accrues
     * ({@link ThreadCpu#compilerCpuMs}), else the JVM's total compilation time; -1 where neither is known. The JVM's
     * total grows only when a compilation ends, so a C2 compilation of seconds left the windows it ran in quiet: a
     * warm-up ended after 11 s, and the profiles' first views then measured 175 % of their time in the compiler.
     */
    private static long compiledMs() {
        long cpu = ThreadCpu.compilerCpuMs();
        if (cpu >= 0) return cpu;
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : -1;
    }

    /** A warm-up window: the compiler's time in one is compared with the window's. */
    static final Duration WARM_WINDOW = Duration.ofSeconds(2);
    /** The compiler counts as quiet once it works less than this share of a window ... */
    static final double QUIET_SHARE = 0.05;
    /**
     * ... in this many windows in a row: C2 compiles in bursts as requests reach new paths, and one quiet window
     * ended some warm-ups after 9 s while the profiles' code went on compiling.
     */
    static final int QUIET_WINDOWS = 2;
    /** The longest warm-up, quiet or not. */
    static final Duration WARM_AT_MOST = Duration.ofSeconds(90);

    /**
     * Loads the pages, not measured, for at least a third of the set time and then window by window until the JIT
     * compiler (in this JVM, where the app runs) spent less than {@link #QUIET_SHARE} of a window compiling in
     * {@link #QUIET_WINDOWS} windows in a row, or {@link #WARM_AT_MOST} passed. A page first requested minutes after
     * start-up is compiled while it is being measured otherwise: on 2 CPUs the compiler took a third of the CPU for
     * the first 40 s of a profile's first views, which a running site has long behind it.
     *
     * @return the warm-up's length in seconds
     */
    private double warmUp(List<URI> uris) throws InterruptedException {
        long start = System.nanoTime();
        long atLeastUntil = start + Duration.ofSeconds(Math.max(1, seconds / 3)).toNanos();
        run(uris, Integer.MAX_VALUE, () -> System.nanoTime() >= atLeastUntil);
        if (compiledMs() < 0) return (System.nanoTime() - start) / 1e9;
        long giveUp = start + WARM_AT_MOST.toNanos();
        int quiet = 0;
        while (System.nanoTime() < giveUp && quiet < QUIET_WINDOWS) {
            long compiled = compiledMs();
            long windowStart = System.nanoTime();
            long windowEnd = windowStart + WARM_WINDOW.toNanos();
            run(uris, Integer.MAX_VALUE, () -> System.nanoTime() >= windowEnd);
            double windowMs = (System.nanoTime() - windowStart) / 1e6;
            quiet = Math.max(0, compiledMs() - compiled) < QUIET_SHARE * windowMs ? quiet + 1 : 0;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Loads the given pages in turn until {@code done} says so (checked before each request); no warm-up. */
    Result measureUntil(String name, List<URI> uris, BooleanSupplier done) throws InterruptedException {
        return run(uris, Integer.MAX_VALUE, done).named(name, 0, Double.NaN);
    }

    private record Raw(int requests, int errors, double seconds, long[] clientNanos, double[] serverMs, long bytes,
                       long threadsCpuNanos) {
        Result named(String name, double warmSeconds, double compilerShare) {
            long[] c = Arrays.copyOf(clientNanos, requests);
            Arrays.sort(c);
            double[] s = Arrays.stream(serverMs, 0, requests).filter(v -> !Double.isNaN(v)).sorted().toArray();
            return new Result(name, requests, errors, seconds, requests / seconds, percentile(c, 0.5) / 1e6,
                    percentile(c, 0.95) / 1e6, s.length == 0 ? Double.NaN : s[(int) Math.floor(0.5 * (s.length - 1))],
                    s.length == 0 ? Double.NaN : s[(int) Math.floor(0.95 * (s.length - 1))], bytes, threadsCpuNanos / 1e6,
                    warmSeconds, compilerShare);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.floor(p * (sorted.length - 1))];
    }

    private Raw run(List<URI> uris, int limit, BooleanSupplier done) throws InterruptedException {
        // an open-ended run (measureUntil) grows its arrays; a bounded one allocates them once
        int initial = limit == Integer.MAX_VALUE ? 1 << 16 : limit;
        long[][] clientNanos = {new long[initial]};
        double[][] serverMs = {new double[initial]};
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong bytes = new AtomicLong();
        AtomicLong threadsCpu = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get() && !done.getAsBoolean()) {
                        int i = next.getAndIncrement();
                        if (i >= limit) break;
                        long begin = System.nanoTime();
                        long took;
                        double server = Double.NaN;
                        try {
                            Answer answer = client.execute(new HttpGet(uris.get(i % uris.size())), res -> {
                                Header timing = res.getFirstHeader("Server-Timing");
                                return new Answer(res.getCode(), drain(res.getEntity()), timing == null ? Double.NaN
                                        : Double.parseDouble(timing.getValue().substring(timing.getValue().indexOf("dur=") + 4)));
                            });
                            took = System.nanoTime() - begin;
                            bytes.addAndGet(answer.bytes());
                            server = answer.serverMs();
                            if (answer.status() != 200) errors.incrementAndGet();
                        } catch (IOException e) {
                            took = System.nanoTime() - begin;
                            errors.incrementAndGet();
                        }
                        record(clientNanos, serverMs, i, took, server);
                    }
                } finally {
                    threadsCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    finished.countDown();
                }
            }, "load-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
        stop.set(true);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int count = Math.min(next.get(), limit);
        // threads that drew an index and then stopped leave no entry: count only what was recorded
        count = Math.min(count, clientNanos[0].length);
        return new Raw(count, errors.get(), elapsed, clientNanos[0], serverMs[0], bytes.get(), threadsCpu.get());
    }

    /** What one request came back with. */
    private record Answer(int status, long bytes, double serverMs) {}

    /** Each client thread's buffer for the bodies it reads: a page read is counted, never kept. */
    private static final ThreadLocal<byte[]> BODY_BUFFER = ThreadLocal.withInitial(() -> new byte[64 << 10]);

    /**
     * Reads the body to its end and says how long it was, into one buffer per thread: copied into a new array per
     * request, the client's garbage was the collector's work on the processors the site is measured on.
     */
    private static long drain(HttpEntity entity) throws IOException {
        if (entity == null) return 0;
        long n = 0;
        byte[] buffer = BODY_BUFFER.get();
        try (InputStream in = entity.getContent()) {
            for (int read; (read = in.read(buffer)) != -1; ) n += read;
        }
        return n;
    }

    private static synchronized void record(long[][] clientNanos, double[][] serverMs, int i, long took, double server) {
        if (i >= clientNanos[0].length) {
            int size = Math.max(i + 1, clientNanos[0].length * 2);
            clientNanos[0] = Arrays.copyOf(clientNanos[0], size);
            serverMs[0] = Arrays.copyOf(serverMs[0], size);
        }
        clientNanos[0][i] = took;
        serverMs[0][i] = server;
    }
}
