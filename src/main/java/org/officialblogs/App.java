package org.officialblogs;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.officialblogs.auth.AccountDao;
import org.officialblogs.auth.AccountService;
import org.officialblogs.auth.LoginService;
import org.officialblogs.auth.PasswordChecks;
import org.officialblogs.auth.PasswordHasher;
import org.officialblogs.auth.RateLimitDao;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.auth.SecretTokens;
import org.officialblogs.auth.SessionDao;
import org.officialblogs.auth.SessionService;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CandidateBlogChecker;
import org.officialblogs.crawl.CommentCollector;
import org.officialblogs.crawl.CommentDao;
import org.officialblogs.crawl.CrawlClaimDao;
import org.officialblogs.crawl.CrawlClaims;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.crawl.CrawlRunner;
import org.officialblogs.crawl.CrawlScheduler;
import org.officialblogs.crawl.CrawlService;
import org.officialblogs.crawl.CrawlSettings;
import org.officialblogs.crawl.FeedLocator;
import org.officialblogs.crawl.FeedPreviewer;
import org.officialblogs.crawl.QueuedCrawlTrigger;
import org.officialblogs.crawl.comments.CommentFetchPolicy;
import org.officialblogs.crawl.feed.BlogLinkFinder;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.HistoryPaging;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.fetch.FetchSettings;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.db.Database;
import org.officialblogs.db.Dialect;
import org.officialblogs.discover.CandidateDao;
import org.officialblogs.discover.CandidateReview;
import org.officialblogs.discover.DiscoveryService;
import org.officialblogs.discover.PositionTable;
import org.officialblogs.discover.WikidataClient;
import org.officialblogs.discover.WikidataEnrichment;
import org.officialblogs.discover.WikidataMatchDao;
import org.officialblogs.export.DataExporter;
import org.officialblogs.export.ExportDao;
import org.officialblogs.export.SqliteSnapshot;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.metrics.MetricsStore;
import org.officialblogs.ops.OperationalMetrics;
import org.officialblogs.ops.OperationsDao;
import org.officialblogs.priority.VisitorsFirst;
import org.officialblogs.registry.AuditLog;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.registry.BulkSubmissions;
import org.officialblogs.registry.BulkUploadDao;
import org.officialblogs.registry.CrawlTrigger;
import org.officialblogs.registry.ModerationDao;
import org.officialblogs.registry.ModerationService;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.registry.RegistryService;
import org.officialblogs.registry.SeedLoader;
import org.officialblogs.registry.SubmissionDao;
import org.officialblogs.registry.SubmissionService;
import org.officialblogs.web.ModerationServices;
import org.officialblogs.web.WebApp;
import org.officialblogs.web.query.ActivityDao;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * The application's objects, wired by hand in dependency order: one place, used by the command line, the tests and
 * the benchmarks alike. Closing it closes the database.
 */
public final class App implements AutoCloseable {

    /**
     * What a test or benchmark may replace. {@code clock} drives everything that records time; {@code pagesClock}
     * is the "now" pages show times against; a null previewer or trigger means the real one. {@code notice}, when
     * set, is said on every page and in the title of every file of the site (the demo's "all synthetic").
     */
    public record Parts(Clock clock, Clock pagesClock, BlogPreviewer previewer, CrawlTrigger crawlTrigger,
                        HostResolver resolver, String notice, PasswordHasher passwordHasher) {

        public Parts(Clock clock, Clock pagesClock, BlogPreviewer previewer, CrawlTrigger crawlTrigger,
                     HostResolver resolver) {
            this(clock, pagesClock, previewer, crawlTrigger, resolver, null, PasswordHasher.OWASP_MINIMUM);
        }

        public static Parts production() {
            return new Parts(Clock.systemUTC(), Clock.systemUTC(), null, null, HostResolver.system());
        }

        /** A notice on every page and file: the site is not the real directory (the demo). */
        public Parts withNotice(String text) {
            return new Parts(clock, pagesClock, previewer, crawlTrigger, resolver, text, passwordHasher);
        }

        public Parts withClock(Clock c) {
            return new Parts(c, pagesClock, previewer, crawlTrigger, resolver, notice, passwordHasher);
        }

        public Parts withPagesClock(Clock pages) {
            return new Parts(clock, pages, previewer, crawlTrigger, resolver, notice, passwordHasher);
        }

        public Parts withPreviewer(BlogPreviewer p) {
            return new Parts(clock, pagesClock, p, crawlTrigger, resolver, notice, passwordHasher);
        }

        public Parts withCrawlTrigger(CrawlTrigger t) {
            return new Parts(clock, pagesClock, previewer, t, resolver, notice, passwordHasher);
        }

        /** Host names to addresses: tests and benchmarks map names such as {@code blog7.test} to loopback. */
        public Parts withResolver(HostResolver r) {
            return new Parts(clock, pagesClock, previewer, crawlTrigger, r, notice, passwordHasher);
        }

        /**
         * How new passwords are hashed (production: {@link PasswordHasher#OWASP_MINIMUM}). Tests that log in as a
         * matter of course give a cheaper one; a stored hash carries its own parameters, so checks cost the same.
         */
        public Parts withPasswordHasher(PasswordHasher h) {
            return new Parts(clock, pagesClock, previewer, crawlTrigger, resolver, notice, h);
        }
    }

    /** Archived post pages read for their comments per archive read of a blog. */
    static final int ARCHIVE_POST_PAGES = 40;

    public final Config config;
    public final Clock clock;
    public final Database database;
    public final RegistryDao registry;
    public final RegistryService registryService;
    public final RegistryImporter importer;
    public final SeedLoader seed;
    public final CrawlDao crawl;
    public final MetricsSettings metricsSettings = MetricsSettings.defaults();
    public final MetricsStore metricsStore;
    public final MetricsService metrics;
    public final MetricsReadDao metricsReads;
    public final ActivityDao activity;
    public final SecretTokens tokens = new SecretTokens();
    public final AccountService accounts;
    public final SubmissionDao submissions;
    public final ModerationServices moderation;
    public final Fetcher fetcher;
    public final CrawlService crawler;
    public final CrawlRunner crawlRunner;
    /** The processors' share a crawl may use while the site answers visitors. */
    public final VisitorsFirst visitors;
    /** This process's claims on blogs and hosts while it crawls them (its name is its node's in a cluster). */
    public final CrawlClaims crawlClaims;
    /** Ended blogs read from the web archive, through its own paced fetcher. */
    public final org.officialblogs.crawl.archive.ArchiveService archive;
    public final org.officialblogs.crawl.archive.ArchiveDao archiveReads;
    private final Fetcher archiveFetcher;
    private final QueuedCrawlTrigger queuedTrigger;
    /** Discovery: candidates from Wikidata and Popolo files, checked by the crawler, decided by moderators. */
    public final CandidateDao candidates;
    public final DiscoveryService discovery;
    public final CandidateReview candidateReview;
    public final WikidataEnrichment wikidataEnrichment;
    /** The query service's own fetcher: one request at a time, a time limit above the service's 60 s. */
    private final Fetcher queryFetcher;
    public final ExportDao exports;
    public final DataExporter exporter;
    /** /metrics: request meters, JVM meters and database numbers read at scrape time. */
    public final OperationalMetrics operations;
    private final Clock pagesClock;
    /** Said on every page and file when set (the demo); null for the real directory. */
    private final String notice;

    public App(Config config) {
        this(config, Parts.production());
    }

    public App(Config config, Parts parts) {
        this.config = config;
        this.clock = parts.clock();
        this.pagesClock = parts.pagesClock();
        this.notice = parts.notice();
        this.database = Database.open(config.storage().dbUrl(), config.storage().dbLogin(), config.storage().dbBusyTimeout());
        this.registry = new RegistryDao(database.jdbi());
        this.registryService = new RegistryService(registry, clock);
        this.importer = new RegistryImporter(registryService);
        this.seed = new SeedLoader(registry, importer);
        this.crawl = new CrawlDao(database.jdbi(), database.writer());
        this.metricsStore = new MetricsStore(database.jdbi(), database.writer(), metricsSettings);
        this.metrics = new MetricsService(metricsStore, metricsSettings);
        this.metricsReads = new MetricsReadDao(database.jdbi(), metricsSettings);
        this.activity = new ActivityDao(database.jdbi());
        this.accounts = new AccountService(new AccountDao(database.jdbi()), parts.passwordHasher(), clock);
        this.fetcher = new Fetcher(fetchSettings(config), parts.resolver(), clock);
        FeedReader reader = new FeedReader();
        PlatformDetector detector = new PlatformDetector();
        FeedLocator locator = new FeedLocator(fetcher, reader, new FeedDiscovery(detector), detector);
        CrawlSettings crawlSettings = CrawlSettings.of(Duration.ofDays(config.windows().backfillHorizonDays()),
                config.windows().backfillMaxPages(), Duration.ofDays(config.windows().measurementWindowDays()));
        CommentFetchPolicy commentPolicy = CommentFetchPolicy.forWindow(crawlSettings.measurementWindow());
        CommentCollector comments = new CommentCollector(new CommentDao(database.jdbi(), database.writer()), fetcher,
                commentPolicy, clock);
        this.crawler = new CrawlService(crawl, fetcher, reader, locator, detector, new HistoryPaging(), comments, metrics,
                crawlSettings, clock, new SplittableRandom());
        // far more workers than fetch slots: a worker spends almost all its time waiting out a host's delay, the
        // fetcher itself caps requests in flight at maxConcurrentFetches, and the database writes go through one
        // writer; with a worker per blog of a 2,000-blog first crawl, no chain waits for a worker to start
        this.crawlClaims = new CrawlClaims(new CrawlClaimDao(database.jdbi(), database.writer()), Clock.systemUTC(),
                config.politeness().crawlLease(), config.politeness().hostDelay());
        this.visitors = new VisitorsFirst(config.serve().crawlShareWhileServing(), Runtime.getRuntime().availableProcessors());
        // while visitors are served the crawl runs at its share of the processors, which a few blogs in progress use
        // up: more would only hold memory and threads through their waits (see InProgressLimit)
        this.crawlRunner = new CrawlRunner(crawl, crawler, metrics, clock, config.politeness().maxConcurrentFetches() * 128,
                config.politeness().maxConcurrentFetches() * 8, crawlClaims, visitors);
        this.queuedTrigger = new QueuedCrawlTrigger(crawl, crawlRunner, clock);
        var archiveSettings = org.officialblogs.crawl.archive.ArchiveSettings.from(config);
        // the pace toward the archive and its Retry-After are wall-clock time, whatever clock the pages are measured by
        this.archiveFetcher = new Fetcher(archiveSettings.fetchSettings(fetchSettings(config)), parts.resolver(),
                Clock.systemUTC());
        var archiveClient = new org.officialblogs.crawl.archive.ArchiveClient(archiveFetcher, archiveSettings,
                Clock.systemUTC(),
                org.officialblogs.crawl.fetch.Sleeper.real());
        this.archiveReads = new org.officialblogs.crawl.archive.ArchiveDao(database.jdbi());
        this.archive = new org.officialblogs.crawl.archive.ArchiveService(archiveReads, new CommentDao(database.jdbi()),
                archiveClient, new org.officialblogs.crawl.archive.ArchiveHistoryReader(archiveClient, reader,
                        new org.officialblogs.crawl.archive.ArchiveQueryPlan(new FeedDiscovery(detector)),
                        metricsSettings.zone()), metricsSettings.zone(), clock, ARCHIVE_POST_PAGES);
        BlogPreviewer previewer = parts.previewer() != null ? parts.previewer() : new FeedPreviewer(locator);
        CrawlTrigger trigger = parts.crawlTrigger() != null ? parts.crawlTrigger() : queuedTrigger;
        SessionService sessions = new SessionService(new SessionDao(database.jdbi()), tokens, clock, SessionService.SESSION_LENGTH);
        this.submissions = new SubmissionDao(database.jdbi());
        RateLimitDao rateLimits = new RateLimitDao(database.jdbi());
        BulkUploadDao uploads = new BulkUploadDao(database.jdbi());
        AuditLog audit = new AuditLog(database.jdbi(), clock);
        PositionTable positions = PositionTable.standard();
        this.candidates = new CandidateDao(database.jdbi());
        this.queryFetcher = new Fetcher(queryFetchSettings(config), parts.resolver(), clock);
        java.util.function.Function<java.net.URI, WikidataClient> queryClients = endpoint -> new WikidataClient(
                queryFetcher, endpoint, clock, WikidataClient.Waiter.real(), WikidataClient.Policy.standard());
        this.discovery = new DiscoveryService(candidates, positions, queryClients, config.discovery().wikidataEndpoint(), queryFetcher,
                new CandidateBlogChecker(fetcher, reader, new FeedDiscovery(detector), locator, new BlogLinkFinder(), detector),
                clock, config.politeness().maxConcurrentFetches() * 16, Duration.ofHours(20));
        this.candidateReview = new CandidateReview(candidates, positions, registryService, audit, trigger, clock);
        this.wikidataEnrichment = new WikidataEnrichment(new WikidataMatchDao(database.jdbi()), registryService, audit,
                queryClients, config.discovery().wikidataEndpoint(), clock);
        this.moderation = new ModerationServices(
                new SubmissionService(submissions, registry, uploads, previewer, tokens, clock),
                new BulkSubmissions(uploads, submissions, registry, tokens, clock),
                new ModerationService(submissions, registry, registryService, new ModerationDao(database.jdbi()),
                        audit, trigger, clock),
                audit,
                new LoginService(accounts, sessions,
                        RateLimiter.shared("login.account", LoginService.ATTEMPTS_PER_ACCOUNT, LoginService.ATTEMPT_WINDOW, rateLimits, clock),
                        RateLimiter.shared("login.address", LoginService.ATTEMPTS_PER_ADDRESS, LoginService.ATTEMPT_WINDOW, rateLimits, clock),
                        new PasswordChecks(config.limits().maxConcurrentLogins(), PasswordChecks.QUEUE_WAIT)),
                sessions, tokens, clock, candidateReview, wikidataEnrichment, archive);
        this.exports = new ExportDao(database.jdbi());
        this.exporter = new DataExporter(exports, new SqliteSnapshot(database.jdbi(), database.dialect()), config.serve().baseUrl().toString(), clock,
                config.storage().dataDir().resolve("downloads"), notice);
        this.operations = new OperationalMetrics(new OperationsDao(database.jdbi()), clock, visitors, crawlRunner::inProgress);
    }

    /** The crawler's HTTP settings from the configuration, with our User-Agent. */
    static FetchSettings fetchSettings(Config config) {
        return FetchSettings.from(config.http(), config.politeness(),
                FetchSettings.userAgent(Version.current(), config.serve().baseUrl().toString()));
    }

    /**
     * The query service's fetcher: the Wikimedia rules ask for one query at a time and our User-Agent; the service
     * stops a query at 60 s, so we wait a little longer; answers of whole countries are larger than feeds.
     */
    static FetchSettings queryFetchSettings(Config config) {
        return FetchSettings.defaults(FetchSettings.userAgent(Version.current(), config.serve().baseUrl().toString()))
                .withTimeouts(config.http().connectTimeout(), Duration.ofSeconds(65), Duration.ofSeconds(75))
                .withMaxBodyBytes(64L * 1024 * 1024)
                // one query at a time, a second apart; an operator who lowers the host delay lowers this gap too
                .withPoliteness(java.util.Collections.min(java.util.List.of(Duration.ofSeconds(1), config.politeness().hostDelay())), 1)
                .withRetryAfter(Duration.ofSeconds(60), Duration.ofHours(24))
                .withAllowPrivateNetwork(config.http().allowPrivateNetwork());
    }

    /** The Quartz scheduler over this application's crawler (not started). */
    public CrawlScheduler scheduler() {
        // on PostgreSQL the schedulers of all nodes share Quartz's tables (clustered); SQLite means one process
        return new CrawlScheduler(crawlRunner, metrics, clock, archive,
                database.dialect() == Dialect.POSTGRESQL ? database.dataSource() : null, crawlClaims.node());
    }

    /** The web app over this application's stores (not started). */
    public WebApp webApp(String version) {
        return new WebApp(config, version, new WebApp.Sources(database, registry, crawl, metricsReads, activity,
                metricsSettings, pagesClock, visitors), moderation, new WebApp.DataSources(exporter, exports), operations, notice);
    }

    @Override
    public void close() {
        exporter.sqliteDownload().close();
        queuedTrigger.close();
        crawlRunner.close();
        crawlClaims.close();
        fetcher.close();
        archiveFetcher.close();
        queryFetcher.close();
        operations.close();
        database.close();
    }
}
