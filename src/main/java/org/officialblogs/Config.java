package org.officialblogs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The application's settings: one immutable record, built from flags and OFFICIALBLOGS_* environment variables,
 * validated once at start so a bad value stops the app with a message that names the variable.
 */
public record Config(
        int port,
        Path dataDir,
        String dbUrl,
        URI baseUrl,
        boolean allowPrivateNetwork,
        Duration hostDelay,
        int maxConcurrentFetches,
        long maxBodyBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration requestTimeout,
        int measurementWindowDays,
        int backfillHorizonDays,
        int backfillMaxPages,
        boolean schedulerEnabled,
        int submissionsPerHour,
        int apiRequestsPerMinute,
        URI archiveEndpoint,
        Duration archiveDelay,
        // serving and its limits: the listen address, /metrics, logins, slow clients, database waits
        String bind,
        int metricsPort,
        List<String> metricsAllow,
        int maxConcurrentLogins,
        Duration requestBodyTimeout,
        int requestBodyMinRate,
        int threadsPerAddress,
        Duration dbBusyTimeout,
        // discovery
        URI wikidataEndpoint,
        // the user and password of a PostgreSQL database (OFFICIALBLOGS_DB_USER, _DB_PASSWORD or _DB_PASSWORD_FILE)
        org.officialblogs.db.DatabaseLogin dbLogin) {

    public static final String ENV_PREFIX = "OFFICIALBLOGS_";

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
            new Setting("OFFICIALBLOGS_DB_BUSY_TIMEOUT_MS", "5000", "Longest wait for a write while another process or writer holds the database; then 503 with Retry-After"),

new Setting("OFFICIALBLOGS_WIKIDATA_ENDPOINT", "https://query.wikidata.org/sparql", "SPARQL endpoint `discover wikidata` and `enrich wikidata` ask"));

    /** Thrown for a setting that cannot be used; the message names the setting and the value. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    public Config {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) problems.add("OFFICIALBLOGS_PORT must be between 0 and 65535, got " + port);
        if (dataDir == null) problems.add("OFFICIALBLOGS_DATA_DIR must be set");
        if (!org.officialblogs.db.Dialect.supports(dbUrl)) {
            problems.add("OFFICIALBLOGS_DB_URL must be jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE, got " + dbUrl);
        }
        if (dbLogin == null) dbLogin = org.officialblogs.db.DatabaseLogin.NONE;
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            problems.add("OFFICIALBLOGS_BASE_URL must be an absolute http(s) URL, got " + baseUrl);
        }
        if (hostDelay == null || hostDelay.isNegative()) problems.add("OFFICIALBLOGS_HOST_DELAY_MS must be >= 0");
        if (maxConcurrentFetches < 1 || maxConcurrentFetches > 512) {
            problems.add("OFFICIALBLOGS_MAX_CONCURRENT_FETCHES must be between 1 and 512, got " + maxConcurrentFetches);
        }
        if (maxBodyBytes < 1024) problems.add("OFFICIALBLOGS_MAX_BODY_BYTES must be at least 1024, got " + maxBodyBytes);
        for (var t : List.of(Map.entry("CONNECT", connectTimeout), Map.entry("READ", readTimeout),
                Map.entry("REQUEST", requestTimeout))) {
            if (t.getValue() == null || t.getValue().isZero() || t.getValue().isNegative()) {
                problems.add("OFFICIALBLOGS_" + t.getKey() + "_TIMEOUT_MS must be > 0");
            }
        }
        if (measurementWindowDays < 1) problems.add("OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS must be >= 1");
        if (backfillHorizonDays < 1) problems.add("OFFICIALBLOGS_BACKFILL_HORIZON_DAYS must be >= 1");
        if (backfillMaxPages < 1) problems.add("OFFICIALBLOGS_BACKFILL_MAX_PAGES must be >= 1");
        if (submissionsPerHour < 1) problems.add("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR must be >= 1, got " + submissionsPerHour);
        if (apiRequestsPerMinute < 1) problems.add("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE must be >= 1, got " + apiRequestsPerMinute);
        if (archiveEndpoint == null || !("http".equals(archiveEndpoint.getScheme()) || "https".equals(archiveEndpoint.getScheme()))
                || archiveEndpoint.getHost() == null || archiveEndpoint.getRawQuery() != null) {
            problems.add("OFFICIALBLOGS_ARCHIVE_ENDPOINT must be an absolute http(s) URL without a query, got " + archiveEndpoint);
        }
        if (archiveDelay == null || archiveDelay.isNegative()) problems.add("OFFICIALBLOGS_ARCHIVE_DELAY_MS must be >= 0");
        if (bind == null) problems.add("OFFICIALBLOGS_BIND must be an address or empty");
        if (metricsPort < -1 || metricsPort > 65535) problems.add("OFFICIALBLOGS_METRICS_PORT must be between 0 and 65535, got " + metricsPort);
        if (metricsPort > 0 && metricsPort == port) problems.add("OFFICIALBLOGS_METRICS_PORT must differ from OFFICIALBLOGS_PORT, got " + metricsPort);
        if (metricsAllow == null) {
            problems.add("OFFICIALBLOGS_METRICS_ALLOW must be a list of addresses or ranges");
        } else {
            for (String range : metricsAllow) {
                org.officialblogs.ops.AddressRange.problem(range).ifPresent(p -> problems.add("OFFICIALBLOGS_METRICS_ALLOW: " + p));
            }
        }
        if (maxConcurrentLogins < 1 || maxConcurrentLogins > 64) {
            problems.add("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS must be between 1 and 64, got " + maxConcurrentLogins);
        }
        if (requestBodyTimeout == null || requestBodyTimeout.toMillis() < 100) problems.add("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS must be >= 100");
        if (requestBodyMinRate < 0) problems.add("OFFICIALBLOGS_REQUEST_BODY_MIN_RATE must be >= 0 (0: no minimum), got " + requestBodyMinRate);
        if (threadsPerAddress < 1) problems.add("OFFICIALBLOGS_THREADS_PER_ADDRESS must be >= 1, got " + threadsPerAddress);
        if (dbBusyTimeout == null || dbBusyTimeout.isNegative()) problems.add("OFFICIALBLOGS_DB_BUSY_TIMEOUT_MS must be >= 0");
        if (wikidataEndpoint == null || !("http".equals(wikidataEndpoint.getScheme()) || "https".equals(wikidataEndpoint.getScheme()))
                || wikidataEndpoint.getHost() == null) {
            problems.add("OFFICIALBLOGS_WIKIDATA_ENDPOINT must be an absolute http(s) URL, got " + wikidataEndpoint);
        }
        if (!problems.isEmpty()) throw new InvalidConfigException(String.join("; ", problems));
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

    /** Builds a config from a map of raw values keyed by environment variable name (flags already merged in). */
    public static Config fromValues(Map<String, String> values) {
        Function<String, String> get = name -> {
            String v = values.get(name);
            if (v == null || v.isBlank()) {
                v = SETTINGS.stream().filter(s -> s.env().equals(name)).findFirst().orElseThrow().defaultValue();
            }
            return v.trim();
        };
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
                port, dataDir, dbUrl, baseUrl,
                parseBoolean(get, "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK"),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_HOST_DELAY_MS")),
                parseInt(get, "OFFICIALBLOGS_MAX_CONCURRENT_FETCHES"),
                parseLong(get, "OFFICIALBLOGS_MAX_BODY_BYTES"),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_CONNECT_TIMEOUT_MS")),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_READ_TIMEOUT_MS")),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_REQUEST_TIMEOUT_MS")),
                parseInt(get, "OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS"),
                parseInt(get, "OFFICIALBLOGS_BACKFILL_HORIZON_DAYS"),
                parseInt(get, "OFFICIALBLOGS_BACKFILL_MAX_PAGES"),
                parseBoolean(get, "OFFICIALBLOGS_SCHEDULER"),
                parseInt(get, "OFFICIALBLOGS_SUBMISSIONS_PER_HOUR"),
                parseInt(get, "OFFICIALBLOGS_API_REQUESTS_PER_MINUTE"),
                parseUri(get, "OFFICIALBLOGS_ARCHIVE_ENDPOINT"),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_ARCHIVE_DELAY_MS")),
                get.apply("OFFICIALBLOGS_BIND"),
                get.apply("OFFICIALBLOGS_METRICS_PORT").isEmpty() ? -1 : parseInt(get, "OFFICIALBLOGS_METRICS_PORT"),
                parseList(get, "OFFICIALBLOGS_METRICS_ALLOW"),
                parseInt(get, "OFFICIALBLOGS_MAX_CONCURRENT_LOGINS"),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS")),
                parseInt(get, "OFFICIALBLOGS_REQUEST_BODY_MIN_RATE"),
                parseInt(get, "OFFICIALBLOGS_THREADS_PER_ADDRESS"),
                Duration.ofMillis(parseLong(get, "OFFICIALBLOGS_DB_BUSY_TIMEOUT_MS")),
                parseUri(get, "OFFICIALBLOGS_WIKIDATA_ENDPOINT"),
                new org.officialblogs.db.DatabaseLogin(get.apply("OFFICIALBLOGS_DB_USER"), password(get)));
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

    /** A config for tests and tools: defaults, with the given overrides (keys are environment variable names). */
    public static Config defaults(Map<String, String> overrides) {
        return fromValues(overrides);
    }

    private static int parseInt(Function<String, String> get, String name) {
        String v = get.apply(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static long parseLong(Function<String, String> get, String name) {
        String v = get.apply(name);
        try {
            return Long.parseLong(v);
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

    /** True when /metrics has its own port rather than the site's. */
    public boolean metricsOnOwnPort() {
        return metricsPort >= 0;
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
