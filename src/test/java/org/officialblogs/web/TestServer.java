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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.officialblogs.Config;
import org.officialblogs.auth.AccountDao;
import org.officialblogs.auth.AccountService;
import org.officialblogs.auth.LoginService;
import org.officialblogs.auth.PasswordHasher;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.auth.SecretTokens;
import org.officialblogs.auth.SessionDao;
import org.officialblogs.auth.SessionService;
import org.officialblogs.db.Database;
import org.officialblogs.registry.AuditLog;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.BulkSubmissions;
import org.officialblogs.registry.BulkUploadDao;
import org.officialblogs.registry.ModerationDao;
import org.officialblogs.registry.ModerationService;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.registry.RegistryService;
import org.officialblogs.registry.SubmissionDao;
import org.officialblogs.registry.SubmissionService;
import org.officialblogs.registry.UnavailableBlogPreviewer;

/**
 * The real web app on a random port over a real SQLite file, wired as Main wires it, with a plain HTTP client.
 * The two seams the crawler fills in production are given here: a previewer (fixed answers by default none) and a
 * crawl trigger that records which blogs were asked for.
 */
public final class TestServer implements AutoCloseable {

    public static final String MODERATOR = "moderator";
    public static final String PASSWORD = "correct horse battery staple";

    public final Config config;
    public final Database database;
    public final RegistryDao registry;
    public final RegistryImporter importer;
    public final AccountService accounts;
    public final SubmissionDao submissions;
    public final ModerationServices moderation;
    /** The blog ids the app asked the crawler to fetch, in order. */
    public final List<Long> crawlRequests = new CopyOnWriteArrayList<>();
    public final Javalin javalin;
    public final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(Path dir) {
        this(dir, new UnavailableBlogPreviewer(), Map.of());
    }

    public TestServer(Path dir, BlogPreviewer previewer, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0", "OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_SCHEDULER", "false"));
        values.putAll(settings);
        config = Config.fromValues(values);
        Clock clock = Clock.systemUTC();
        database = Database.open(config.dbUrl());
        registry = new RegistryDao(database.jdbi());
        RegistryService registryService = new RegistryService(registry, clock);
        importer = new RegistryImporter(registryService);
        SecretTokens tokens = new SecretTokens();
        accounts = new AccountService(new AccountDao(database.jdbi()), PasswordHasher.OWASP_MINIMUM, clock);
        SessionService sessions = new SessionService(new SessionDao(database.jdbi()), tokens, clock, Duration.ofHours(12));
        submissions = new SubmissionDao(database.jdbi());
        BulkUploadDao uploads = new BulkUploadDao(database.jdbi());
        AuditLog audit = new AuditLog(database.jdbi(), clock);
        moderation = new ModerationServices(
                new SubmissionService(submissions, registry, uploads, previewer, tokens, clock),
                new BulkSubmissions(uploads, submissions, registry, tokens, clock),
                new ModerationService(submissions, registry, registryService, new ModerationDao(database.jdbi()), audit,
                        crawlRequests::add, clock),
                audit,
                new LoginService(accounts, sessions, new RateLimiter(5, Duration.ofMinutes(15), clock)),
                sessions, tokens, clock);
        javalin = new WebApp(config, "test", database, registry, moderation).start();
        base = URI.create("http://localhost:" + javalin.port());
    }

    /** Creates the standard moderator account. */
    public TestServer withModerator() {
        if (!accounts.add(MODERATOR, PASSWORD.toCharArray()).ok()) throw new IllegalStateException("moderator not added");
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
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A number from the database, for assertions. */
    public long count(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
