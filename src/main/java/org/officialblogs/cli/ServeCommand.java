package org.officialblogs.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.officialblogs.App;
import org.officialblogs.Version;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlScheduler;
import org.officialblogs.registry.PreparedSeed;
import org.officialblogs.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web app and the crawl scheduler, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the web app (and the crawl scheduler). Loads the seed registry into an empty database.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    @Mixin
    ConfigOptions options;
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "HTTP port (env OFFICIALBLOGS_PORT, default 7070; 0 picks a free port)")
    Integer port;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (env OFFICIALBLOGS_BIND, default all interfaces; 127.0.0.1 behind a reverse proxy on the same host)")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> extra = new HashMap<>();
        if (port != null) extra.put("OFFICIALBLOGS_PORT", port.toString());
        if (bind != null) extra.put("OFFICIALBLOGS_BIND", bind);
        Config config = options.config(extra);
        Started started = start(config);
        App app = started.app();
        var webApp = started.web();
        String host = started.host();
        var web = webApp;
        // from here a stop (Ctrl-C, SIGTERM) closes what runs, even while start-up work goes on
        var scheduler = new java.util.concurrent.atomic.AtomicReference<CrawlScheduler>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            log.info("shutting down: finishing requests in flight{}", scheduler.get() != null ? " and the crawls under way" : "");
            CrawlScheduler running = scheduler.get();
            if (running != null) running.close();
            web.stop();
            app.close();
            log.info("stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
            stopped.countDown();
        }, "shutdown"));
        log.info("serving version={} url=http://{}:{}/ {}data={} db={} started_ms={}", Version.current(), host,
                web.port(), webApp.metricsPort() < 0 ? "" : "metrics=http://" + host + ":" + webApp.metricsPort() + "/metrics ",
                config.storage().dataDir().toAbsolutePath(), config.storage().dbUrl(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        warmUp(app);
        if (config.serve().schedulerEnabled()) {
            scheduler.set(app.scheduler());
            scheduler.get().start();
        } else {
            log.info("crawl scheduler off (OFFICIALBLOGS_SCHEDULER=false): run `crawl` to fetch feeds");
        }
        stopped.await();
        return 0;
    }

    /** The app answering on its port: what {@code serve} and the class-data training run start alike. */
    record Started(App app, WebApp web, String host) {}

    /**
     * Opens the database (a new SQLite one starts from the seed database the build prepared beside the jar, if
     * any; the seed is loaded into an empty one) and starts the web app. Only what the pages need is
     * built before the first answer; the crawler's network stack is built when a crawl first needs it.
     */
    static Started start(Config config) {
        Path database = config.storage().databaseFile();
        if (database != null) {
            PreparedSeed.jarFolder().flatMap(PreparedSeed::in).ifPresent(seed -> PreparedSeed.copyIfNew(seed, database));
        }
        App app = new App(config);
        String host = config.serve().bind().isEmpty() ? "localhost" : config.serve().bind().contains(":") ? "[" + config.serve().bind() + "]" : config.serve().bind();
        WebApp webApp;
        // the seed loads (on a new database) while the web server is built on this thread; the port opens only
        // when the registry holds the seed, so the first answer shows its real state
        var seeding = java.util.concurrent.CompletableFuture.supplyAsync(app.seed::loadIfEmpty,
                task -> new Thread(task, "seed").start());
        try {
            webApp = app.webApp(Version.current());
            webApp.prepare();
            try {
                seeding.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            webApp.start();
        } catch (RuntimeException e) {
            try {
                seeding.join(); // the database stays open until the seed is done or has failed
            } catch (RuntimeException seedFailed) {
                if (seedFailed.getCause() != e) e.addSuppressed(seedFailed);
            }
            app.close();
            if (CommandFailure.isBindFailure(e)) {
                throw CommandFailure.cannotListen(config.serve().bind().isEmpty() ? "all addresses" : host,
                        config.serve().port(), e);
            }
            throw e;
        }
        return new Started(app, webApp, host);
    }

    /** The work that follows the first answer: metrics brought up to date, the SQLite download made ready. */
    static void warmUp(App app) {
        // the pages read stored metrics, the last ones until this recompute brings them up to the registry and
        // posts; serving first keeps start-up short
        log.info("recomputing metrics while serving");
        try {
            app.metrics.recomputeAll(app.clock.instant());
        } catch (RuntimeException e) {
            // pages keep the stored metrics; the nightly job tries again
            app.database.fault(e).ifPresentOrElse(
                    f -> log.warn("metrics not recomputed at start: {}", f.line()),
                    () -> log.error("metrics not recomputed at start", e));
        }
        // the SQLite download of this snapshot, made now in the background rather than when first asked for
        app.exporter.sqliteDownload().current();
    }
}
