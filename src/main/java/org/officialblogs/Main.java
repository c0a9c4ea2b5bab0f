package org.officialblogs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.db.Database;
import org.officialblogs.metrics.ActivityDao;
import org.officialblogs.metrics.MetricsDao;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryCsv;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.registry.RegistryService;
import org.officialblogs.registry.SeedLoader;
import org.officialblogs.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line, and the wiring of the application by hand, in dependency order. */
@Command(name = "official-blogs", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A directory of public officials who blog: crawls their feeds, measures posting frequency and "
                + "comment responsiveness, and serves the rankings.%n%nSettings come from flags or OFFICIALBLOGS_* "
                + "environment variables (flags win); see the README.",
        subcommands = {Main.Serve.class, Main.Import.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof Config.InvalidConfigException) {
                cmd.getErr().println("Configuration error: " + ex.getMessage());
                return 2;
            }
            log.error("command failed", ex);
            cmd.getErr().println("Error: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the version from the jar. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Official Blogs " + Version.current()};
        }
    }

    /** The settings every subcommand shares; each flag overrides its environment variable. */
    static final class ConfigOptions {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (env OFFICIALBLOGS_DATA_DIR, default ./data)")
        String dataDir;
        @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL (env OFFICIALBLOGS_DB_URL, default jdbc:sqlite:DATA_DIR/officialblogs.db)")
        String dbUrl;
        @Option(names = "--base-url", paramLabel = "URL", description = "Public address of the site (env OFFICIALBLOGS_BASE_URL)")
        String baseUrl;
        @Option(names = "--allow-private-network", description = "Let the crawler fetch loopback and private addresses; for tests and demos (env OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK)")
        Boolean allowPrivateNetwork;

        Map<String, String> overrides() {
            Map<String, String> m = new HashMap<>();
            if (dataDir != null) m.put("OFFICIALBLOGS_DATA_DIR", dataDir);
            if (dbUrl != null) m.put("OFFICIALBLOGS_DB_URL", dbUrl);
            if (baseUrl != null) m.put("OFFICIALBLOGS_BASE_URL", baseUrl);
            if (allowPrivateNetwork != null) m.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", allowPrivateNetwork.toString());
            return m;
        }

        Config config(Map<String, String> extra) {
            Map<String, String> values = new HashMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith(Config.ENV_PREFIX)) values.put(k, v);
            });
            values.putAll(overrides());
            values.putAll(extra);
            return Config.fromValues(values);
        }
    }

    /** The application's objects, built in dependency order; closing it stops what runs. */
    static final class App implements AutoCloseable {
        final Config config;
        final Clock clock = Clock.systemUTC();
        final Database database;
        final RegistryDao registry;
        final RegistryService registryService;
        final RegistryImporter importer;
        final SeedLoader seed;
        final CrawlDao crawl;
        final MetricsSettings metricsSettings = MetricsSettings.defaults();
        final MetricsDao metricsDao;
        final MetricsService metrics;
        final ActivityDao activity;

        App(Config config) {
            this.config = config;
            this.database = Database.open(config.dbUrl());
            this.registry = new RegistryDao(database.jdbi());
            this.registryService = new RegistryService(registry, clock);
            this.importer = new RegistryImporter(registryService);
            this.seed = new SeedLoader(registry, importer);
            this.crawl = new CrawlDao(database.jdbi());
            this.metricsDao = new MetricsDao(database.jdbi(), metricsSettings);
            this.metrics = new MetricsService(metricsDao, metricsSettings);
            this.activity = new ActivityDao(database.jdbi());
        }

        WebApp.Sources webSources() {
            return new WebApp.Sources(database, registry, crawl, metricsDao, activity, metricsSettings, clock);
        }

        @Override
        public void close() {
            database.close();
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the web app (and the crawl scheduler). Loads the seed registry into an empty database.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "HTTP port (env OFFICIALBLOGS_PORT, default 7070; 0 picks a free port)")
        Integer port;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> extra = new HashMap<>();
            if (port != null) extra.put("OFFICIALBLOGS_PORT", port.toString());
            Config config = options.config(extra);
            App app = new App(config);
            app.seed.loadIfEmpty();
            // the pages read stored metrics: bring them up to date with the registry and posts before serving
            app.metrics.recomputeAll(app.clock.instant());
            var web = new WebApp(config, Version.current(), app.webSources()).start();
            log.info("serving version={} url=http://localhost:{}/ data={} db={}", Version.current(), web.port(),
                    config.dataDir().toAbsolutePath(), config.dbUrl());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                web.stop();
                app.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load a registry CSV (the seed format, see seed/README.md). Bad rows are reported with their "
                    + "line number and skipped; known entries are updated, not duplicated.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "FILE", description = "CSV file to load")
        Path file;

        @Override
        public Integer call() throws IOException {
            Config config = options.config(Map.of());
            if (!Files.isRegularFile(file)) {
                System.err.println("No such file: " + file);
                return 2;
            }
            try (App app = new App(config)) {
                RegistryImporter.Report report = app.importer.importCsv(Files.readAllBytes(file), Origin.IMPORT,
                        file.getFileName().toString());
                PrintWriter out = new PrintWriter(System.out, true);
                for (RegistryCsv.Rejection r : report.rejected()) out.println("rejected " + file.getFileName() + " " + r);
                out.println(report.summary());
            }
            return 0;
        }
    }
}
