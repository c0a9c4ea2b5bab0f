package org.officialblogs.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.CrawlOutcome;
import org.officialblogs.crawl.CrawlState;
import org.officialblogs.registry.Origin;

/** The whole application over a temporary database, with a clock the test moves, for crawl scenarios on loopback. */
public final class CrawlTestApp implements AutoCloseable {

    public final MutableClock clock;
    public final App app;

    public CrawlTestApp(Path dir, Instant start, Map<String, String> settings) {
        this(dir, start, settings, null);
    }

    /** @param resolver answers host names (a synthetic web's {@code blogN.test} on loopback), or null for the system's */
    public CrawlTestApp(Path dir, Instant start, Map<String, String> settings,
            org.officialblogs.crawl.fetch.HostResolver resolver) {
        clock = new MutableClock(start);
        Map<String, String> values = new HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0",
                "OFFICIALBLOGS_DATA_DIR", dir.toString(), "OFFICIALBLOGS_SCHEDULER", "false",
                "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true", "OFFICIALBLOGS_HOST_DELAY_MS", "0",
                "OFFICIALBLOGS_CONNECT_TIMEOUT_MS", "1000", "OFFICIALBLOGS_READ_TIMEOUT_MS", "1000",
                "OFFICIALBLOGS_REQUEST_TIMEOUT_MS", "2500"));
        values.putAll(settings);
        TestDb.putMigratedDatabase(values);
        App.Parts parts = App.Parts.production().withClock(clock);
        app = new App(Config.fromValues(values), resolver == null ? parts : parts.withResolver(resolver));
    }

    /** Lists an official with a blog at the given addresses (feed may be null); returns the blog's id. */
    public long addBlog(String name, String siteUrl, String feedUrl) {
        String csv = "name,office,country,level,branch,blog_url,feed_url,sources\n"
                + name + ",Mayor,FR,local,executive," + siteUrl + "," + (feedUrl == null ? "" : feedUrl)
                + ",https://example.org/evidence\n";
        var report = app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test");
        if (!report.rejected().isEmpty()) throw new IllegalStateException(report.rejected().toString());
        return app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT b.id FROM blog b JOIN official o ON o.id = b.official_id WHERE o.name = :n")
                .bind("n", name).mapTo(Long.class).one());
    }

    public CrawlOutcome crawl(long blogId) {
        return app.crawlRunner.runOne(blogId).orElseThrow(() -> new AssertionError("blog " + blogId + " not crawlable"));
    }

    public CrawlState state(long blogId) {
        return app.crawl.state(blogId).orElseThrow();
    }

    public String blogColumn(long blogId, String column) {
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM blog WHERE id = :id")
                .bind("id", blogId).mapTo(String.class).one());
    }

    public long count(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        app.close();
    }
}
