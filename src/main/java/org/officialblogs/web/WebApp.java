package org.officialblogs.web;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.officialblogs.auth.RateLimitDao;
import org.officialblogs.auth.RateLimiter;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.db.Database;
import org.officialblogs.export.DataExporter;
import org.officialblogs.export.ExportDao;
import org.officialblogs.json.Json;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.ops.AddressRange;
import org.officialblogs.ops.OperationalMetrics;
import org.officialblogs.priority.VisitorsFirst;
import org.officialblogs.registry.DirectoryQuery;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.web.query.ActivityDao;
import org.officialblogs.web.query.MetricsReadDao;
import org.officialblogs.web.query.ProfileQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin application: every route in one table, error pages, static assets, security headers. */
public final class WebApp {

    private static final Logger log = LoggerFactory.getLogger(WebApp.class);
    /** One INFO line per request; its own logger so an operator can turn it down without silencing the app. */
    private static final Logger requestLog = LoggerFactory.getLogger("org.officialblogs.requests");

    private final Config config;
    private final SiteInfo site;
    private final Templates templates;
    private final RankingsController rankings;
    private final OfficialController officials;
    private final MethodologyController methodology;
    private final RecentController recent;
    private final WhenTheyBloggedController whenTheyBlogged;
    private final HealthController health;
    private final SiteMapController siteMap;
    private final WebSessions sessions;
    private final CsrfGuard csrf;
    private final SubmissionController submit;
    private final BulkSubmissionController bulk;
    private final SubmissionApiController submissionApi;
    private final AuthController auth;
    private final ModerationController moderation;
    private final RegistryEditController registryEdits;
    private final AuditController audit;
    private final CrawlHealthController crawlHealth;
    private final CandidatesController candidates;
    private final DataController data;
    private final ApiController api;
    private final OperationalMetrics operations;
    private final Database database;
    private final VisitorsFirst visitors;
    private final List<AddressRange> metricsAllowed;
    private volatile ServerConnector metricsConnector;
    /** How often a node writes the read API's counts and re-reads another node's: how late the nodes see each other's. */
    static final Duration API_LIMIT_SYNC = Duration.ofSeconds(1);

    /** The stores the pages read, and the clock and zone they show times in. */
    public record Sources(Database database, RegistryDao registry, CrawlDao crawl, MetricsReadDao metrics,
                          ActivityDao activity, MetricsSettings settings, Clock clock, VisitorsFirst visitors) {}

    /** The research dataset's downloads and the read API's queries. */
    public record DataSources(DataExporter exporter, ExportDao exports) {}

    public WebApp(Config config, String version, Sources sources, ModerationServices mod, DataSources dataSources,
                  OperationalMetrics operations) {
        this(config, version, sources, mod, dataSources, operations, null);
    }

    /** @param notice said on every page (the demo's "all synthetic"), or null */
    public WebApp(Config config, String version, Sources sources, ModerationServices mod, DataSources dataSources,
                  OperationalMetrics operations, String notice) {
        this.config = config;
        this.operations = operations;
        this.database = sources.database();
        this.visitors = sources.visitors();
        this.metricsAllowed = AddressRange.parseAll(config.serve().metricsAllow());
        this.site = new SiteInfo(version, config.serve().baseUrl().toString(), notice);
        this.templates = new Templates();
        Readable readable = new Readable(sources.settings().zone());
        // the pages most visited, kept as rendered while the metrics they show are unchanged (one cache, one rule)
        RenderedPageCache pages = RenderedPageCache.forPages(sources.database().dataVersion()::current, config.serve().pageCacheTtl());
        DirectoryController directory = new DirectoryController(new DirectoryQuery(sources.registry()), templates, site,
                pages);
        this.rankings = new RankingsController(sources.metrics(), directory, templates, site, readable, sources.crawl(),
                sources.registry(), sources.clock(), pages);
        this.officials = new OfficialController(new ProfileQuery(sources.database().snapshot(), sources.registry(), sources.crawl(), sources.metrics(),
                sources.activity(), new org.officialblogs.crawl.archive.ArchiveDao(sources.database().jdbi())),
                sources.activity(), sources.registry(), templates, site, readable, sources.clock(),
                sources.settings().zone(), pages);
        this.methodology = new MethodologyController(sources.activity(), templates, site, readable,
                config.windows().measurementWindowDays());
        this.whenTheyBlogged = new WhenTheyBloggedController(mod.archive(), templates, site, sources.settings().zone());
        this.recent = new RecentController(sources.activity(), templates, site, readable, sources.clock(), pages);
        this.health = new HealthController(sources.database(), sources.registry(), sources.metrics(), site);
        this.siteMap = new SiteMapController(sources.registry(), site);
        boolean https = "https".equals(config.serve().baseUrl().getScheme());
        Choices choices = Choices.standard();
        RateLimitDao rateLimits = new RateLimitDao(sources.database().jdbi());
        SubmissionLimits limits = SubmissionLimits.perHour(config.limits().submissionsPerHour(), rateLimits, mod.clock());
        this.sessions = new WebSessions(mod.sessions(), https);
        this.csrf = new CsrfGuard(sessions, mod.tokens(), https);
        this.submit = new SubmissionController(mod.submissions(), limits, csrf, templates, site, choices);
        this.bulk = new BulkSubmissionController(mod.bulk(), limits, csrf, templates, site, choices);
        this.submissionApi = new SubmissionApiController(mod.submissions(), mod.moderation(), limits, site);
        this.auth = new AuthController(mod.login(), sessions, csrf, templates, site);
        this.moderation = new ModerationController(mod.moderation(), sessions, templates, site, choices);
        this.registryEdits = new RegistryEditController(mod.moderation(), mod.archive(), sources.registry(), sessions, templates, site, choices);
        this.audit = new AuditController(mod.audit(), sessions, templates, site);
        this.crawlHealth = new CrawlHealthController(sources.crawl(), sessions, templates, site, mod.clock());
        this.candidates = new CandidatesController(mod.candidates(), mod.wikidata(), sessions, templates, site);
        this.data = new DataController(dataSources.exporter(), templates, site);
        this.api = new ApiController(dataSources.exports(), sources.metrics(),
                // every read request is counted: batched, so none waits for the database's writer (see docs/operations.md)
                RateLimiter.batched("api", config.limits().apiRequestsPerMinute(), Duration.ofMinutes(1), API_LIMIT_SYNC,
                        rateLimits, mod.clock(), backgroundWriter("api-limit-writer")),
                site, templates);
    }

    /** One daemon thread at most, started when there is work and gone after 30 s without: no lifecycle to manage. */
    private static java.util.concurrent.Executor backgroundWriter(String name) {
        return new java.util.concurrent.ThreadPoolExecutor(0, 1, 30, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Creates and starts the server on the configured address and port (0: a free port); {@link Javalin#port()}
     * tells which, {@link #metricsPort()} the port of /metrics when it has its own.
     */
    private volatile Javalin started;
    /** The server built by {@link #prepare()}, not listening yet. */
    private volatile Javalin prepared;

    /**
     * Builds the server (routes, static files, JSON, templates) without listening: {@code serve} does this while
     * it loads the seed, so the port opens only on the registry's real state. {@link #start()} does it if not done.
     */
    public void prepare() {
        if (prepared == null) prepared = create();
    }

    public Javalin start() {
        Javalin javalin = prepared != null ? prepared : create();
        javalin = config.serve().bind().isEmpty() ? javalin.start(config.serve().port()) : javalin.start(config.serve().bind(), config.serve().port());
        if (config.serve().metricsOnOwnPort()) {
            // added once the site's connector runs, so Javalin#port() stays the site's port
            var server = javalin.jettyServer().server();
            HttpConnectionFactory http = server.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class);
            ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http.getHttpConfiguration()));
            c.setName("metrics");
            c.setHost(config.serve().bind().isEmpty() ? null : config.serve().bind());
            c.setPort(config.serve().metricsPort());
            server.addConnector(c);
            try {
                c.start();
            } catch (Exception e) {
                javalin.stop();
                throw new IllegalStateException("cannot listen for /metrics on port " + config.serve().metricsPort() + ": " + e.getMessage(), e);
            }
            metricsConnector = c;
        }
        started = javalin;
        return javalin;
    }

    /** The port the site listens on, once {@link #start()}ed. */
    public int port() {
        return started.port();
    }

    /** Stops the server {@link #start()} started: requests in flight are finished first. */
    public void stop() {
        Javalin running = started;
        if (running != null) running.stop();
    }

    /** The port /metrics is served on when it has its own (OFFICIALBLOGS_METRICS_PORT), once started; else -1. */
    public int metricsPort() {
        ServerConnector c = metricsConnector;
        return c == null ? -1 : c.getLocalPort();
    }

    Javalin create() {
        ObjectMapper mapper = Json.mapper();
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.router.ignoreTrailingSlashes = true;
            // bulk uploads: the service refuses files over its own limit with a message; this only bounds memory
            // parts over 256 KB are written to files in the data directory, removed when the request ends
            cfg.jetty.multipartConfig.cacheDirectory(uploadDirectory().toString());
            cfg.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
            cfg.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_MB - 1, SizeUnit.MB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_MB, SizeUnit.MB);
            // a crawl in this process yields the processors while people are served, from each request's start to
            // the end of its answer
            cfg.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new FilterHolder(new VisitsFilter(visitors)), "/*", EnumSet.of(DispatcherType.REQUEST)));
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new ServerErrorPages());
                // outermost first: one address's requests take a bounded number of threads, and no body may dawdle
                server.insertHandler(new RequestBodyDeadline(config.limits().requestBodyTimeout(), config.limits().requestBodyMinRate()));
                server.insertHandler(new AddressThreadLimit(config.limits().threadsPerAddress()));
                server.insertHandler(new HeadAsGet());
            });
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/static";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            cfg.requestLogger.http(this::requestDone);
            cfg.contextResolver.ip = WebApp::clientAddress;

            // ---- the route table
            cfg.routes.before(this::securityHeaders);
            cfg.routes.before(this::metricsGate);
            cfg.routes.after(WebApp::serverTiming);
            cfg.routes.get("/", rankings::show);
            cfg.routes.get("/officials/{id}.atom", officials::atom);
            cfg.routes.get("/officials/{id}", officials::show);
            cfg.routes.get("/methodology", methodology::show);
            cfg.routes.get("/recent", recent::show);
            cfg.routes.get("/when-they-blogged", whenTheyBlogged::show);
            cfg.routes.get("/recent.atom", recent::recentAtom);
            cfg.routes.get("/new-blogs.atom", recent::newBlogsAtom);
            cfg.routes.get("/health", health::show);
            cfg.routes.get("/robots.txt", siteMap::robots);
            cfg.routes.get("/sitemap.xml", siteMap::sitemap);
            cfg.routes.get("/sitemap/{n}.xml", siteMap::part);
            cfg.routes.get("/metrics", ctx -> ctx.contentType(OperationalMetrics.CONTENT_TYPE).result(operations.scrape()));

            // research data: downloads, and the read API (its GET routes are exactly those ApiCatalog documents)
            cfg.routes.get("/data", data::page);
            cfg.routes.get("/data/{file}", data::file);
            cfg.routes.get("/api", api::page);
            cfg.routes.get("/api/openapi.json", api::openApi);
            cfg.routes.before("/api/v1/*", api::guard);
            cfg.routes.before("/login", auth::precheck);
            cfg.routes.before("/submit/bulk", bulk::precheck);
            cfg.routes.before("/submit/bulk/commit", bulk::precheck);
            cfg.routes.get("/api/v1/officials", api::officials);
            cfg.routes.get("/api/v1/officials/{id}", api::official);
            cfg.routes.get("/api/v1/blogs", api::blogs);
            cfg.routes.get("/api/v1/blogs/{id}", api::blog);
            cfg.routes.get("/api/v1/blogs/{id}/posts", api::posts);
            cfg.routes.get("/api/v1/blogs/{id}/metrics", api::history);
            cfg.routes.get("/api/v1/rankings", api::rankings);

            // submissions (public; every form POST carries a CSRF token, checked before any handler)
            cfg.routes.beforeMatched(ctx -> requireAccess(ctx, sessions));
            cfg.routes.beforeMatched(WebApp::refuseOversizedUpload);
            cfg.routes.beforeMatched(csrf::check);
            cfg.routes.get("/submit", submit::form);
            cfg.routes.post("/submit/preview", submit::preview);
            cfg.routes.post("/submit/edit", submit::edit);
            cfg.routes.post("/submit", submit::submit);
            cfg.routes.post("/submit/evidence", submit::evidence);
            cfg.routes.get("/submit/bulk", bulk::form);
            cfg.routes.post("/submit/bulk", bulk::dryRun);
            cfg.routes.post("/submit/bulk/commit", bulk::commit);
            cfg.routes.get("/submissions/{token}", submit::status);
            cfg.routes.post("/api/v1/submissions", submissionApi::create);

            // moderation: each route's Access role says a moderator's session is required (pages redirect to
            // /login, the API answers 401)
            cfg.routes.get("/login", auth::form);
            cfg.routes.post("/login", auth::login);
            cfg.routes.post("/logout", auth::logout);
            cfg.routes.get("/admin", moderation::queue, Access.MODERATOR);
            cfg.routes.get("/admin/submissions/{id}", moderation::show, Access.MODERATOR);
            cfg.routes.post("/admin/submissions/{id}", moderation::update, Access.MODERATOR);
            cfg.routes.post("/admin/submissions/{id}/approve", moderation::approve, Access.MODERATOR);
            cfg.routes.post("/admin/submissions/{id}/merge", moderation::merge, Access.MODERATOR);
            cfg.routes.post("/admin/submissions/{id}/reject", moderation::reject, Access.MODERATOR);
            cfg.routes.get("/admin/officials", registryEdits::find, Access.MODERATOR);
            cfg.routes.get("/admin/officials/{id}", registryEdits::show, Access.MODERATOR);
            cfg.routes.post("/admin/officials/{id}", registryEdits::saveOfficial, Access.MODERATOR);
            cfg.routes.post("/admin/blogs/{id}", registryEdits::saveBlog, Access.MODERATOR);
            cfg.routes.post("/admin/blogs/{id}/recrawl", registryEdits::recrawl, Access.MODERATOR);
            cfg.routes.post("/admin/blogs/{id}/archive", registryEdits::archive, Access.MODERATOR);
            cfg.routes.get("/admin/audit", audit::show, Access.MODERATOR);
            cfg.routes.get("/admin/crawl", crawlHealth::show, Access.MODERATOR);
            cfg.routes.get("/admin/candidates", candidates::list, Access.MODERATOR);
            cfg.routes.post("/admin/candidates", candidates::decide, Access.MODERATOR);
            cfg.routes.get("/admin/candidates/positions", candidates::positions, Access.MODERATOR);
            cfg.routes.get("/admin/wikidata", candidates::wikidataMatches, Access.MODERATOR);
            cfg.routes.post("/admin/wikidata/{id}", candidates::decideWikidata, Access.MODERATOR);
            cfg.routes.get("/api/v1/admin/submissions", submissionApi::queue, Access.MODERATOR_API);

            // ---- errors
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> renderError(ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (isUploadOverLimit(e)) {
                    // a chunked upload (no Content-Length) is stopped by the multipart parser at the limit
                    renderError(ctx, 413, uploadTooLarge());
                    return;
                }
                var fault = database.fault(e);
                if (fault.isPresent()) {
                    // the database, not the request: one line for the operator, a page that says so, 503
                    log.warn("database fault method={} path={}: {}", ctx.method(), ctx.path(), fault.get().line());
                    database.health().record(fault.get());
                    ctx.header("Retry-After", Integer.toString(fault.get().retryAfterSeconds()));
                    renderError(ctx, 503, fault.get().visitorText());
                    return;
                }
                if (isDiskFull(e)) {
                    // an upload's part could not be written to the uploads directory
                    log.warn("disk full method={} path={} dir={}: free space on that disk", ctx.method(), ctx.path(),
                            uploadDirectory());
                    ctx.header("Retry-After", "60");
                    renderError(ctx, 503, "The server's disk is full, so your upload could not be received. Nothing "
                            + "was saved; the site's operator has been told. Please try again later.");
                    return;
                }
                Throwable gone = clientGone(e);
                if (gone != null) {
                    // a body too slow (already logged), a client that hung up, or the server stopping: no fault here
                    log.info("request ended early method={} path={} reason={}", ctx.method(), ctx.path(), gone.toString());
                    if (gone instanceof java.util.concurrent.TimeoutException) {
                        ctx.header("Connection", "close");
                        renderError(ctx, 408, "The request took too long to arrive and was dropped. Please send it again.");
                    } else {
                        ctx.status(400);
                    }
                    return;
                }
                log.error("unhandled error method={} path={}", ctx.method(), ctx.path(), e);
                renderError(ctx, 500, null);
            });
            cfg.routes.error(404, ctx -> {
                // a handler's own 404 (an error page, or the API's JSON with its message) stands; anything else gets one
                String type = ctx.res().getContentType();
                if (ctx.result() == null || ctx.result().isEmpty() || type == null
                        || !(type.startsWith("text/html") || type.startsWith("application/json"))) {
                    renderError(ctx, 404, null);
                }
            });
        });
    }

    /**
     * The access check of every matched route, from its {@link Access} role. A route under /admin or the moderation
     * API that was given no role is refused all the same (and logged): a role forgotten in the table fails closed.
     */
    private static void requireAccess(Context ctx, WebSessions sessions) {
        var roles = ctx.routeRoles();
        if (roles.contains(Access.MODERATOR)) {
            sessions.requirePage(ctx);
        } else if (roles.contains(Access.MODERATOR_API)) {
            sessions.requireApi(ctx);
        } else if (ctx.path().startsWith("/api/v1/admin/")) {
            log.error("route without an access role path={}: treated as the moderation API", ctx.endpoint().path);
            sessions.requireApi(ctx);
        } else if (ctx.path().equals("/admin") || ctx.path().startsWith("/admin/")) {
            log.error("route without an access role path={}: treated as a moderator's page", ctx.endpoint().path);
            sessions.requirePage(ctx);
        }
    }

    /** Where the parts of an upload too large to keep in memory are written while the request runs. */
    private java.nio.file.Path uploadDirectory() {
        java.nio.file.Path dir = config.storage().dataDir().resolve("uploads").toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the upload directory " + dir, e);
        }
        return dir;
    }

    /**
     * /metrics only where the operator wants it: on its own port when it has one (and nothing else there), and only
     * to the allowed addresses when a list is set (the client address as for the limits: behind a proxy on this host,
     * the one it reports).
     */
    private void metricsGate(Context ctx) {
        ServerConnector own = metricsConnector;
        boolean onOwnPort = own != null && ctx.req().getLocalPort() == own.getLocalPort();
        boolean metrics = ctx.path().equals("/metrics");
        if (onOwnPort != metrics && (onOwnPort || own != null)) {
            throw new NotFoundResponse(onOwnPort ? "This port serves only /metrics."
                    : "There is nothing at this address. It may have moved, or the link may be mistyped.");
        }
        if (metrics && !metricsAllowed.isEmpty() && !AddressRange.anyContains(metricsAllowed, ctx.ip())) {
            throw new ForbiddenResponse("/metrics is served only to the monitoring hosts set in OFFICIALBLOGS_METRICS_ALLOW.");
        }
    }

    /** Largest multipart request read at all; the bulk upload's own, smaller file limit is its form's error. */
    static final int MAX_UPLOAD_MB = 5;

    /**
     * Before any body is read: an upload whose declared length is over the limit is refused at once (413), so the
     * parser never starts on it.
     */
    private static void refuseOversizedUpload(Context ctx) {
        String type = ctx.contentType();
        if (ctx.method() != io.javalin.http.HandlerType.POST || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return;
        }
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_MB * 1024L * 1024L) {
            throw new io.javalin.http.ContentTooLargeResponse(uploadTooLarge());
        }
    }

    private static String uploadTooLarge() {
        return "The upload is too large: a bulk file may have at most "
                + org.officialblogs.registry.BulkSubmissions.MAX_BYTES / 1024 + " KiB. Please split it into smaller files.";
    }

    /** The operating system's "no space left on device" anywhere in the causes. */
    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** The cause that says the request's body stopped arriving (too slow, hung up, server stopping), if any. */
    private static Throwable clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedChannelException || t instanceof org.eclipse.jetty.io.EofException) {
                return t;
            }
        }
        return null;
    }

    /** Jetty's multipart parser reports a part or request over its limit as a bad message caused by this. */
    private static boolean isUploadOverLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith("max ")
                    && t.getMessage().contains(" exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static final String STARTED = "officialblogs.started";

    private void securityHeaders(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        SecurityHeaders.ALL.forEach(ctx::header);
        if (isPrivate(ctx.path())) ctx.header("Cache-Control", "no-store");
    }

    /**
     * Pages no cache may keep: everything behind a moderator's session (a submission shows its submitter's e-mail),
     * the login page, and the forms and status links that carry a visitor's own token.
     */
    static boolean isPrivate(String path) {
        return path.equals("/login") || path.equals("/logout") || path.equals("/admin") || path.startsWith("/admin/")
                || path.startsWith("/api/v1/admin/") || path.equals("/submit") || path.startsWith("/submit/")
                || path.startsWith("/submissions/");
    }

    /** Server-Timing: how long the app took to build the response (routing, queries, rendering), for monitoring. */
    static void serverTiming(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
            // not String.format: here it cost 4 % of every request's CPU
            ctx.header("Server-Timing", "app;dur=" + Readable.fixed(Math.max(0, System.nanoTime() - started) / 1e6, 2));
        }
    }

    /**
     * Called by Javalin once per answered request (also for 404s, errors and static files): counts and times it by
     * route template, so /officials/1 and /officials/2 are one series, and logs one line.
     */
    private void requestDone(Context ctx, Float ms) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path
                : ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
        int status = ctx.status().getCode();
        operations.recordRequest(ctx.method().name(), route, status, (long) (ms * 1_000_000L));
        // a submission's status link is a secret: log its template, not the token in the path
        String path = route.contains("{token}") ? route : ctx.path();
        if (requestLog.isInfoEnabled()) {
            // one decimal by hand: String.format costs more than the rest of the line
            requestLog.info("request method={} path={} route={} status={} ms={}", ctx.method().name(), path, route,
                    status, Readable.oneDecimal(ms));
        }
    }

    /**
     * The visitor's address for the per-address limits. Behind a reverse proxy on the same host every connection
     * comes from loopback, so then (and only then) the address the proxy appended to X-Forwarded-For is used: the
     * rightmost entry, the one the proxy saw; entries left of it come from the client and may be forged. A client
     * connecting directly cannot choose its address this way.
     */
    static String clientAddress(Context ctx) {
        return clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** The rule of {@link #clientAddress(Context)}, for Jetty's handlers that run before the app. */
    static String clientAddress(String peer, String forwarded) {
        if (forwarded == null || forwarded.isBlank() || !isLoopback(peer)) return peer;
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return last.isEmpty() ? peer : last;
    }

    private static boolean isLoopback(String address) {
        try {
            // a literal address: no name lookup happens
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private void renderError(Context ctx, int status, String message) {
        boolean wantsJson = ctx.path().startsWith("/api/") || ctx.path().equals("/health")
                || (ctx.header("Accept") != null && ctx.header("Accept").contains("application/json")
                && !ctx.header("Accept").contains("text/html"));
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Login required";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Too large";
            case 503 -> "Temporarily unavailable";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Something went wrong" : "Error";
        };
        String text = status >= 500 && (status != 503 || message == null || message.isBlank())
                ? "An unexpected error stopped this page. It has been logged; please try again later."
                : message == null || message.isBlank() || message.equals("Not Found") || message.equals("Endpoint " + ctx.method() + " " + ctx.path() + " not found")
                        ? (status == 404 ? "There is nothing at this address. It may have moved, or the link may be mistyped." : title)
                        : message;
        ctx.status(status);
        if (wantsJson) {
            ctx.json(Map.of("status", status, "error", title, "message", text));
        } else {
            templates.render(ctx, "error.jte", new ErrorPage(site, status, title, text));
        }
    }
}
