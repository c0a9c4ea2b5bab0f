package org.officialblogs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.SqliteFile;
import org.officialblogs.registry.PreparedSeed;
import org.officialblogs.registry.SeedLoader;

/**
 * The build's training run for the class-data archive ({@code target/official-blogs.jsa}): the package phase runs
 * it as {@code java -XX:ArchiveClassesAtExit=target/official-blogs.jsa -cp target/official-blogs.jar ...}, and the
 * JVM writes every class it loaded into the archive when this run exits. A later {@code java
 * -XX:SharedArchiveFile=target/official-blogs.jsa -jar target/official-blogs.jar serve} maps those classes already
 * parsed and verified instead of reading them from the jar one by one.
 *
 * <p>It starts the app as {@code serve} does, on a new temporary data directory (so the seed is loaded) and a free
 * loopback port, asks for the main pages through the crawler's own fetcher (which brings the crawler's network
 * stack into the archive too), stops, and deletes the directory. It never touches {@code ./data}, needs no network
 * beyond loopback and no display. A failure is reported in one line and does not fail the build: the archive then
 * holds only what was loaded until then, and start-up is slower.
 */
public final class ClassDataTraining {

    /** The pages asked for: the ones visitors open first, the API, the feeds and the static files. */
    static final List<String> PAGES = List.of("/", "/?tab=historical", "/?tab=all", "/?country=DE&sort=name",
            "/officials/1", "/officials/2", "/recent", "/recent.atom", "/new-blogs.atom", "/methodology", "/health",
            "/api", "/api/v1/blogs", "/api/v1/officials", "/api/v1/officials/1", "/data", "/submit", "/login",
            "/static/style.css", "/static/filters.js", "/no-such-page");

    private ClassDataTraining() {}

    /** {@code args[0]}: the archive the JVM writes at exit; an older one is removed first so none is left stale. */
    public static void main(String[] args) {
        Path archive = Path.of(args.length > 0 ? args[0] : "target/official-blogs.jsa");
        try {
            Files.deleteIfExists(archive);
            Path folder = archive.toAbsolutePath().getParent();
            PreparedSeed.removeOld(folder);
            Path dir = Files.createTempDirectory("official-blogs-training");
            try {
                run(dir, folder);
            } finally {
                deleteTree(dir);
            }
        } catch (RuntimeException | IOException e) {
            // the archive still holds what was loaded so far: valid for this jar, only less complete
            System.err.println("class-data training stopped early (start-up will be slower): " + CommandFailure.line(e));
        }
        // the JVM writes the archive as it exits
        System.exit(0);
    }

    static void run(Path dir, Path folder) {
        Config config = Config.fromValues(Map.of(
                "OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_PORT", "0",
                "OFFICIALBLOGS_BIND", "127.0.0.1",
                "OFFICIALBLOGS_SCHEDULER", "false",
                "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true",
                "OFFICIALBLOGS_HOST_DELAY_MS", "0"));
        ServeCommand.Started started = ServeCommand.start(config);
        try {
            prepareSeed(config, folder);
            int failed = 0;
            for (String page : PAGES) {
                // robots.txt is read for the first page, as a crawl reads it, so its parser is in the archive too; it
                // keeps crawlers off some of these pages, which the training asks for as a visitor would
                FetchResult r = fetch(started, page, page.equals(PAGES.get(0)));
                // a page may fairly be absent (no second official); a failure to answer is not
                if (!r.ok() && r.status() == 0) failed++;
            }
            ServeCommand.warmUp(started.app());
            awaitSqliteDownload(started);
            for (String page : PAGES.subList(0, 3)) fetch(started, page, false);
            if (failed > 0) throw new IllegalStateException(failed + " of " + PAGES.size() + " pages did not answer");
        } finally {
            started.web().stop();
            started.app().close();
        }
    }

    /**
     * Keeps a copy of the new database as it is once the seed is in (before any page is asked for or any metric
     * computed): a new data directory beside this jar starts from it (see {@link PreparedSeed}).
     */
    private static void prepareSeed(Config config, Path folder) {
        byte[] seed = SeedLoader.bundledSeed();
        if (seed == null || folder == null) return;
        Path target = folder.resolve(PreparedSeed.fileName(seed));
        DatabaseBackup.BackupReport report = new DatabaseBackup(Clock.systemUTC())
                .backup(new SqliteFile(config.storage().databaseFile()), target, true);
        if (report.outcome() != DatabaseBackup.Outcome.DONE) {
            System.err.println("prepared seed database not written (the first start will import the seed): "
                    + report.message());
        }
    }

    /** The SQLite download is built in the background after start; the directory must outlive it. */
    private static void awaitSqliteDownload(ServeCommand.Started started) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (started.app().exporter.sqliteDownload().building() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static FetchResult fetch(ServeCommand.Started started, String page, boolean asACrawler) {
        URI uri = URI.create("http://127.0.0.1:" + started.web().port() + page);
        FetchRequest request = FetchRequest.page(uri);
        return started.app().fetcher.fetch(asACrawler ? request : request.withSkipRobots());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
