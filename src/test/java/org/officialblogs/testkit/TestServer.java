package org.officialblogs.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import io.javalin.Javalin;
import org.officialblogs.App;
import org.officialblogs.auth.PasswordHasher;
import org.officialblogs.config.Config;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.web.WebApp;

/**
 * The real web app on a random port over a real SQLite file, wired as Main wires it ({@link #app} holds every
 * object), with a plain HTTP client. The two seams the crawler fills in production are given here: a previewer
 * (fixed answers; by default none) and a crawl trigger that records which blogs were asked for.
 */
public final class TestServer implements AutoCloseable {

    public static final String MODERATOR = "moderator";
    public static final String PASSWORD = "correct horse battery staple";
    /**
     * Argon2id at its least cost (256 KiB, one pass) for the accounts these servers make: tests log in hundreds of
     * times, and at the production cost (19 MiB, two passes) hashing was a third of the suite's processor time.
     * The production cost is checked where the production wiring is: {@code LoginFloodTest} and
     * {@code PasswordHasherTest}.
     */
    public static final PasswordHasher QUICK_HASHER = new PasswordHasher(256, 1, 1);

    /** The application under test, as App wires it: its database, DAOs and services. */
    public final App app;
    /** The blog ids the app asked the crawler to fetch, in order. */
    public final List<Long> crawlRequests = new CopyOnWriteArrayList<>();
    public final Javalin javalin;
    public final URI base;
    /** The port of /metrics when OFFICIALBLOGS_METRICS_PORT gives it its own; else -1. */
    public final int metricsPort;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(Path dir) {
        this(dir, Clock.systemUTC());
    }

    /** The app with pages that show times relative to {@code clock} (fixtures dated around a fixed day). */
    public TestServer(Path dir, Clock clock) {
        this(dir, new UnavailableBlogPreviewer(), Map.of(), clock);
    }

    public TestServer(Path dir, BlogPreviewer previewer, Map<String, String> settings) {
        this(dir, previewer, settings, Clock.systemUTC());
    }

    public TestServer(Path dir, BlogPreviewer previewer, Map<String, String> settings, Clock pagesClock) {
        Map<String, String> values = new HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0", "OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_SCHEDULER", "false"));
        values.putAll(settings);
        TestDb.putMigratedDatabase(values);
        // accounts and sessions live in real time; pages may show a fixed day
        app = new App(Config.fromValues(values), App.Parts.production().withPagesClock(pagesClock).withPreviewer(previewer)
                .withCrawlTrigger(crawlRequests::add).withPasswordHasher(QUICK_HASHER));
        WebApp web = app.webApp("test");
        javalin = web.start();
        metricsPort = web.metricsPort();
        base = URI.create("http://localhost:" + javalin.port());
    }

    /** Creates the standard moderator account. */
    public TestServer withModerator() {
        if (!app.accounts.add(MODERATOR, PASSWORD.toCharArray()).ok()) throw new IllegalStateException("moderator not added");
        return this;
    }

    /** A client with its own cookie jar, like one browser. */
    public WebClient client() {
        return new WebClient(base);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return WebClient.send(http, request);
    }

    /** A number from the database, for assertions. */
    public long count(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        javalin.stop();
        app.close();
    }
}
