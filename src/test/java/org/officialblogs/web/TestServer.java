package org.officialblogs.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.officialblogs.Config;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.db.Database;
import org.officialblogs.metrics.ActivityDao;
import org.officialblogs.metrics.MetricsDao;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.registry.RegistryService;

/** The real web app on a random port over a real SQLite file, with a plain HTTP client. */
public final class TestServer implements AutoCloseable {

    public final Config config;
    public final Database database;
    public final RegistryDao registry;
    public final RegistryImporter importer;
    public final CrawlDao crawl;
    public final MetricsDao metricsDao;
    public final MetricsService metrics;
    public final ActivityDao activity;
    public final Javalin javalin;
    public final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(Path dir) {
        this(dir, Clock.systemUTC());
    }

    /** The app with pages that show times relative to {@code clock} (fixtures dated around a fixed day). */
    public TestServer(Path dir, Clock clock) {
        config = Config.fromValues(Map.of("OFFICIALBLOGS_PORT", "0", "OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_SCHEDULER", "false"));
        database = Database.open(config.dbUrl());
        registry = new RegistryDao(database.jdbi());
        importer = new RegistryImporter(new RegistryService(registry, Clock.systemUTC()));
        crawl = new CrawlDao(database.jdbi());
        MetricsSettings settings = MetricsSettings.defaults();
        metricsDao = new MetricsDao(database.jdbi(), settings);
        metrics = new MetricsService(metricsDao, settings);
        activity = new ActivityDao(database.jdbi());
        javalin = new WebApp(config, "test", new WebApp.Sources(database, registry, crawl, metricsDao, activity,
                settings, clock)).start();
        base = URI.create("http://localhost:" + javalin.port());
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        javalin.stop();
        database.close();
    }
}
