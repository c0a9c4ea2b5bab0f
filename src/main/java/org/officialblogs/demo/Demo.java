package org.officialblogs.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlRunner;
import org.officialblogs.crawl.CrawlTarget;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.metrics.Listing;
import org.officialblogs.metrics.RankingSort;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * The demo: a synthetic web of a few hundred blogs served on loopback, imported as a registry of synthetic officials
 * into a directory of its own, crawled for real by the crawler within a time budget, and an application over it
 * ready to serve. Every name, blog note and source says that it is synthetic, and the site and its files carry
 * {@link #NOTICE}. The demo never reads or writes the real data directory: it takes only the directory it is given,
 * and refuses one that holds anything but an earlier demo.
 */
public final class Demo implements AutoCloseable {

    /** Shown on every page and in the title of every file the demo's site offers. */
    public static final String NOTICE = "Demo: every official and blog on this site is synthetic, made up by the demo"
            + " and served from this computer. Nothing here is about a real person.";
    /** What a synthetic official's name ends with, so that every row of every file says it. */
    public static final String NAME_MARK = " (synthetic)";
    /** The file that marks a directory as the demo's: the demo empties only a directory that has it. */
    public static final String MARKER = "DEMO-README.txt";
    /** The crawl stops starting new blogs once this much of the budget is gone, so the site is up within the budget. */
    static final double CRAWL_SHARE = 0.75;
    static final int CHUNK = 50;

    /** The demo's size and place. {@code budget} bounds the time from start to a site ready to serve. */
    public record Settings(Path dir, int port, String bind, int blogs, long seed, Duration budget) {

        public static final int DEFAULT_BLOGS = 300;
        public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

        public Settings {
            if (blogs < 1 || blogs > 5_000) throw new IllegalArgumentException("the demo has 1 to 5,000 blogs, not " + blogs);
        }
    }

    /** How the start went: blogs crawled of all, how many ranked, and the time to a site ready to serve. */
    public record Report(int blogs, int crawled, int ranked, CrawlRunner.Summary lastChunk, Duration ready) {}

    /** Thrown when the directory is not the demo's; the message says what to do. */
    public static final class NotADemoDirectory extends RuntimeException {
        NotADemoDirectory(String message) {
            super(message);
        }
    }

    private final SyntheticWeb web;
    private final SyntheticWebServer server;
    public final App app;
    private final Settings settings;

    private Demo(Settings settings, SyntheticWeb web, SyntheticWebServer server, App app) {
        this.settings = settings;
        this.web = web;
        this.server = server;
        this.app = app;
    }

    /**
     * Prepares the directory, serves the synthetic web and opens an application over the directory (not yet
     * crawled, not yet serving pages).
     */
    public static Demo open(Settings settings) throws IOException {
        prepare(settings.dir());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // 30 posts a blog on average over 400 days: a year of weekly charts, and comment threads on recent posts
        SyntheticWeb web = new SyntheticWeb(settings.seed(), settings.blogs(), 30, 400, now);
        SyntheticWebServer server = new SyntheticWebServer(web);
        try {
            Map<String, List<InetAddress>> hosts = new HashMap<>();
            for (SyntheticWeb.Blog b : web.blogs()) hosts.put(b.host(), List.of(InetAddress.getLoopbackAddress()));
            App app = new App(config(settings), App.Parts.production()
                    .withResolver(HostResolver.withOverrides(hosts, HostResolver.system()))
                    .withNotice(NOTICE));
            return new Demo(settings, web, server, app);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The demo's settings: its own directory and database, loopback allowed, a short delay between requests. */
    static Config config(Settings settings) {
        Map<String, String> values = new HashMap<>();
        values.put("OFFICIALBLOGS_DATA_DIR", settings.dir().toString());
        values.put("OFFICIALBLOGS_PORT", Integer.toString(settings.port()));
        values.put("OFFICIALBLOGS_BIND", settings.bind() == null ? "" : settings.bind());
        String host = settings.bind() == null || settings.bind().isEmpty() || settings.bind().equals("0.0.0.0")
                ? "localhost" : settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        values.put("OFFICIALBLOGS_BASE_URL", "http://" + host + ":" + (settings.port() == 0 ? 7070 : settings.port()));
        values.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true");
        // every synthetic blog is its own host on this computer: the politeness delay protects nobody here
        values.put("OFFICIALBLOGS_HOST_DELAY_MS", "20");
        values.put("OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS", "60");
        values.put("OFFICIALBLOGS_BACKFILL_HORIZON_DAYS", "410");
        return Config.fromValues(values);
    }

    /**
     * Makes {@code dir} the demo's: creates it, or empties an earlier demo's database and downloads; refuses a
     * directory that holds anything else, so a real data directory is never touched.
     */
    static void prepare(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new NotADemoDirectory(dir + " is a file, not a directory. Choose another with --dir.");
        }
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new NotADemoDirectory(dir.toAbsolutePath() + " is not empty and is not a demo directory (it"
                            + " has no " + MARKER + "); the demo never writes into a real data directory. Choose an"
                            + " empty or new directory with --dir.");
                }
            }
        }
        Files.createDirectories(dir);
        for (String name : List.of("officialblogs.db", "officialblogs.db-wal", "officialblogs.db-shm")) {
            Files.deleteIfExists(dir.resolve(name));
        }
        for (String sub : List.of("downloads", "uploads")) {
            Path d = dir.resolve(sub);
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
                for (Path f : files) if (Files.isRegularFile(f)) Files.delete(f);
            }
        }
        Files.writeString(dir.resolve(MARKER), """
                This directory holds the demo of Official Blogs (`official-blogs demo`).
                Everything in it is synthetic: the officials, their blogs, posts and comments were made up by the
                demo's generator and served from this computer. Nothing here is about a real person.
                The demo empties and rebuilds this directory each time it starts; it never touches the real data
                directory.
                """, StandardCharsets.UTF_8);
    }

    /** The registry of synthetic officials, in the import format, each row marked synthetic in name, notes and source. */
    String registryCsv() {
        StringBuilder csv = new StringBuilder("name,office,country,level,branch,blog_url,feed_url,authorship,notes,sources\n");
        for (SyntheticWeb.Blog b : web.blogs()) {
            String base = server.base(b);
            // the generator draws level and branch apart from the office; a demo reads better when they agree
            csv.append(b.official()).append(NAME_MARK).append(',').append(b.office()).append(',').append(b.country())
                    .append(',').append(levelOf(b.office())).append(',').append(Branch.fromOffice(b.office()).code())
                    .append(',').append(base).append("/,")
                    .append(base).append(b.feedPath()).append(",self,")
                    .append("Synthetic: made up by the demo; not a real official or blog.,")
                    .append(base).append(SyntheticWebServer.ABOUT_PATH).append('\n');
        }
        return csv.toString();
    }

    /** The level a synthetic office is held at: a city's offices are local, a governor's regional. */
    static String levelOf(String office) {
        String o = office.toLowerCase(java.util.Locale.ROOT);
        if (o.contains("mayor") || o.contains("city")) return "local";
        if (o.contains("governor") && !o.contains("bank")) return "regional";
        return "national";
    }

    /**
     * Imports the synthetic registry and crawls it for real, in chunks, until every blog is read or most of the
     * budget is gone; then recomputes the metrics and builds the SQLite download. {@code progress} gets a line now
     * and then.
     */
    public Report start(Consumer<String> progress) throws IOException {
        long started = System.nanoTime();
        RegistryImporter.Report imported = app.importer.importCsv(registryCsv().getBytes(StandardCharsets.UTF_8),
                Origin.IMPORT, "demo");
        if (!imported.rejected().isEmpty()) {
            throw new IllegalStateException("the synthetic registry did not import: " + imported.rejected().get(0));
        }
        progress.accept("Serving " + web.blogs().size() + " synthetic blogs on " + InetAddress.getLoopbackAddress()
                .getHostAddress() + ":" + server.port() + "; crawling them for real...");
        app.crawl.scheduleNewBlogs(app.clock.instant());
        List<CrawlTarget> all = app.crawl.all();
        long crawlDeadline = started + (long) (settings.budget().toNanos() * CRAWL_SHARE);
        int crawled = 0;
        CrawlRunner.Summary last = null;
        for (int from = 0; from < all.size(); from += CHUNK) {
            if (System.nanoTime() > crawlDeadline) {
                progress.accept("Time is up for crawling: " + crawled + " of " + all.size() + " blogs read; the"
                        + " scheduler reads the others while the site runs.");
                break;
            }
            last = app.crawlRunner.run(all.subList(from, Math.min(all.size(), from + CHUNK)), CrawlRunner.Progress.NONE);
            crawled += last.blogs();
            progress.accept("Crawled " + crawled + " of " + all.size() + " blogs.");
        }
        app.metrics.recomputeAll(app.clock.instant());
        app.exporter.sqliteDownload().build();
        int ranked = app.metricsReads.rankings(new MetricsReadDao.RankingFilter(Listing.RANKED, null, null, null, null,
                null, RankingSort.RANK, false, 1, 1)).total();
        return new Report(all.size(), crawled, ranked, last, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void close() {
        app.close();
        server.close();
    }
}
