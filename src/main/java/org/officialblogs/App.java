package org.officialblogs;

import java.time.Clock;
import java.time.Duration;
import org.officialblogs.auth.AccountDao;
import org.officialblogs.auth.AccountService;
import org.officialblogs.auth.LoginService;
import org.officialblogs.auth.PasswordHasher;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.auth.SecretTokens;
import org.officialblogs.auth.SessionDao;
import org.officialblogs.auth.SessionService;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.db.Database;
import org.officialblogs.metrics.ActivityDao;
import org.officialblogs.metrics.MetricsDao;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.ops.OperationalMetrics;
import org.officialblogs.ops.OperationsDao;
import org.officialblogs.registry.AuditLog;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.BulkSubmissions;
import org.officialblogs.registry.BulkUploadDao;
import org.officialblogs.registry.CrawlTrigger;
import org.officialblogs.registry.LoggingCrawlTrigger;
import org.officialblogs.registry.ModerationDao;
import org.officialblogs.registry.ModerationService;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.registry.RegistryService;
import org.officialblogs.registry.SeedLoader;
import org.officialblogs.registry.SubmissionDao;
import org.officialblogs.registry.SubmissionService;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.web.ModerationServices;
import org.officialblogs.web.WebApp;

/**
 * The application's objects, wired by hand in dependency order: one place, used by the command line, the tests and
 * the benchmarks alike. Closing it closes the database.
 */
public final class App implements AutoCloseable {

    /**
     * What a test or benchmark may replace. {@code clock} drives everything that records time; {@code pagesClock}
     * is the "now" pages show times against; a null previewer or trigger means the real one.
     */
    public record Parts(Clock clock, Clock pagesClock, BlogPreviewer previewer, CrawlTrigger crawlTrigger) {

        public static Parts production() {
            return new Parts(Clock.systemUTC(), Clock.systemUTC(), null, null);
        }

        public Parts withPagesClock(Clock pages) {
            return new Parts(clock, pages, previewer, crawlTrigger);
        }

        public Parts withPreviewer(BlogPreviewer p) {
            return new Parts(clock, pagesClock, p, crawlTrigger);
        }

        public Parts withCrawlTrigger(CrawlTrigger t) {
            return new Parts(clock, pagesClock, previewer, t);
        }
    }

    public final Config config;
    public final Clock clock;
    public final Database database;
    public final RegistryDao registry;
    public final RegistryService registryService;
    public final RegistryImporter importer;
    public final SeedLoader seed;
    public final CrawlDao crawl;
    public final MetricsSettings metricsSettings = MetricsSettings.defaults();
    public final MetricsDao metricsDao;
    public final MetricsService metrics;
    public final ActivityDao activity;
    public final SecretTokens tokens = new SecretTokens();
    public final AccountService accounts;
    public final SubmissionDao submissions;
    public final ModerationServices moderation;
    /** /metrics: request meters, JVM meters and database numbers read at scrape time. */
    public final OperationalMetrics operations;
    private final Clock pagesClock;

    public App(Config config) {
        this(config, Parts.production());
    }

    public App(Config config, Parts parts) {
        this.config = config;
        this.clock = parts.clock();
        this.pagesClock = parts.pagesClock();
        this.database = Database.open(config.dbUrl());
        this.registry = new RegistryDao(database.jdbi());
        this.registryService = new RegistryService(registry, clock);
        this.importer = new RegistryImporter(registryService);
        this.seed = new SeedLoader(registry, importer);
        this.crawl = new CrawlDao(database.jdbi());
        this.metricsDao = new MetricsDao(database.jdbi(), metricsSettings);
        this.metrics = new MetricsService(metricsDao, metricsSettings);
        this.activity = new ActivityDao(database.jdbi());
        this.accounts = new AccountService(new AccountDao(database.jdbi()), PasswordHasher.OWASP_MINIMUM, clock);
        BlogPreviewer previewer = parts.previewer() != null ? parts.previewer() : new UnavailableBlogPreviewer();
        CrawlTrigger trigger = parts.crawlTrigger() != null ? parts.crawlTrigger() : new LoggingCrawlTrigger();
        SessionService sessions = new SessionService(new SessionDao(database.jdbi()), tokens, clock, Duration.ofHours(12));
        this.submissions = new SubmissionDao(database.jdbi());
        BulkUploadDao uploads = new BulkUploadDao(database.jdbi());
        AuditLog audit = new AuditLog(database.jdbi(), clock);
        this.moderation = new ModerationServices(
                new SubmissionService(submissions, registry, uploads, previewer, tokens, clock),
                new BulkSubmissions(uploads, submissions, registry, tokens, clock),
                new ModerationService(submissions, registry, registryService, new ModerationDao(database.jdbi()),
                        audit, trigger, clock),
                audit,
                new LoginService(accounts, sessions, new RateLimiter(5, Duration.ofMinutes(15), clock)),
                sessions, tokens, clock);
        this.operations = new OperationalMetrics(new OperationsDao(database.jdbi()), clock);
    }

    /** The web app over this application's stores (not started). */
    public WebApp webApp(String version) {
        return new WebApp(config, version, new WebApp.Sources(database, registry, crawl, metricsDao, activity,
                metricsSettings, pagesClock), moderation, operations);
    }

    @Override
    public void close() {
        operations.close();
        database.close();
    }
}
