package org.officialblogs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlRunner;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.demo.SyntheticWeb;
import org.officialblogs.demo.SyntheticWebServer;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.PostgresCluster;

/**
 * The one benchmark suite (issue 8): a {@link SyntheticWeb} served on loopback under distinct host names, imported as
 * a registry and crawled for real; then, on the same database, the pages under load, the pages under load while a
 * crawl writes, and posts.csv in a child JVM with -Xmx256m. Prints one table (figure, value, target, baseline,
 * ratio) to stdout, stderr and target/surefire-reports. Fails only when something is wrong, not when slow: a crawl
 * that stores nothing, a 304 re-crawl that fetches, a failed page request, rows missing from the export.
 *
 * <pre>mvn -B test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=BenchmarkSuiteTest -Dbench.size=small</pre>
 *
 * Sizes: {@code small} (200 blogs, quick), {@code medium} (2,000 blogs, about 200,000 posts), {@code full} (10,000
 * blogs, about 1,000,000 posts). Overrides: {@code -Dbench.blogs -Dbench.meanPosts -Dbench.window (comment window,
 * days) -Dbench.hostDelayMs -Dbench.seconds (per page scenario) -Dbench.seed -Dbench.heap (export child)}.
 * {@code -Dbench.rows=discovery} (a comma list of crawl, pages, discovery, export, startup; all by default) runs only
 * those parts: pages and export need the crawl's database; startup times the built jar ({@code -Dbench.startups}
 * runs per variant, 3 by default) and is left out with a note when the jar is not built. {@code -Dbench.db=postgres}
 * runs it on PostgreSQL (a fresh database of the test cluster, {@link PostgresCluster}, on the same machine); the
 * table's header says which.
 */
@Tag("benchmark")
class BenchmarkSuiteTest {

    /** A size: blogs, mean posts per blog, history length, comment window (days), seconds per page scenario. */
    record Size(String name, int blogs, int meanPosts, int historyDays, int windowDays, int loadSeconds) {
        static Size of(String name) {
            Size base = switch (name) {
                case "small" -> new Size(name, 200, 30, 400, 45, 3);
                case "medium" -> new Size(name, 2_000, 100, 1_000, 30, 5);
                case "full" -> new Size(name, 10_000, 100, 1_000, 30, 10);
                default -> throw new IllegalArgumentException("bench.size is small, medium or full, was " + name);
            };
            return new Size(name, Integer.getInteger("bench.blogs", base.blogs()),
                    Integer.getInteger("bench.meanPosts", base.meanPosts()), base.historyDays(),
                    Integer.getInteger("bench.window", base.windowDays()),
                    Integer.getInteger("bench.seconds", base.loadSeconds()));
        }
    }

    static final long SEED = Long.getLong("bench.seed", 42);
    /** The database engine: {@code -Dbench.db=postgres} runs the suite on the throwaway PostgreSQL cluster. */
    static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("bench.db", "sqlite"));
    static final long HOST_DELAY_MS = Long.getLong("bench.hostDelayMs", 2_000);
    static final String EXPORT_HEAP = System.getProperty("bench.heap", "256m");
    static final int LOAD_THREADS = 4;
    static final List<String> PARTS = List.of("crawl", "pages", "feeds", "discovery", "export", "startup");

    /** One row of the table. */
    record Row(String figure, String value, String target, String baseline, String ratio) {}

    /**
     * The test runner's stderr, where progress and the table go. The application's log goes to {@link #APP_LOG}
     * while the suite runs: in production its one line per request goes to a file or a pipe, while through the test
     * runner's capture of stderr the Maven process also decodes and writes every line (88 MB in a medium run), on
     * the same two processors (the line itself is written exactly as in production, by the same appender; only the
     * stream under it differs).
     */
    private static final PrintStream CONSOLE = System.err;
    static final Path APP_LOG = Path.of("target", "bench-app.log");

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private HeapSampler heap;
    private String header = "";

    @Test
    void oneSuiteOnOneSyntheticRegistry(@TempDir Path dir) throws Exception {
        Size size = Size.of(System.getProperty("bench.size", "small"));
        List<String> parts = List.of(System.getProperty("bench.rows", String.join(",", PARTS)).split(",")).stream()
                .map(String::strip).toList();
        for (String p : parts) {
            if (!PARTS.contains(p)) throw new IllegalArgumentException("bench.rows names " + p + "; the parts are " + PARTS);
        }
        if ((parts.contains("pages") || parts.contains("export")) && !parts.contains("crawl")) {
            throw new IllegalArgumentException("bench.rows: pages and export read the crawl's database; add crawl");
        }
        long wall0 = System.nanoTime();
        String startLoad = loadAverage();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SyntheticWeb web = new SyntheticWeb(SEED, size.blogs(), size.meanPosts(), size.historyDays(), now);
        long postsServed = web.totalPosts();
        Map<SyntheticWeb.Platform, Integer> byPlatform = new java.util.EnumMap<>(SyntheticWeb.Platform.class);
        Map<SyntheticWeb.Pattern, Integer> byPattern = new java.util.EnumMap<>(SyntheticWeb.Pattern.class);
        for (SyntheticWeb.Blog b : web.blogs()) {
            byPlatform.merge(b.platform(), 1, Integer::sum);
            byPattern.merge(b.pattern(), 1, Integer::sum);
        }
        long liveBlogs = web.blogs().stream().filter(b -> b.pattern() != SyntheticWeb.Pattern.DEAD).count();

        Files.createDirectories(APP_LOG.getParent());
        PrintStream appLog = new PrintStream(new BufferedOutputStream(new FileOutputStream(APP_LOG.toFile()), 8192),
                false, StandardCharsets.UTF_8);
        System.setErr(appLog);
        heap = new HeapSampler();
        try (HeapSampler sampler = heap; SyntheticWebServer server = new SyntheticWebServer(web)) {
            Map<String, List<InetAddress>> hosts = new HashMap<>();
            StringBuilder csv = new StringBuilder("name,office,country,level,branch,blog_url,feed_url,sources\n");
            for (SyntheticWeb.Blog b : web.blogs()) {
                hosts.put(b.host(), List.of(InetAddress.getLoopbackAddress()));
                csv.append(b.official()).append(',').append(b.office()).append(',').append(b.country()).append(',')
                        .append(b.level()).append(',').append(b.branch()).append(',').append(server.base(b)).append("/,")
                        .append(server.base(b)).append(b.feedPath()).append(",https://example.org/source\n");
            }
            Map<String, String> settings = new HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0",
                    "OFFICIALBLOGS_DATA_DIR", dir.toString(), "OFFICIALBLOGS_SCHEDULER", "false",
                    "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true",
                    "OFFICIALBLOGS_HOST_DELAY_MS", Long.toString(HOST_DELAY_MS),
                    "OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS", Integer.toString(size.windowDays()),
                    "OFFICIALBLOGS_BACKFILL_HORIZON_DAYS", Integer.toString(size.historyDays() + 10)));
            // the read API's per-address limit would answer the load generator 429: lifted for the suite
            settings.put("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "1000000000");
            if (POSTGRES) settings.put("OFFICIALBLOGS_DB_URL", postgresDatabase());
            databaseUrl = settings.get("OFFICIALBLOGS_DB_URL");
            Config config = Config.fromValues(settings);
            header = String.format(Locale.ROOT, "Official Blogs benchmark suite, size %s: %,d blogs (%s; %s),"
                            + " %,d posts served, seed %d%nsettings: host delay %d ms, %d fetches at once, comment window"
                            + " %d days, backfill horizon %d days / %d pages, %d load threads x %d s per page scenario;"
                            + " %d CPUs, max heap %d MB (%s), Java %s, garbage collector %s%ndatabase: %s", size.name(),
                    size.blogs(), byPlatform,
                    byPattern, postsServed, SEED, config.politeness().hostDelay().toMillis(), config.politeness().maxConcurrentFetches(),
                    size.windowDays(), config.windows().backfillHorizonDays(), config.windows().backfillMaxPages(), LOAD_THREADS,
                    size.loadSeconds(), Runtime.getRuntime().availableProcessors(), HeapSampler.maxHeapMb(),
                    HeapSampler.maxHeapMb() <= 256 ? "run with -Xmx256m" : "NOT run with -Xmx256m", Runtime.version(),
                    collectors(),
                    POSTGRES ? "PostgreSQL, a throwaway local cluster on the same machine (fsync off), pool of 16"
                            : "SQLite file (WAL), pool of 8");
            progress(header);

            long imported = 0;
            if (parts.contains("crawl")) {
                try (App app = onTheSyntheticWeb(config, hosts)) {
                    var result = app.importer.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "bench");
                    assertThat(result.rejected()).isEmpty();
                    imported = size.blogs();

                    crawlFigures(app, web, server, size, liveBlogs, postsServed);
                    if (parts.contains("pages")) pageFigures(app, web, size, settings, dir);
                }
            }
            if (parts.contains("feeds")) {
                feedsFigures(dir, settings, hosts, csv.toString(), size, web, server);
                imported = size.blogs();
            }
            if (parts.contains("discovery")) discoveryFigures(dir, config, hosts, web, server);
            heap.reset();
            if (parts.contains("export")) exportFigures(dir);
            if (parts.contains("startup")) startupFigures(dir);
            if (!parts.containsAll(PARTS)) notes.add("parts run: " + String.join(", ", parts) + " (-Dbench.rows)");
            rows.add(new Row("peak heap, suite JVM (sampled; includes the synthetic web and load clients)",
                    heap.peakMb() + " MB (max " + HeapSampler.maxHeapMb() + " MB)", "<= 256 MB", "-", "-"));
            notes.add(String.format(Locale.ROOT, "imported %,d officials and blogs; HTTP requests served by the synthetic"
                            + " web: %,d (%,d KB); whole suite %.0f s wall", imported, server.total(), server.bytes() / 1024,
                    (System.nanoTime() - wall0) / 1e9));
            notes.add("load average (1, 5, 15 min) at the end: " + loadAverage() + "; at the start: " + startLoad
                    + " (the machine's 2 CPUs are shared: figures are lower bounds of what the code does alone)");
        } finally {
            System.setErr(CONSOLE);
            appLog.close();
            notes.add(appLogSummary());
            String table = table();
            System.out.println(table);
            CONSOLE.println(table);
        }
    }

    /** The JVM's collectors, as it names them ("Copy, MarkSweepCompact" for the serial one). */
    private static String collectors() {
        return String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    /** Where the application's log went, with its lines, warnings and errors counted. */
    private static String appLogSummary() {
        long lines = 0;
        long warnings = 0;
        long errors = 0;
        try (var in = Files.newBufferedReader(APP_LOG, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                // "2026-12-04T21:41:22.151Z WARN  ..." (logback.xml's pattern)
                int level = line.indexOf(' ');
                if (line.startsWith("WARN", level + 1)) warnings++;
                if (line.startsWith("ERROR", level + 1)) errors++;
            }
        } catch (IOException e) {
            return "the application's log, " + APP_LOG + ": not read (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "the application's log, %s (to a file while the suite runs, as in"
                + " production; not through the test runner): %,d lines, %,d warnings, %,d errors", APP_LOG, lines,
                warnings, errors);
    }

    private void crawlFigures(App app, SyntheticWeb web, SyntheticWebServer server, Size size, long liveBlogs,
                              long postsServed) throws Exception {
        progress("first crawl ...");
        server.record(true);
        server.countHosts(true);
        heap.reset();
        Instant crawlStart = Instant.now();
        long c0 = System.nanoTime();
        CrawlRunner.Summary first = app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
        double firstSeconds = (System.nanoTime() - c0) / 1e9;
        Instant crawlEnd = Instant.now();
        server.record(false);
        server.countHosts(false);
        Map<String, Long> perHost = server.hostCounts();
        long busiest = perHost.values().stream().mapToLong(Long::longValue).max().orElse(1);
        long crawlRequests = perHost.values().stream().mapToLong(Long::longValue).sum();
        double delay = app.config.politeness().hostDelay().toMillis() / 1000.0;
        double politeness = (busiest - 1) * delay;
        progress(first.text());
        long posts = count(app, "SELECT count(*) FROM post");
        long comments = count(app, "SELECT count(*) FROM comment");

        // the baseline: Rome alone parsing exactly the feed pages the crawler fetched with 200, single-threaded,
        // after a warm-up; the bytes are generated again outside the timed part
        List<SyntheticWebServer.Served> served = server.recorded();
        for (int i = 0; i < Math.min(300, served.size()); i++) RealFeedReading.rome(server.feedBody(served.get(i)));
        long romeNanos = 0;
        long romeBytes = 0;
        long firstPagesNanos = 0;
        for (SyntheticWebServer.Served s : served) {
            byte[] body = server.feedBody(s);
            romeBytes += body.length;
            long t = System.nanoTime();
            RealFeedReading.rome(body);
            long took = System.nanoTime() - t;
            romeNanos += took;
            if (!s.pathAndQuery().contains("?")) firstPagesNanos += took;
        }
        double romeSeconds = romeNanos / 1e9;

        rows.add(new Row("first crawl (robots, feed, backfill, comments, store, metrics)",
                String.format(Locale.ROOT, "%.1f s", firstSeconds), "-", String.format(Locale.ROOT,
                "Rome %.2f s", romeSeconds), ratio(firstSeconds, romeSeconds)));
        rows.add(new Row("  same, against the politeness bound", String.format(Locale.ROOT, "%.1f s, %,d requests",
                firstSeconds, crawlRequests), "<= 1.1x", String.format(Locale.ROOT,
                "politeness bound %.1f s (%d requests on the busiest host x %s s)", politeness, busiest, seconds(delay)),
                ratio(firstSeconds, politeness)));
        java.time.Duration shortestGap = server.shortestGapPerHost();
        rows.add(new Row("  politeness: shortest time between two requests to one host", shortestGap == null ? "-"
                : String.format(Locale.ROOT, "%.2f s", shortestGap.toNanos() / 1e9), String.format(Locale.ROOT,
                ">= %s s (the host delay)", seconds(delay)), "-", "-"));
        String lastHost = perHost.keySet().stream()
                .max(Comparator.comparingLong((String h) -> server.firstAndLast(h)[1])).orElse(null);
        if (lastHost != null && perHost.get(lastHost) > 1) {
            long[] span = server.firstAndLast(lastHost);
            long n = perHost.get(lastHost);
            double meanStep = (span[1] - span[0]) / 1e9 / (n - 1);
            rows.add(new Row("  the host asked last: first request after, requests, mean step, longest step",
                    String.format(Locale.ROOT, "%.1f s, %d, %.2f s, %.1f s", (span[0] - c0) / 1e9, n, meanStep,
                            server.longestGap(lastHost).toNanos() / 1e9),
                    "-", String.format(Locale.ROOT, "host delay %s s", seconds(delay)), ratio(meanStep, delay)));
        }
        // how long the crawl took to ask every host once (its robots.txt, in the order the blogs start)
        double[] firsts = perHost.keySet().stream().mapToDouble(h -> (server.firstAndLast(h)[0] - c0) / 1e9).sorted()
                .toArray();
        if (firsts.length > 0) {
            rows.add(new Row("  every host's first request after: first, median, 90th percentile, last", String.format(
                    Locale.ROOT, "%.1f s, %.1f s, %.1f s, %.1f s (%,d hosts)", firsts[0], firsts[firsts.length / 2],
                    firsts[(int) (firsts.length * 0.9)], firsts[firsts.length - 1], firsts.length), "-", "-", "-"));
        }
        rows.add(new Row("  feeds crawled per second", String.format(Locale.ROOT, "%.1f /s", size.blogs() / firstSeconds),
                ">= 66.7 /s (2,000 in 30 s, no comments)", "-", "-"));
        rows.add(new Row("  feed pages read (first + history)", String.format(Locale.ROOT, "%,d (%,d KB)", served.size(),
                romeBytes / 1024), "-", "-", "-"));
        rows.add(new Row("  posts stored / served", String.format(Locale.ROOT, "%,d / %,d", posts, postsServed),
                "all but plain RSS history", "-", "-"));
        rows.add(new Row("  outcome", String.format(Locale.ROOT, "fetched %,d, failed %,d %s", first.fetched(),
                first.failed(), first.failedByKind()), "dead blogs fail (410)", "-", "-"));
        double commentDocs = server.count(SyntheticWebServer.Kind.COMMENT_FEED) + server.count(SyntheticWebServer.Kind.COMMENT_API)
                + server.count(SyntheticWebServer.Kind.PAGE);
        rows.add(new Row("comment collection: posts checked (comment feed + page)", String.format(Locale.ROOT,
                "%,d checks, %,.0f docs, %,d comments", first.commentChecks(), commentDocs, comments), "-", "-", "-"));
        rows.add(new Row("  comment checks per second (in the first crawl)", String.format(Locale.ROOT, "%.1f /s",
                first.commentChecks() / firstSeconds), "-", "-", "-"));

        progress("re-crawl (all 304) ...");
        Map<SyntheticWebServer.Kind, Long> before = server.counts();
        long c1 = System.nanoTime();
        CrawlRunner.Summary again = app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
        double againSeconds = (System.nanoTime() - c1) / 1e9;
        progress(again.text());
        rows.add(new Row("re-crawl, every feed 304", String.format(Locale.ROOT, "%.1f s", againSeconds),
                "<= 5 s (2,000 feeds)", String.format(Locale.ROOT, "Rome first pages %.2f s", firstPagesNanos / 1e9),
                ratio(againSeconds, firstPagesNanos / 1e9)));
        Map<SyntheticWebServer.Kind, Long> requests = new java.util.EnumMap<>(SyntheticWebServer.Kind.class);
        server.counts().forEach((k, v) -> {
            if (v - before.get(k) > 0) requests.put(k, v - before.get(k));
        });
        rows.add(new Row("  outcome", String.format(Locale.ROOT, "not modified %,d, fetched %,d, failed %,d;"
                + " requests %s", again.notModified(), again.fetched(), again.failed(), requests),
                "304 for every live blog", "-", "-"));
        rows.add(new Row("peak heap during the crawls (sampled)", heap.peakMb() + " MB (max " + HeapSampler.maxHeapMb()
                + " MB)", "<= 256 MB", "-", "-"));

        // the measured reply rates against what the generator knows
        Instant collectedSince = crawlStart.minus(Duration.ofDays(size.windowDays()));
        Instant judgedBefore = crawlEnd.minus(MetricsSettings.DEFAULT_MINIMUM_JUDGING_AGE);
        Map<Integer, int[]> measured = new HashMap<>();
        app.database.jdbi().useHandle(h -> h.createQuery("""
                SELECT b.site_url, m.judged_with_comments, m.judged_replied
                FROM blog b JOIN blog_metrics m ON m.blog_id = b.id""").map((rs, ctx) -> {
            String host = URI.create(rs.getString(1)).getHost();
            measured.put(Integer.parseInt(host.substring(4, host.indexOf('.'))),
                    new int[] {rs.getInt(2), rs.getInt(3)});
            return null;
        }).list());
        int judgedBlogs = 0;
        int exact = 0;
        int inWilson = 0;
        double absError = 0;
        double absErrorRealised = 0;
        List<String> misses = new ArrayList<>();
        Map<SyntheticWeb.Platform, Integer> judgedByPlatform = new java.util.EnumMap<>(SyntheticWeb.Platform.class);
        Map<SyntheticWeb.Platform, Integer> exactByPlatform = new java.util.EnumMap<>(SyntheticWeb.Platform.class);
        for (SyntheticWeb.Blog b : web.blogs()) {
            if (!b.hasComments()) continue;
            SyntheticWeb.Realised r = web.realised(b, collectedSince, judgedBefore);
            int[] m = measured.getOrDefault(b.index(), new int[] {0, 0});
            if (r.withComments() == 0 && m[0] == 0) continue;
            judgedBlogs++;
            judgedByPlatform.merge(b.platform(), 1, Integer::sum);
            exactByPlatform.merge(b.platform(), r.withComments() == m[0] && r.replied() == m[1] ? 1 : 0, Integer::sum);
            if (r.withComments() == m[0] && r.replied() == m[1]) exact++;
            else if (misses.size() < 5) misses.add("blog" + b.index() + " expected " + r.replied() + "/" + r.withComments()
                    + " measured " + m[1] + "/" + m[0]);
            if (m[0] == 0) continue;
            double rate = (double) m[1] / m[0];
            double[] wilson = wilson(m[1], m[0]);
            if (b.replyProbability() >= wilson[0] && b.replyProbability() <= wilson[1]) inWilson++;
            absError += Math.abs(rate - b.replyProbability());
            absErrorRealised += r.withComments() == 0 ? 0 : Math.abs(rate - (double) r.replied() / r.withComments());
        }
        StringBuilder byPlatformFacts = new StringBuilder();
        judgedByPlatform.forEach((p, n) -> byPlatformFacts.append(byPlatformFacts.isEmpty() ? "" : ", ")
                .append(p.name().toLowerCase(Locale.ROOT)).append(' ').append(exactByPlatform.get(p)).append(" of ").append(n));
        rows.add(new Row("reply facts: blogs whose counts equal the generated ones", String.format(Locale.ROOT,
                "%d of %d (%s)", exact, judgedBlogs, byPlatformFacts), "all", "-", "-"));
        rows.add(new Row("reply rate: known probability in the measured rate's Wilson 95% interval",
                String.format(Locale.ROOT, "%.1f %% of %d blogs", 100.0 * inWilson / Math.max(1, judgedBlogs), judgedBlogs),
                "about 95 %", "-", "-"));
        rows.add(new Row("reply rate: mean absolute error vs known probability / vs generated posts",
                String.format(Locale.ROOT, "%.3f / %.3f", absError / Math.max(1, judgedBlogs),
                        absErrorRealised / Math.max(1, judgedBlogs)), "- / 0", "-", "-"));
        if (!misses.isEmpty()) notes.add("reply facts that differ (first 5): " + String.join("; ", misses));
        notes.add("history: every stored post was fetched by the crawler (first page + its own backfill paging:"
                + " WordPress ?paged, Blogger start-index, Atom rel=next; Substack serves every post in its feed);"
                + " plain RSS blogs keep only their last "
                + SyntheticWeb.RSS_ITEMS + " items; no rows were written around the crawler");

        assertThat(first.fetched()).isEqualTo(liveBlogs);
        assertThat(posts).isGreaterThan(0);
        assertThat(again.notModified()).isEqualTo(first.fetched());
        assertThat(again.fetched()).isZero();
    }

    private void pageFigures(App app, SyntheticWeb web, Size size, Map<String, String> settings, Path dir)
            throws Exception {
        progress("pages under load ...");
        // the post the crawl under page load will find (at the end of this part), added now so that the synthetic
        // web's code is compiled for what it then serves before any page is measured
        web.addPost(Instant.now().minus(Duration.ofHours(1)));
        warmUpSyntheticWeb(web);
        Javalin site = app.webApp("bench").start();
        Javalin trivial = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/ping", ctx -> ctx.result("ok"));
        }).start(0);
        try {
            URI base = URI.create("http://127.0.0.1:" + site.port());
            String filtered = "/?level=national&sort=reply&page=" + Math.max(1, Math.min(50, size.blogs() / 200));
            LoadGenerator load = new LoadGenerator(size.loadSeconds(), LOAD_THREADS, 1_000_000);
            LoadGenerator.Result ping = load.measure("trivial", URI.create("http://127.0.0.1:" + trivial.port() + "/ping"));
            LoadGenerator.Result root = load.measure("/ (rankings)", base.resolve("/"));
            LoadGenerator.Result profile = load.measure("/officials/1 (profile), repeat views", base.resolve("/officials/1"));
            LoadGenerator.Result recent = load.measure("/recent, repeat views", base.resolve("/recent"));
            List<LoadGenerator.Result> pages = List.of(root, load.measure(filtered, base.resolve(filtered)), profile, recent);
            String pingText = String.format(Locale.ROOT, "/ping %,.0f req/s", ping.perSecond());
            for (LoadGenerator.Result r : List.of(pages.get(0), pages.get(1))) {
                rows.add(new Row("page " + r.name() + ": req/s, server p50/p95 ms", rate(r),
                        ">= 1,000 req/s, p50 < 20 ms", pingText,
                        String.format(Locale.ROOT, "%.1f %%", 100 * r.perSecond() / ping.perSecond())));
                assertThat(r.errors()).as(r.name()).isZero();
            }

            // first views: the same pages from a second app over the same database with the page cache off, so
            // every request queries and renders (the profiles of all officials in turn)
            String rootText = String.format(Locale.ROOT, "cached / %,.0f req/s", root.perSecond());
            Map<String, String> uncachedSettings = new HashMap<>(settings);
            uncachedSettings.put("OFFICIALBLOGS_PAGE_CACHE_SECONDS", "0");
            LoadGenerator.Result profileFirst;
            LoadGenerator.Result recentFirst;
            long officials = count(app, "SELECT count(*) FROM official");
            try (App uncached = new App(Config.fromValues(uncachedSettings))) {
                Javalin first = uncached.webApp("bench").start();
                try {
                    URI firstBase = URI.create("http://127.0.0.1:" + first.port());
                    List<URI> profiles = new ArrayList<>();
                    for (long id = 1; id <= officials; id++) profiles.add(firstBase.resolve("/officials/" + id));
                    profileFirst = load.measure("profiles, first views", profiles);
                    recentFirst = load.measure("/recent, first views", firstBase.resolve("/recent"));
                } finally {
                    first.stop();
                }
            }
            for (LoadGenerator.Result[] r : List.of(new LoadGenerator.Result[] {profile, profileFirst},
                    new LoadGenerator.Result[] {recent, recentFirst})) {
                rows.add(new Row("page " + r[0].name() + ": req/s, server p50/p95 ms", rate(r[0]), ">= 0.5x cached /",
                        rootText, ratio(r[0].perSecond(), root.perSecond())));
                rows.add(new Row("  first views (page cache off" + (r[1] == profileFirst ? ", all " + officials
                        + " officials in turn" : "") + ")", rate(r[1]), ">= 1,000 req/s", rootText,
                        ratio(r[1].perSecond(), root.perSecond())));
                assertThat(r[0].errors()).as(r[0].name()).isZero();
                assertThat(r[1].errors()).as(r[1].name()).isZero();
            }

            // the same page asked for as browsers ask (they all accept gzip): the bytes counted are those sent
            LoadGenerator browsers = new LoadGenerator(size.loadSeconds(), LOAD_THREADS, 1_000_000,
                    LoadGenerator.BROWSERS_ACCEPT_ENCODING);
            LoadGenerator.Result rootCompressed = browsers.measure("/ (rankings), as browsers ask", base.resolve("/"));
            rows.add(new Row("page " + rootCompressed.name() + " (Accept-Encoding: "
                    + LoadGenerator.BROWSERS_ACCEPT_ENCODING + "): req/s, server p50/p95 ms", rate(rootCompressed)
                    + String.format(Locale.ROOT, ", %.1f KB an answer", kbPerAnswer(rootCompressed)),
                    ">= 0.5x cached /", rootText + String.format(Locale.ROOT, " uncompressed, %.1f KB an answer",
                    kbPerAnswer(root)), ratio(rootCompressed.perSecond(), root.perSecond())));
            assertThat(rootCompressed.errors()).as(rootCompressed.name()).isZero();

            // the registry's every entry, the other listing a visitor pages through, kept as the rankings are
            LoadGenerator.Result entries = load.measure("/?tab=all (all registry entries), repeat views",
                    base.resolve("/?tab=all"));
            rows.add(new Row("page " + entries.name() + ": req/s, server p50/p95 ms", rate(entries), ">= 0.5x cached /",
                    rootText, ratio(entries.perSecond(), root.perSecond())));
            assertThat(entries.errors()).as(entries.name()).isZero();

            apiFigures(app, load, base, dir, settings);

            // the load the crawl will meet, idle first: the same pages in turn, each already warmed up above, for the
            // same time, with who spent the processors; the page figures measured alone, each on its own, only tell
            // how fast each page is
            List<URI> inTurn = List.of(base.resolve("/"), base.resolve(filtered), base.resolve("/officials/1"),
                    base.resolve("/recent"));
            progress("the same pages idle ...");
            ThreadCpu idleCpu = ThreadCpu.start();
            long idleUntil = System.nanoTime() + Duration.ofSeconds(size.loadSeconds()).toNanos();
            LoadGenerator.Result idle = load.measureUntil("idle", inTurn, () -> System.nanoTime() >= idleUntil);
            String idleSplit = idleCpu.text(idle.clientThreadsCpuMs());

            // page load while a crawl writes: one more post on every regular and bursty blog (added above), so the
            // crawl fetches, stores, collects comments and recomputes every blog's metrics while the pages are read
            progress("pages while a crawl writes ...");
            long c0 = System.nanoTime();
            long waited0 = app.visitors.waitedNanos();
            long booked0 = app.visitors.bookedNanos();
            ThreadCpu cpu = ThreadCpu.start();
            CompletableFuture<CrawlRunner.Summary> crawl = CompletableFuture.supplyAsync(
                    () -> app.crawlRunner.runAll(CrawlRunner.Progress.NONE));
            LoadGenerator.Result during = load.measureUntil("during crawl", inTurn, crawl::isDone);
            CrawlRunner.Summary summary = crawl.get();
            double crawlSeconds = (System.nanoTime() - c0) / 1e9;
            String cpuSplit = cpu.text(during.clientThreadsCpuMs());
            progress(summary.text());
            double alone = pages.stream().mapToDouble(LoadGenerator.Result::perSecond).sum() / pages.size();
            rows.add(new Row("pages while a crawl writes: requests, errors", String.format(Locale.ROOT,
                    "%,d requests, %d errors, %,.0f req/s, p95 %.1f ms", during.requests(), during.errors(),
                    during.perSecond(), during.clientP95Ms()), "0 errors", String.format(Locale.ROOT,
                    "same pages in turn idle %,.0f req/s (mean of their rates alone %,.0f)", idle.perSecond(), alone),
                    String.format(Locale.ROOT, "%.1f %%", 100 * during.perSecond() / idle.perSecond())));
            int share = app.config.serve().crawlShareWhileServing();
            double shareSeconds = share / 100.0 * Runtime.getRuntime().availableProcessors() * crawlSeconds;
            double bookedSeconds = (app.visitors.bookedNanos() - booked0) / 1e9;
            rows.add(new Row("  that crawl", String.format(Locale.ROOT, "%.1f s: fetched %,d, new posts %,d, comment"
                    + " checks %,d, failed %,d; its workers waited %,.0f s for the visitors, added up; processor time"
                    + " booked to it (its threads and its writes) %.1f s", crawlSeconds, summary.fetched(),
                    summary.newPosts(), summary.commentChecks(), summary.failed(),
                    (app.visitors.waitedNanos() - waited0) / 1e9, bookedSeconds), "completes",
                    String.format(Locale.ROOT, "crawl's share while serving %d %%: %.1f s", share, shareSeconds),
                    ratio(bookedSeconds, shareSeconds)));
            rows.add(new Row("  CPU meanwhile, by who spent it", cpuSplit, "-", "-", "-"));
            rows.add(new Row("  the same pages in turn, idle: requests; CPU, by who spent it", String.format(Locale.ROOT,
                    "%,d requests, %d errors, %,.0f req/s, p95 %.1f ms; %s", idle.requests(), idle.errors(),
                    idle.perSecond(), idle.clientP95Ms(), idleSplit), "-", "-", "-"));
            assertThat(idle.errors()).isZero();
            assertThat(during.errors()).isZero();
            assertThat(during.requests()).isGreaterThan(0);
            assertThat(summary.newPosts()).isGreaterThan(0);
        } finally {
            trivial.stop();
            site.stop();
        }
    }

    /**
     * The first crawl of every feed's first page only, on a new database with the same registry: robots.txt, the
     * feed, storing its posts and the metrics, but no history (the backfill horizon is one day) and, but for posts of
     * the last day, no comment checks (the comment window is one day); against Rome alone parsing the same pages.
     * Then the reader alone on real platforms' feeds against Rome ({@link RealFeedReading}).
     */
    private void feedsFigures(Path dir, Map<String, String> suiteSettings, Map<String, List<InetAddress>> hosts,
                              String registry, Size size, SyntheticWeb web, SyntheticWebServer server) throws Exception {
        progress("first crawl, first pages only ...");
        Map<String, String> values = new HashMap<>(suiteSettings);
        values.put("OFFICIALBLOGS_DATA_DIR", dir.resolve("feeds").toString());
        values.put("OFFICIALBLOGS_BACKFILL_HORIZON_DAYS", "1");
        values.put("OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS", "1");
        // the crawl's own cost, not the politeness bound (the crawl part measures that): every blog has a host of
        // its own, so at the host delay each would wait it out between robots.txt, the feed and each comment check
        values.put("OFFICIALBLOGS_HOST_DELAY_MS", "0");
        if (POSTGRES) values.put("OFFICIALBLOGS_DB_URL", postgresDatabase());
        // warmed up as Rome is below: a first crawl of the first 300 blogs on a database of its own, so the crawl
        // measured runs compiled code as a crawler that has been running does (this part alone, on a new JVM, spent
        // a quarter of its CPU in the JIT compiler otherwise)
        Map<String, String> warmValues = new HashMap<>(values);
        warmValues.put("OFFICIALBLOGS_DATA_DIR", dir.resolve("feeds-warm-up").toString());
        if (POSTGRES) warmValues.put("OFFICIALBLOGS_DB_URL", postgresDatabase());
        String[] lines = registry.split("\n", -1);
        String warmRegistry = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, Math.min(lines.length, 301))) + "\n";
        try (App warm = onTheSyntheticWeb(Config.fromValues(warmValues), hosts)) {
            assertThat(warm.importer.importCsv(warmRegistry.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "bench")
                    .rejected()).isEmpty();
            warm.crawlRunner.runAll(CrawlRunner.Progress.NONE);
        }
        FirstPages first = firstPagesCrawl(values, registry, hosts, server);
        List<SyntheticWebServer.Served> served = first.served();
        for (int i = 0; i < Math.min(300, served.size()); i++) RealFeedReading.rome(server.feedBody(served.get(i)));
        long romeNanos = 0;
        for (SyntheticWebServer.Served page : served) {
            byte[] body = server.feedBody(page);
            long t = System.nanoTime();
            RealFeedReading.rome(body);
            romeNanos += System.nanoTime() - t;
        }
        double romeSeconds = romeNanos / 1e9;
        rows.add(new Row("first crawl, first pages only (robots, feed, store, metrics; host delay off)",
                String.format(Locale.ROOT, "%.1f s, %,d feeds/s", first.seconds(), Math.round(size.blogs() / first.seconds())),
                "<= 2x", String.format(Locale.ROOT, "Rome parsing the same %,d pages %.2f s", served.size(), romeSeconds),
                ratio(first.seconds(), romeSeconds)));
        rows.add(new Row("  CPU used meanwhile (the app's crawl and the synthetic web serving it)", String.format(
                Locale.ROOT, "%.1f s on %d CPUs", first.cpuSeconds(), Runtime.getRuntime().availableProcessors()), "-",
                String.format(Locale.ROOT, "Rome %.2f s", romeSeconds), ratio(first.cpuSeconds(), romeSeconds)));
        rows.add(new Row("  CPU meanwhile, by who spent it", first.split(), "-", "-", "-"));
        rows.add(new Row("  outcome, requests", first.outcome(), "no history; comments of the last day only", "-", "-"));
        // the same crawl once more, on another new database: what the first paid for compiling the crawl's code
        Map<String, String> againValues = new HashMap<>(values);
        againValues.put("OFFICIALBLOGS_DATA_DIR", dir.resolve("feeds-again").toString());
        if (POSTGRES) againValues.put("OFFICIALBLOGS_DB_URL", postgresDatabase());
        FirstPages again = firstPagesCrawl(againValues, registry, hosts, server);
        rows.add(new Row("  the same crawl again, on another new database (its code compiled by the first)",
                String.format(Locale.ROOT, "%.1f s; CPU %.1f s", again.seconds(), again.cpuSeconds()), "-",
                String.format(Locale.ROOT, "Rome %.2f s", romeSeconds), ratio(again.seconds(), romeSeconds)));
        rows.add(new Row("    CPU meanwhile, by who spent it", again.split(), "-", "-", "-"));
        // what the HTTP exchanges alone cost here, the app's and the synthetic web's, beside what the whole crawl costs
        FetchOnly fetching = fetchOnly(values, dir.resolve("feeds-fetch-only"), hosts, web, server, again.served());
        rows.add(new Row(String.format(Locale.ROOT, "  fetching only: robots.txt and the feed of the same %,d blogs, %d"
                        + " at once (the crawler's fetcher on a new app; nothing read or stored)", fetching.feeds(),
                        fetching.threads()),
                String.format(Locale.ROOT, "%.1f s; CPU %.1f s", fetching.seconds(), fetching.cpuSeconds()), "-",
                String.format(Locale.ROOT, "Rome %.2f s", romeSeconds), ratio(fetching.seconds(), romeSeconds)));
        progress("reading real platforms' feeds ...");
        RealFeedReading.Result real = RealFeedReading.measure(40, 40);
        rows.add(new Row(String.format(Locale.ROOT, "reading real platforms' feeds (the test corpus: %d feeds, %,d KB;"
                + " decode, repair, parse, map, clean summaries)", real.feeds(), real.bytes() / 1024),
                String.format(Locale.ROOT, "%.1f ms a round (mean of %d)", real.readerMillisARound(), real.rounds()),
                "<= 2x", String.format(Locale.ROOT, "Rome parsing the same bytes %.1f ms", real.romeMillisARound()),
                ratio(real.readerMillisARound(), real.romeMillisARound())));
    }

    private record FetchOnly(int feeds, int threads, double seconds, double cpuSeconds) {}

    /**
     * The given feed pages fetched again by a new app's fetcher (so robots.txt first, as in a first crawl), on as many
     * threads as fetches may be in flight, each taking the next page: the HTTP exchanges of a first-pages crawl, on
     * both sides, without reading, storing or comment checks.
     */
    private static FetchOnly fetchOnly(Map<String, String> values, Path dataDir, Map<String, List<InetAddress>> hosts,
                                       SyntheticWeb web, SyntheticWebServer server,
                                       List<SyntheticWebServer.Served> feeds) throws Exception {
        Map<String, String> own = new HashMap<>(values);
        own.put("OFFICIALBLOGS_DATA_DIR", dataDir.toString());
        if (POSTGRES) own.put("OFFICIALBLOGS_DB_URL", postgresDatabase());
        try (App app = onTheSyntheticWeb(Config.fromValues(own), hosts)) {
            List<URI> urls = new ArrayList<>();
            for (SyntheticWebServer.Served f : feeds) urls.add(URI.create(server.base(web.blog(f.blog())) + f.pathAndQuery()));
            int threads = app.config.politeness().maxConcurrentFetches();
            AtomicInteger next = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            long cpu0 = ThreadCpu.processCpuNanos();
            long t0 = System.nanoTime();
            List<Thread> fetching = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    for (int i; (i = next.getAndIncrement()) < urls.size(); ) {
                        FetchResult r = app.fetcher.fetch(FetchRequest.feed(urls.get(i), null, null));
                        if (r.status() != 200) failures.add(urls.get(i) + ": " + r);
                    }
                }, "fetch-only-" + t);
                thread.start();
                fetching.add(thread);
            }
            for (Thread thread : fetching) thread.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ThreadCpu.processCpuNanos() - cpu0) / 1e9;
            assertThat(failures).isEmpty();
            return new FetchOnly(urls.size(), threads, seconds, cpuSeconds);
        }
    }

    /** One first crawl of every feed's first page, as {@link #feedsFigures} measures it. */
    private record FirstPages(double seconds, double cpuSeconds, String split, String outcome,
                              List<SyntheticWebServer.Served> served) {}

    private static FirstPages firstPagesCrawl(Map<String, String> values, String registry,
                                              Map<String, List<InetAddress>> hosts, SyntheticWebServer server)
            throws Exception {
        try (App app = onTheSyntheticWeb(Config.fromValues(values), hosts)) {
            assertThat(app.importer.importCsv(registry.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "bench")
                    .rejected()).isEmpty();
            int before = server.recorded().size();
            Map<SyntheticWebServer.Kind, Long> kinds0 = server.counts();
            server.record(true);
            long cpu0 = ThreadCpu.processCpuNanos();
            ThreadCpu byWho = ThreadCpu.start();
            long c0 = System.nanoTime();
            CrawlRunner.Summary crawl = app.crawlRunner.runAll(CrawlRunner.Progress.NONE);
            double seconds = (System.nanoTime() - c0) / 1e9;
            double cpuSeconds = (ThreadCpu.processCpuNanos() - cpu0) / 1e9;
            String split = byWho.text(0);
            server.record(false);
            Map<SyntheticWebServer.Kind, Long> kinds = new java.util.EnumMap<>(SyntheticWebServer.Kind.class);
            server.counts().forEach((k, n) -> {
                long d = n - kinds0.getOrDefault(k, 0L);
                if (d > 0) kinds.put(k, d);
            });
            List<SyntheticWebServer.Served> served = server.recorded();
            return new FirstPages(seconds, cpuSeconds, split, crawl.text() + "; " + kinds,
                    List.copyOf(served.subList(before, served.size())));
        }
    }

    /**
     * Every synthetic blog as a discovery candidate (a Popolo file: half name the blog's home page, half its feed),
     * checked by a fresh application (robots.txt not yet cached) through the crawler's fetcher, against the
     * politeness bound: no host can be asked faster than its requests minus one times the host delay.
     */
    private void discoveryFigures(Path dir, Config config, Map<String, List<InetAddress>> hosts, SyntheticWeb web,
                                  SyntheticWebServer server) throws Exception {
        progress("discovery: " + web.blogs().size() + " candidates ...");
        StringBuilder popolo = new StringBuilder("{\"persons\": [");
        for (SyntheticWeb.Blog b : web.blogs()) {
            if (b.index() > 1) popolo.append(',');
            boolean site = b.index() % 2 == 0;
            popolo.append("{\"id\": \"p").append(b.index()).append("\", \"name\": \"").append(b.official())
                    .append("\", \"links\": [{\"note\": \"").append(site ? "blog" : "rss").append("\", \"url\": \"")
                    .append(server.base(b)).append(site ? "/" : b.feedPath()).append("\"}]}");
        }
        popolo.append("]}");
        Map<String, String> values = new HashMap<>();
        values.put("OFFICIALBLOGS_PORT", "0");
        values.put("OFFICIALBLOGS_DATA_DIR", dir.resolve("discovery").toString());
        values.put("OFFICIALBLOGS_SCHEDULER", "false");
        values.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true");
        values.put("OFFICIALBLOGS_HOST_DELAY_MS", Long.toString(config.politeness().hostDelay().toMillis()));
        if (POSTGRES) values.put("OFFICIALBLOGS_DB_URL", postgresDatabase());
        try (App app = onTheSyntheticWeb(Config.fromValues(values), hosts)) {
            byte[] file = popolo.toString().getBytes(StandardCharsets.UTF_8);
            popolo.setLength(0);
            heap.reset();
            long liveBefore = heap.liveMb();
            server.countHosts(true);
            long t0 = System.nanoTime();
            CheckClock checks = new CheckClock(t0, heap);
            var report = app.discovery.popolo(new org.officialblogs.discover.DiscoveryService.PopoloRequest(
                    file, null, "bench.json", "FR", org.officialblogs.registry.Level.NATIONAL, null, false, 0, true), checks);
            double seconds = (System.nanoTime() - t0) / 1e9;
            server.countHosts(false);
            Map<String, Long> perHost = server.hostCounts();
            long requests = perHost.values().stream().mapToLong(Long::longValue).sum();
            long most = perHost.values().stream().mapToLong(Long::longValue).max().orElse(1);
            double delay = config.politeness().hostDelay().toMillis() / 1000.0;
            double politeness = (most - 1) * delay;
            int workers = config.politeness().maxConcurrentFetches() * 16;
            double perCandidate = requests / (double) Math.max(1, perHost.size());
            double workerBound = Math.ceil(web.blogs().size() / (double) workers) * Math.max(0, perCandidate - 1) * delay;
            progress(report.summary());
            rows.add(new Row("discovery: " + web.blogs().size() + " candidates checked (robots, page, feed)",
                    String.format(Locale.ROOT, "%.1f s, %,d requests, %.1f candidates/s", seconds, requests,
                            web.blogs().size() / seconds), "-", String.format(Locale.ROOT,
                    "politeness bound %.1f s (%d requests on the busiest host x %s s)", politeness, most, seconds(delay)),
                    ratio(seconds, politeness)));
            rows.add(new Row("  same, against the bound of " + workers + " checks at once",
                    String.format(Locale.ROOT, "%.1f s", seconds), "-", String.format(Locale.ROOT,
                    "%.1f s (%.1f requests per candidate)", workerBound, perCandidate), ratio(seconds, workerBound)));
            rows.add(new Row("  read and stored (before the first check)", String.format(Locale.ROOT, "%.1f s",
                    checks.seconds(0)), "-", "-", "-"));
            // the second and third quarters: past the start (robots.txt for every host) and before the tail
            double second = checks.seconds(2) - checks.seconds(1);
            double third = checks.seconds(3) - checks.seconds(2);
            double quarter = checks.total() / 4.0;
            rows.add(new Row("  checks per second in the second / third quarter", String.format(Locale.ROOT,
                    "%.1f / %.1f /s", quarter / second, quarter / third), "no slowdown", "second quarter",
                    ratio(third, second)));
            rows.add(new Row("  outcome", report.summary(), "dead blogs fail (410)", "-", "-"));
            rows.add(new Row("  peak heap during the checks (sampled)", heap.peakMb() + " MB (max " + HeapSampler.maxHeapMb()
                    + " MB)", "<= 256 MB", "-", "-"));
            rows.add(new Row("  heap after a full GC: before, at 1/4, 1/2, 3/4 of the checks, after",
                    liveBefore + ", " + checks.live() + ", " + heap.liveMb() + " MB", "flat (bounded)", "-", "-"));
            assertThat(report.stored().added()).isEqualTo(web.blogs().size());
        }
    }

    /**
     * Hears a discovery's checks: when they start (the candidates are stored), when half and all are done, and the
     * heap left after a full collection at a quarter, half and three quarters of them.
     */
    private static final class CheckClock implements org.officialblogs.discover.DiscoveryService.Listener {
        private final long t0;
        private final HeapSampler heap;
        /** When the checks started, when a quarter, half and three quarters were done, when all were. */
        private final long[] at = new long[5];
        private final List<Long> live = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger nextQuarter = new java.util.concurrent.atomic.AtomicInteger(1);
        private volatile int total;

        CheckClock(long t0, HeapSampler heap) {
            this.t0 = t0;
            this.heap = heap;
        }

        @Override
        public void notice(String line) {
            progress(line);
        }

        @Override
        public void checked(int done, int total) {
            long now = System.nanoTime();
            if (done == 0) {
                this.total = total;
                at[0] = now;
                progress("discovery: stored, checking " + total);
            }
            if (done == total) at[4] = now;
            int q = nextQuarter.get();
            if (q <= 3 && done >= total * q / 4 && nextQuarter.compareAndSet(q, q + 1)) {
                at[q] = now;
                live.add(heap.liveMb());
                progress("discovery: " + done + " of " + total + " checked");
            }
        }

        int total() {
            return total;
        }

        /** Seconds from the start of the run to a mark (0 start of checks, 1-3 quarters, 4 end). */
        double seconds(int mark) {
            return (at[mark] - t0) / 1e9;
        }

        String live() {
            return live.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /** The crawl's database URL when it is not the data directory's SQLite file (PostgreSQL), else null. */
    private String databaseUrl;

    static String engine() {
        return POSTGRES ? "PostgreSQL" : "SQLite";
    }

    static String postgresDatabase() {
        String reason = PostgresCluster.unavailableReason();
        org.junit.jupiter.api.Assumptions.assumeTrue(reason == null, reason);
        return PostgresCluster.freshDatabase();
    }

    private void exportFigures(Path dir) throws Exception {
        progress("posts.csv in a child JVM with -Xmx" + EXPORT_HEAP + " ...");
        ExportRun.Outcome o = ExportRun.run(dir, EXPORT_HEAP, databaseUrl);
        assertThat(o.ok()).as("export child output:\n" + o.output()).isTrue();
        double totalS = o.number("total_ms") / 1000;
        double rawS = o.number("raw_ms") / 1000;
        long rows = (long) o.number("rows");
        rows(new Row("posts.csv over HTTP, streamed and parsed (-Xmx" + EXPORT_HEAP + ")", String.format(Locale.ROOT,
                        "%.1f s, %,d rows, %.0f MB", totalS, rows, o.number("bytes") / 1048576.0),
                "< 15 s at 1,000,000 rows", String.format(Locale.ROOT, "raw " + engine() + " read %.1f s", rawS), ratio(totalS, rawS)),
                new Row("  posts.csv first byte", String.format(Locale.ROOT, "%.0f ms", o.number("ttfb_ms")), "< 1 s",
                        String.format(Locale.ROOT, "raw first row %.0f ms", o.number("raw_first_ms")), "-"),
                new Row("  posts.csv to a file (export command path)", String.format(Locale.ROOT, "%.1f s",
                        o.number("file_ms") / 1000), "-", String.format(Locale.ROOT, "raw " + engine() + " read %.1f s", rawS),
                        ratio(o.number("file_ms") / 1000, rawS)),
                new Row("  peak heap in the export JVM", String.format(Locale.ROOT, "%.0f MB (max %.0f MB)",
                        o.number("peak_heap_sampled_mb"), o.number("max_heap_mb")), "<= 256 MB", "-", "-"));
        assertThat(rows).isEqualTo((long) o.number("raw_rows"));
        assertThat((long) o.number("file_rows")).isEqualTo(rows);
    }

    /**
     * /api/v1/blogs (its first page, 50 blogs) at the suite's size and at five times as many blogs: the suite's
     * database copied, and in the copy every official, blog, metrics and crawl-state row written four more times
     * under new ids (directly in SQL, for this row only), served by an app over the copy.
     */
    private void apiFigures(App app, LoadGenerator load, URI base, Path dir, Map<String, String> settings)
            throws Exception {
        progress("read API ...");
        long blogs = count(app, "SELECT count(*) FROM blog");
        LoadGenerator.Result api = load.measure("/api/v1/blogs", base.resolve("/api/v1/blogs"));
        assertThat(api.errors()).as(api.name()).isZero();
        rows.add(new Row("api /api/v1/blogs (" + blogs + " blogs): req/s, server p50/p95 ms", rate(api),
                ">= 1,000 req/s", "-", "-"));

        Path larger = dir.resolve("api-5x");
        java.nio.file.Files.createDirectories(larger);
        app.database.jdbi().useHandle(h -> h.execute("VACUUM INTO '" + larger.resolve("officialblogs.db") + "'"));
        Map<String, String> largerSettings = new HashMap<>(settings);
        largerSettings.put("OFFICIALBLOGS_DATA_DIR", larger.toString());
        try (App copy = new App(Config.fromValues(largerSettings))) {
            copy.database.jdbi().useTransaction(h -> {
                long officials = h.createQuery("SELECT max(id) FROM official").mapTo(Long.class).one();
                long blogIds = h.createQuery("SELECT max(id) FROM blog").mapTo(Long.class).one();
                for (int k = 1; k <= 4; k++) {
                    long o = k * officials;
                    long b = k * blogIds;
                    h.execute("CREATE TEMP TABLE t_official AS SELECT * FROM official WHERE id <= ?", officials);
                    h.execute("UPDATE t_official SET id = id + ?, identity_key = identity_key || ?", o, "#" + k);
                    h.execute("INSERT INTO official SELECT * FROM t_official");
                    h.execute("CREATE TEMP TABLE t_blog AS SELECT * FROM blog WHERE id <= ?", blogIds);
                    h.execute("UPDATE t_blog SET id = id + ?, official_id = official_id + ?, site_url_key = site_url_key"
                            + " || ?, feed_url_key = feed_url_key || ?", b, o, "#" + k, "#" + k);
                    h.execute("INSERT INTO blog SELECT * FROM t_blog");
                    h.execute("CREATE TEMP TABLE t_metrics AS SELECT * FROM blog_metrics WHERE blog_id <= ?", blogIds);
                    h.execute("UPDATE t_metrics SET blog_id = blog_id + ?, official_id = official_id + ?", b, o);
                    h.execute("INSERT INTO blog_metrics SELECT * FROM t_metrics");
                    h.execute("CREATE TEMP TABLE t_state AS SELECT * FROM crawl_state WHERE blog_id <= ?", blogIds);
                    h.execute("UPDATE t_state SET blog_id = blog_id + ?", b);
                    h.execute("INSERT INTO crawl_state SELECT * FROM t_state");
                    for (String t : List.of("t_official", "t_blog", "t_metrics", "t_state")) h.execute("DROP TABLE " + t);
                }
            });
            long largerBlogs = count(copy, "SELECT count(*) FROM blog");
            Javalin server = copy.webApp("bench").start();
            try {
                LoadGenerator.Result big = load.measure("/api/v1/blogs, 5x", URI.create("http://127.0.0.1:"
                        + server.port() + "/api/v1/blogs"));
                assertThat(big.errors()).as(big.name()).isZero();
                // the suite's size again right after, so both sides of the ratio run on a JIT as warm (the first
                // measurement above ran before the larger one and came out slower for it alone)
                LoadGenerator.Result again = load.measure("/api/v1/blogs, again", base.resolve("/api/v1/blogs"));
                assertThat(again.errors()).as(again.name()).isZero();
                rows.add(new Row("  same at " + largerBlogs + " blogs (the suite's written 5 times into a copy)",
                        rate(big), "same +-20 %", String.format(Locale.ROOT, "%,d blogs %,.0f req/s, measured again right after",
                        blogs, again.perSecond()), ratio(big.perSecond(), again.perSecond())));
            } finally {
                server.stop();
            }
        }
    }

    private static double kbPerAnswer(LoadGenerator.Result r) {
        return r.bytes() / 1024.0 / Math.max(1, r.requests());
    }

    private static String rate(LoadGenerator.Result r) {
        return String.format(Locale.ROOT, "%,.0f req/s, %.1f/%.1f ms%s%s", r.perSecond(), r.serverMedianMs(),
                r.serverP95Ms(), r.errors() == 0 ? "" : ", " + r.errors() + " ERRORS",
                r.warmSeconds() > 0 ? String.format(Locale.ROOT, " (after %.0f s warm-up%s)", r.warmSeconds(),
                        Double.isNaN(r.compilerShare()) ? ""
                                : String.format(Locale.ROOT, "; JIT compiler %.0f %% of the load's time", 100 * r.compilerShare()))
                        : "");
    }

    /** The README's run command started as a child process: see {@link StartupBenchmark}. */
    private void startupFigures(Path dir) throws Exception {
        StartupBenchmark bench = new StartupBenchmark(Path.of(System.getProperty("officialblogs.projectDir", ".")),
                Integer.getInteger("bench.startups", 3));
        if (!java.nio.file.Files.exists(bench.jar())) {
            notes.add("start-up rows skipped: " + bench.jar() + " is not built (mvn -B -q package -DskipTests)");
            return;
        }
        if (!java.nio.file.Files.exists(bench.archive())) {
            notes.add("start-up: " + bench.archive() + " is missing (package ran with -Dcds.skip?): the README command"
                    + " starts without it");
        }
        progress("start-up of the README's run command, " + Integer.getInteger("bench.startups", 3) + " times per variant ...");
        rows.addAll(bench.rows(bench.run(java.nio.file.Files.createDirectories(dir.resolve("startup")))));
    }

    private void rows(Row... more) {
        rows.addAll(List.of(more));
    }

    /** The app as production builds it, its synthetic hosts' names resolved to the synthetic web's address. */
    private static App onTheSyntheticWeb(Config config, Map<String, List<InetAddress>> hosts) {
        return new App(config, App.Parts.production().withResolver(HostResolver.withOverrides(hosts, HostResolver.system())));
    }

    private static long count(App app, String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The Wilson score interval at 95 %. */
    static double[] wilson(int successes, int n) {
        double z = 1.96;
        double p = (double) successes / n;
        double d = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / d;
        double half = z / d * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** A host delay in seconds as set: "2", "0.15" (not rounded to whole seconds). */
    private static String seconds(double delay) {
        return java.math.BigDecimal.valueOf(delay).stripTrailingZeros().toPlainString();
    }

    /**
     * The synthetic web stands for the blogs' own servers, other machines in real life. Its answers are rendered
     * here, outside any figure, often enough to make the code that renders them hot; the pages' first warm-up then
     * waits for the compiler, as it does for the site's own code (see {@link LoadGenerator}). Otherwise C2 compiled
     * {@code SyntheticWeb.page} and {@code feed} while the crawl ran under page load (the first crawl had not made
     * them hot enough, and the extra post changed what they render): a third of the compiler's time in that part, in
     * a flight recording, on the processors the site is measured on.
     */
    private static void warmUpSyntheticWeb(SyntheticWeb web) {
        List<SyntheticWeb.Blog> live = web.blogs().stream()
                .filter(b -> b.pattern() != SyntheticWeb.Pattern.DEAD && web.postCount(b) > 0).toList();
        for (int round = 1; round <= 5; round++) {
            for (SyntheticWeb.Blog b : live) {
                String base = "http://" + b.host();
                web.feed(b, base, 1, SyntheticWeb.BLOGGER_PAGE);
                int k = 1 + (round - 1) % web.postCount(b);
                web.page(b, k);
                if (b.platform() == SyntheticWeb.Platform.WORDPRESS && b.hasComments()) web.commentFeed(b, base, k);
            }
        }
    }

    private static String ratio(double value, double baseline) {
        return baseline <= 0 ? "-" : String.format(Locale.ROOT, "%.1fx", value / baseline);
    }

    private static void progress(String line) {
        CONSOLE.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }

    private String table() {
        int[] w = {8, 5, 6, 8, 5};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.figure().length());
            w[1] = Math.max(w[1], r.value().length());
            w[2] = Math.max(w[2], r.target().length());
            w[3] = Math.max(w[3], r.baseline().length());
            w[4] = Math.max(w[4], r.ratio().length());
        }
        String format = "| %-" + w[0] + "s | %-" + w[1] + "s | %-" + w[2] + "s | %-" + w[3] + "s | %-" + w[4] + "s |";
        StringBuilder s = new StringBuilder(header).append("\n\n");
        s.append(String.format(Locale.ROOT, format, "figure", "value", "target", "baseline", "ratio")).append('\n');
        s.append(String.format(Locale.ROOT, format, "-".repeat(w[0]), "-".repeat(w[1]), "-".repeat(w[2]),
                "-".repeat(w[3]), "-".repeat(w[4]))).append('\n');
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, format, r.figure(), r.value(), r.target(), r.baseline(), r.ratio()))
                    .append('\n');
        }
        for (String n : notes) s.append("note: ").append(n).append('\n');
        return s.toString();
    }
}
