package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.officialblogs.cli.Main;
import org.officialblogs.demo.Demo;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.PostgresCluster;
import org.officialblogs.testkit.TestServer;

/**
 * The same data on SQLite and on PostgreSQL gives the same answers: the demo's synthetic web is crawled for real into
 * a SQLite database, copied with {@code migrate-to-postgres}, and the site is served over each; the pages, the read
 * API and the exported files must be byte for byte the same; the one difference let through is the time a file was
 * made (feeds.opml's dateCreated), since each app writes its export at its own moment. The throwaway cluster sorts
 * text by byte (locale C), as SQLite does and as docs/operations.md asks of a production database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineParityTest {

    @TempDir
    static Path dir;
    TestServer sqlite;
    TestServer postgres;
    long officialId;
    long blogId;

    @BeforeAll
    void crawlMigrateAndServeBoth() throws Exception {
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        Path demoDir = dir.resolve("demo");
        try (Demo demo = Demo.open(new Demo.Settings(demoDir, 0, "127.0.0.1", 40, 7, Duration.ofSeconds(60)))) {
            Demo.Report report = demo.start(line -> {});
            assertThat(report.crawled()).isEqualTo(40);
        }
        String sqliteUrl = "jdbc:sqlite:" + demoDir.resolve("officialblogs.db");
        String pgUrl = PostgresCluster.freshDatabase();
        var out = new java.io.StringWriter();
        var cl = Main.commandLine(new java.io.ByteArrayInputStream(new byte[0]), null);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(out, true));
        int exit = cl.execute("migrate-to-postgres", "--from=" + demoDir.resolve("officialblogs.db"), "--to=" + pgUrl);
        assertThat(exit).as(out.toString()).isZero();

        Clock pages = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Map<String, String> common = Map.of("OFFICIALBLOGS_BASE_URL", "http://parity.test");
        sqlite = new TestServer(dir.resolve("sqlite-data"), new UnavailableBlogPreviewer(),
                with(common, "OFFICIALBLOGS_DB_URL", sqliteUrl), pages);
        postgres = new TestServer(dir.resolve("pg-data"), new UnavailableBlogPreviewer(),
                with(common, "OFFICIALBLOGS_DB_URL", pgUrl), pages);
        officialId = sqlite.count("SELECT min(official_id) FROM blog_metrics WHERE status = 'active'");
        blogId = sqlite.count("SELECT min(blog_id) FROM blog_metrics WHERE status = 'active'");
        assertThat(officialId).isPositive();
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    @AfterAll
    void stop() {
        if (sqlite != null) sqlite.close();
        if (postgres != null) postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?tab=historical", "/?tab=all", "/?sort=name", "/recent", "/api/v1/blogs",
            "/api/v1/blogs?status=active&sort=name", "/api/v1/officials", "/api/v1/rankings"})
    void theSamePage(String path) {
        same(path);
    }

    @Test
    void theSameProfileAndBlog() {
        same("/officials/" + officialId);
        same("/api/v1/blogs/" + blogId);
        same("/officials/" + officialId + ".atom");
        same("/api/v1/officials/" + officialId);
        same("/api/v1/blogs/" + blogId + "/posts");
        same("/api/v1/blogs/" + blogId + "/metrics");
    }

    void same(String path) {
        HttpResponse<String> a = sqlite.get(path);
        HttpResponse<String> b = postgres.get(path);
        assertThat(a.statusCode()).as(path).isEqualTo(200);
        assertThat(b.statusCode()).as(path).isEqualTo(a.statusCode());
        assertThat(b.body()).as(path + " on PostgreSQL vs SQLite").isEqualTo(a.body());
    }

    /** A file's text without the time it was written (OPML's dateCreated). */
    static String withoutCreationTime(String text) {
        return text.replaceAll("<dateCreated>[^<]*</dateCreated>", "<dateCreated/>");
    }

    @Test
    void theSameExportedFiles() throws Exception {
        Path a = dir.resolve("export-sqlite");
        Path b = dir.resolve("export-pg");
        sqlite.app.exporter.exportTo(a, ExportFilter.NONE, w -> {});
        postgres.app.exporter.exportTo(b, ExportFilter.NONE, w -> {});
        List<String> compared = new ArrayList<>();
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".csv") && !name.endsWith(".ndjson") && !name.equals("popolo.json") && !name.equals("feeds.opml")) continue;
                assertThat(withoutCreationTime(Files.readString(b.resolve(name)))).as(name)
                        .isEqualTo(withoutCreationTime(Files.readString(f)));
                compared.add(name);
            }
        }
        assertThat(compared).contains("officials.csv", "blogs.csv", "posts.csv", "comments.csv", "crawl_log.csv", "popolo.json");
    }
}
