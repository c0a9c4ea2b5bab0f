package org.officialblogs.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.officialblogs.db.DatabaseLogin;
import org.officialblogs.db.Dialect;

/**
 * The application's settings: one immutable record of groups, built from flags and OFFICIALBLOGS_* environment
 * variables, validated once at start so a bad value stops the app with a message that names the variable.
 *
 * @param serve      what {@code serve} listens on and runs: port, address, public URL, /metrics, the scheduler
 * @param storage    where the data lives and how long a write waits for the database
 * @param http       the crawler's HTTP: timeouts, body size, private addresses
 * @param politeness how gently the crawler treats a host, and how many fetches run at once
 * @param windows    how far back and how long comments and history are read
 * @param limits     what one client may ask of the site: submissions, API reads, logins, slow bodies, threads
 * @param archive    the web archive read for ended blogs
 * @param discovery  where candidates are looked for
 */
public record Config(
        Serve serve,
        Storage storage,
        Http http,
        Politeness politeness,
        Windows windows,
        Limits limits,
        Archive archive,
        Discovery discovery) {

    /** What {@code serve} listens on and runs. */
    public record Serve(int port, String bind, URI baseUrl, boolean schedulerEnabled, int metricsPort,
            List<String> metricsAllow, Duration pageCacheTtl, int crawlShareWhileServing) {
        /** True when /metrics has its own port rather than the site's. */
        public boolean metricsOnOwnPort() {
            return metricsPort >= 0;
        }
    }

    /** Where the data lives. */
    public record Storage(Path dataDir, String dbUrl, DatabaseLogin dbLogin, Duration dbBusyTimeout) {
        public Storage {
            if (dbLogin == null) dbLogin = DatabaseLogin.NONE;
        }

        /** The engine the URL names: the embedded SQLite file or a PostgreSQL server. */
        public Dialect dialect() {
            return Dialect.of(dbUrl);
        }

        /** The database file path when the URL is a plain SQLite file URL, else null. */
        public Path databaseFile() {
            if (!dbUrl.startsWith("jdbc:sqlite:")) return null;
            String rest = dbUrl.substring("jdbc:sqlite:".length());
            int q = rest.indexOf('?');
            if (q >= 0) rest = rest.substring(0, q);
            if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith("file:")) return null;
            return Path.of(rest);
        }
    }

    /** The crawler's HTTP settings. */
    public record Http(boolean allowPrivateNetwork, long maxBodyBytes, Duration connectTimeout, Duration readTimeout,
            Duration requestTimeout) {}

    /** How gently the crawler treats hosts. */
    public record Politeness(Duration hostDelay, int maxConcurrentFetches, Duration crawlLease) {}

    /** How far back and how long the crawler reads. */
    public record Windows(int measurementWindowDays, int backfillHorizonDays, int backfillMaxPages) {}

    /** What one client may ask of the site. */
    public record Limits(int submissionsPerHour, int apiRequestsPerMinute, int maxConcurrentLogins,
            Duration requestBodyTimeout, int requestBodyMinRate, int threadsPerAddress) {}

    /** The web archive read for ended blogs. */
    public record Archive(URI endpoint, Duration delay) {}

    /** Where candidates are looked for. */
    public record Discovery(URI wikidataEndpoint) {}

    public static final String ENV_PREFIX = "OFFICIALBLOGS_";

    /** The values OFFICIALBLOGS_LOG_LEVEL may take. */
    public static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");

    /** One configurable setting: its environment variable, default, and what it means (for --help and the README). */
    public record Setting(String env, String defaultValue, String description) {}

    public static final List<Setting> SETTINGS = List.of(
            new Setting("OFFICIALBLOGS_PORT", "7070", "HTTP port of the web app (0 picks a free port)"),
            new Setting("OFFICIALBLOGS_DATA_DIR", "./data", "Directory for the database and exports"),
            new Setting("OFFICIALBLOGS_DB_URL", "", "JDBC URL: jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE; default jdbc:sqlite:<data dir>/officialblogs.db"),
            new Setting("OFFICIALBLOGS_DB_USER", "", "User of a PostgreSQL database"),
            new Setting("OFFICIALBLOGS_DB_PASSWORD", "", "Password of a PostgreSQL database (or give _DB_PASSWORD_FILE)"),
            new Setting("OFFICIALBLOGS_DB_PASSWORD_FILE", "", "File whose first line is the PostgreSQL password (a secret mounted by the deployment)"),
            new Setting("OFFICIALBLOGS_BASE_URL", "", "Public address of the site, used in links, feeds and the crawler's User-Agent; default http://localhost:<port>"),
            new Setting("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "false", "Let the crawler fetch loopback/private addresses (tests and demos only)"),
            new Setting("OFFICIALBLOGS_HOST_DELAY_MS", "2000", "Minimum delay between two requests to the same host"),
            new Setting("OFFICIALBLOGS_MAX_CONCURRENT_FETCHES", "16", "Global limit on concurrent fetches"),
            new Setting("OFFICIALBLOGS_CRAWL_LEASE_SECONDS", "120", "How long a process's claim on a blog and its host holds without renewal (renewed every third of it while the crawl runs); when a process dies, another takes its blogs after this"),
            new Setting("OFFICIALBLOGS_MAX_BODY_BYTES", "10485760", "Largest response body accepted, after decompression"),
            new Setting("OFFICIALBLOGS_CONNECT_TIMEOUT_MS", "5000", "Connect timeout"),
            new Setting("OFFICIALBLOGS_READ_TIMEOUT_MS", "10000", "Socket read timeout"),
            new Setting("OFFICIALBLOGS_REQUEST_TIMEOUT_MS", "20000", "Deadline for a whole request"),
            new Setting("OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS", "180", "Posts younger than this have their comments collected"),
            new Setting("OFFICIALBLOGS_BACKFILL_HORIZON_DAYS", "400", "How far back the first crawl of a blog pages through its feed"),
            new Setting("OFFICIALBLOGS_BACKFILL_MAX_PAGES", "30", "Most feed pages read when backfilling a blog's history"),
            new Setting("OFFICIALBLOGS_SCHEDULER", "true", "Run the crawl scheduler inside `serve`"),
            new Setting("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "10", "Submissions (form, API or bulk upload) accepted per client address per hour"),
            new Setting("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "300", "Read API (GET /api/v1/...) requests answered per client address per minute"),
            new Setting("OFFICIALBLOGS_ARCHIVE_ENDPOINT", "https://web.archive.org", "Web archive read for ended blogs (its CDX index and raw captures); a mirror or a test stand-in speaking the same API"),
            new Setting("OFFICIALBLOGS_ARCHIVE_DELAY_MS", "5000", "Minimum delay between two requests to the web archive (its CDX index allows a couple of dozen a minute)"),
            new Setting("OFFICIALBLOGS_BIND", "", "Address the web app listens on; empty: all interfaces. Behind a reverse proxy on the same host: 127.0.0.1"),
            new Setting("OFFICIALBLOGS_METRICS_PORT", "", "Serve /metrics only on this port (on the bind address), not on the site's port; empty: the site's port (0 picks a free port)"),
            new Setting("OFFICIALBLOGS_METRICS_ALLOW", "", "Comma-separated addresses or ranges (CIDR, e.g. 10.0.0.5,192.168.1.0/24) allowed to read /metrics; empty: everyone"),
            new Setting("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS", "2", "Password checks run at once (Argon2id, 19 MiB each); more logins wait up to 2 s, then get 429"),
            new Setting("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS", "30000", "Longest time a client may take to send a request body"),
            new Setting("OFFICIALBLOGS_REQUEST_BODY_MIN_RATE", "1024", "Slowest request body accepted, in bytes per second (after its first second)"),
            new Setting("OFFICIALBLOGS_THREADS_PER_ADDRESS", "16", "Requests of one client address handled at once; more wait their turn without holding a thread"),
            new Setting("OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING", "10", "Percent of the processors a crawl may use while the site is answering visitors; it waits for the rest (100: it never waits)"),
            new Setting("OFFICIALBLOGS_PAGE_CACHE_SECONDS", "10", "Longest a rendered page (rankings, all registry entries, profiles, recent posts) is served again while the data it shows is unchanged; 0: every request is rendered"),
            new Setting("OFFICIALBLOGS_DB_BUSY_TIMEOUT_MS", "5000", "Longest wait for a write while another process or writer holds the database; then 503 with Retry-After"),
            new Setting("OFFICIALBLOGS_LOG_LEVEL", "INFO", "How much is logged to standard error: ERROR, WARN, INFO, DEBUG or TRACE (OFF for nothing)"),
            new Setting("OFFICIALBLOGS_WIKIDATA_ENDPOINT", "https://query.wikidata.org/sparql", "SPARQL endpoint `discover wikidata` and `enrich wikidata` ask"));

    /** Thrown for a setting that cannot be used; the message names the setting and the value. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    public Config {
        for (Object group : new Object[] {serve, storage, http, politeness, windows, limits, archive, discovery}) {
            if (group == null) throw new InvalidConfigException("every group of settings is required");
        }
        List<String> problems = new ArrayList<>();
        if (serve.port() < 0 || serve.port() > 65535) problems.add("OFFICIALBLOGS_PORT must be between 0 and 65535, got " + serve.port());
        if (storage.dataDir() == null) problems.add("OFFICIALBLOGS_DATA_DIR must be set");
        if (!Dialect.supports(storage.dbUrl())) {
            problems.add("OFFICIALBLOGS_DB_URL must be jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE, got "
                    + storage.dbUrl());
        }
        if (serve.baseUrl() == null || !("http".equals(serve.baseUrl().getScheme()) || "https".equals(serve.baseUrl().getScheme()))
                || serve.baseUrl().getHost() == null) {
            problems.add("OFFICIALBLOGS_BASE_URL must be an absolute http(s) URL, got " + serve.baseUrl());
        }
        if (politeness.hostDelay() == null || politeness.hostDelay().isNegative()) problems.add("OFFICIALBLOGS_HOST_DELAY_MS must be >= 0");
        if (politeness.crawlLease() == null || politeness.crawlLease().getSeconds() < 3) {
            problems.add("OFFICIALBLOGS_CRAWL_LEASE_SECONDS must be at least 3, got " + (politeness.crawlLease() == null ? null : politeness.crawlLease().getSeconds()));
        }
        if (politeness.maxConcurrentFetches() < 1 || politeness.maxConcurrentFetches() > 512) {
            problems.add("OFFICIALBLOGS_MAX_CONCURRENT_FETCHES must be between 1 and 512, got " + politeness.maxConcurrentFetches());
        }
        if (http.maxBodyBytes() < 1024) problems.add("OFFICIALBLOGS_MAX_BODY_BYTES must be at least 1024, got " + http.maxBodyBytes());
        for (var t : List.of(Map.entry("CONNECT", http.connectTimeout()), Map.entry("READ", http.readTimeout()),
                Map.entry("REQUEST", http.requestTimeout()))) {
            if (t.getValue() == null || t.getValue().isZero() || t.getValue().isNegative()) {
                problems.add("OFFICIALBLOGS_" + t.getKey() + "_TIMEOUT_MS must be > 0");
            }
        }
        if (windows.measurementWindowDays() < 1) problems.add("OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS must be >= 1");
        if (windows.backfillHorizonDays() < 1) problems.add("OFFICIALBLOGS_BACKFILL_HORIZON_DAYS must be >= 1");
        if (windows.backfillMaxPages() < 1) problems.add("OFFICIALBLOGS_BACKFILL_MAX_PAGES must be >= 1");
        if (limits.submissionsPerHour() < 1) problems.add("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR must be >= 1, got " + limits.submissionsPerHour());
        if (limits.apiRequestsPerMinute() < 1) problems.add("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE must be >= 1, got " + limits.apiRequestsPerMinute());
        if (archive.endpoint() == null || !("http".equals(archive.endpoint().getScheme()) || "https".equals(archive.endpoint().getScheme()))
                || archive.endpoint().getHost() == null || archive.endpoint().getRawQuery() != null) {
            problems.add("OFFICIALBLOGS_ARCHIVE_ENDPOINT must be an absolute http(s) URL without a query, got " + archive.endpoint());
        }
        if (archive.delay() == null || archive.delay().isNegative()) problems.add("OFFICIALBLOGS_ARCHIVE_DELAY_MS must be >= 0");
        if (serve.bind() == null) problems.add("OFFICIALBLOGS_BIND must be an address or empty");
        if (serve.crawlShareWhileServing() < 1 || serve.crawlShareWhileServing() > 100) {
            problems.add("OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING must be between 1 and 100, got " + serve.crawlShareWhileServing());
        }
        if (serve.pageCacheTtl() == null || serve.pageCacheTtl().isNegative() || serve.pageCacheTtl().toSeconds() > 3600) {
            problems.add("OFFICIALBLOGS_PAGE_CACHE_SECONDS must be between 0 and 3600, got " + serve.pageCacheTtl().toSeconds());
        }
        if (serve.metricsPort() < -1 || serve.metricsPort() > 65535) problems.add("OFFICIALBLOGS_METRICS_PORT must be between 0 and 65535, got " + serve.metricsPort());
        if (serve.metricsPort() > 0 && serve.metricsPort() == serve.port()) problems.add("OFFICIALBLOGS_METRICS_PORT must differ from OFFICIALBLOGS_PORT, got " + serve.metricsPort());
        if (serve.metricsAllow() == null) {
            problems.add("OFFICIALBLOGS_METRICS_ALLOW must be a list of addresses or ranges");
        } else {
            for (String range : serve.metricsAllow()) {
                org.officialblogs.ops.AddressRange.problem(range).ifPresent(p -> problems.add("OFFICIALBLOGS_METRICS_ALLOW: " + p));
            }
        }
        if (limits.maxConcurrentLogins() < 1 || limits.maxConcurrentLogins() > 64) {
            problems.add("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS must be between 1 and 64, got " + limits.maxConcurrentLogins());
        }
        if (limits.requestBodyTimeout() == null || limits.requestBodyTimeout().toMillis() < 100) problems.add("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS must be >= 100");
        if (limits.requestBodyMinRate() < 0) problems.add("OFFICIALBLOGS_REQUEST_BODY_MIN_RATE must be >= 0 (0: no minimum), got " + limits.requestBodyMinRate());
        if (limits.threadsPerAddress() < 1) problems.add("OFFICIALBLOGS_THREADS_PER_ADDRESS must be >= 1, got " + limits.threadsPerAddress());
        if (storage.dbBusyTimeout() == null || storage.dbBusyTimeout().isNegative()) problems.add("OFFICIALBLOGS_DB_BUSY_TIMEOUT_MS must be >= 0");
        if (discovery.wikidataEndpoint() == null || !("http".equals(discovery.wikidataEndpoint().getScheme()) || "https".equals(discovery.wikidataEndpoint().getScheme()))
                || discovery.wikidataEndpoint().getHost() == null) {
            problems.add("OFFICIALBLOGS_WIKIDATA_ENDPOINT must be an absolute http(s) URL, got " + discovery.wikidataEndpoint());
        }
        if (!problems.isEmpty()) throw new InvalidConfigException(String.join("; ", problems));
    }

    /** Builds a config from a map of raw values keyed by environment variable name (flags already merged in). */
    public static Config fromValues(Map<String, String> values) {
        Function<String, String> get = name -> {
            String v = values.get(name);
            if (v == null || v.isBlank()) {
                v = SETTINGS.stream().filter(s -> s.env().equals(name)).findFirst().orElseThrow().defaultValue();
            }
            return v.trim();
        };
        // read by the logging set-up itself (logback.xml), which would take a misspelt level for DEBUG
        String logLevel = get.apply("OFFICIALBLOGS_LOG_LEVEL").toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new InvalidConfigException("OFFICIALBLOGS_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS)
                    + ", got '" + get.apply("OFFICIALBLOGS_LOG_LEVEL") + "'");
        }
        int port = parseInt(get, "OFFICIALBLOGS_PORT");
        Path dataDir = Path.of(get.apply("OFFICIALBLOGS_DATA_DIR"));
        String dbUrl = get.apply("OFFICIALBLOGS_DB_URL");
        if (dbUrl.isEmpty()) dbUrl = "jdbc:sqlite:" + dataDir.resolve("officialblogs.db");
        String base = get.apply("OFFICIALBLOGS_BASE_URL");
        if (base.isEmpty()) base = "http://localhost:" + (port == 0 ? 7070 : port);
        URI baseUrl;
        try {
            baseUrl = new URI(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException("OFFICIALBLOGS_BASE_URL is not a URL: " + base);
        }
        return new Config(
                new Serve(port, get.apply("OFFICIALBLOGS_BIND"), baseUrl, parseBoolean(get, "OFFICIALBLOGS_SCHEDULER"),
                        get.apply("OFFICIALBLOGS_METRICS_PORT").isEmpty() ? -1 : parseInt(get, "OFFICIALBLOGS_METRICS_PORT"),
                        parseList(get, "OFFICIALBLOGS_METRICS_ALLOW"),
                        Duration.ofSeconds(parseLong(get, "OFFICIALBLOGS_PAGE_CACHE_SECONDS")),
                        parseInt(get, "OFFICIALBLOGS_CRAWL_SHARE_WHILE_SERVING")),
                new Storage(dataDir, dbUrl, new DatabaseLogin(get.apply("OFFICIALBLOGS_DB_USER"), password(get)),
                        Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_DB_BUSY_TIMEOUT_MS"))),
                new Http(parseBoolean(get, "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK"),
                        parseLong(get, "OFFICIALBLOGS_MAX_BODY_BYTES"),
                        Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_CONNECT_TIMEOUT_MS")),
                        Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_READ_TIMEOUT_MS")),
                        Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_REQUEST_TIMEOUT_MS"))),
                new Politeness(Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_HOST_DELAY_MS")),
                        parseInt(get, "OFFICIALBLOGS_MAX_CONCURRENT_FETCHES"),
                        Duration.ofSeconds(parseLong(get, "OFFICIALBLOGS_CRAWL_LEASE_SECONDS"))),
                new Windows(parseInt(get, "OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS"),
                        parseInt(get, "OFFICIALBLOGS_BACKFILL_HORIZON_DAYS"),
                        parseInt(get, "OFFICIALBLOGS_BACKFILL_MAX_PAGES")),
                new Limits(parseInt(get, "OFFICIALBLOGS_SUBMISSIONS_PER_HOUR"),
                        parseInt(get, "OFFICIALBLOGS_API_REQUESTS_PER_MINUTE"),
                        parseInt(get, "OFFICIALBLOGS_MAX_CONCURRENT_LOGINS"),
                        Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS")),
                        parseInt(get, "OFFICIALBLOGS_REQUEST_BODY_MIN_RATE"),
                        parseInt(get, "OFFICIALBLOGS_THREADS_PER_ADDRESS")),
                new Archive(parseUri(get, "OFFICIALBLOGS_ARCHIVE_ENDPOINT"),
                        Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_ARCHIVE_DELAY_MS"))),
                new Discovery(parseUri(get, "OFFICIALBLOGS_WIKIDATA_ENDPOINT")));
    }

    /** A config for tests and tools: defaults, with the given overrides (keys are environment variable names). */
    public static Config defaults(Map<String, String> overrides) {
        return fromValues(overrides);
    }

    /** The database password: OFFICIALBLOGS_DB_PASSWORD, else the first line of OFFICIALBLOGS_DB_PASSWORD_FILE. */
    private static String password(Function<String, String> get) {
        String given = get.apply("OFFICIALBLOGS_DB_PASSWORD");
        String file = get.apply("OFFICIALBLOGS_DB_PASSWORD_FILE");
        if (!given.isEmpty() && !file.isEmpty()) {
            throw new InvalidConfigException("give OFFICIALBLOGS_DB_PASSWORD or OFFICIALBLOGS_DB_PASSWORD_FILE, not both");
        }
        if (file.isEmpty()) return given;
        try {
            List<String> lines = java.nio.file.Files.readAllLines(Path.of(file));
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (java.io.IOException | RuntimeException e) {
            throw new InvalidConfigException("OFFICIALBLOGS_DB_PASSWORD_FILE cannot be read: " + file + " (" + e.getMessage() + ")");
        }
    }

    private static int parseInt(Function<String, String> get, String name) {
        return parseNumber(get, name, Integer::parseInt);
    }

    private static long parseLong(Function<String, String> get, String name) {
        return parseNumber(get, name, Long::parseLong);
    }

    /** A whole number, or a message that names the setting and the value. */
    private static <T> T parseNumber(Function<String, String> get, String name, Function<String, T> parse) {
        String v = get.apply(name);
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static List<String> parseList(Function<String, String> get, String name) {
        List<String> items = new ArrayList<>();
        for (String part : get.apply(name).split(",")) {
            if (!part.isBlank()) items.add(part.strip());
        }
        return List.copyOf(items);
    }

    private static URI parseUri(Function<String, String> get, String name) {
        String v = get.apply(name);
        try {
            return new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(name + " is not a URL: " + v);
        }
    }

    private static boolean parseBoolean(Function<String, String> get, String name) {
        String v = get.apply(name).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidConfigException(name + " must be true or false, got '" + v + "'");
        };
    }
}
