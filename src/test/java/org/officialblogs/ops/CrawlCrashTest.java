package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.LoopbackSite;

/**
 * SIGKILL in the middle of a crawl run by a real child process, then a restart: the database passes
 * integrity_check, every post stored before the kill is still there, and a second `crawl` picks up exactly the
 * blogs the first one did not finish, from the schedule in the database.
 */
class CrawlCrashTest {

    static final int BLOGS = 60;
    static final int ITEMS = 5;

    @TempDir
    Path dir;
    LoopbackSite site;

    @BeforeEach
    void serveSlowFeeds() throws Exception {
        site = new LoopbackSite();
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        for (int i = 0; i < BLOGS; i++) {
            StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Blog " + i + "</title>");
            for (int j = 0; j < ITEMS; j++) {
                feed.append("<item><title>Post ").append(j).append("</title><guid>b").append(i).append("-").append(j)
                        .append("</guid><pubDate>").append(rfc.format(Instant.now().minus(Duration.ofDays(j + 1))))
                        .append("</pubDate></item>");
            }
            byte[] body = feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
            // slow answers, one at a time (see the settings below): the crawl lasts several seconds
            site.on("/b" + i + "/feed.xml", ex -> {
                try {
                    Thread.sleep(120);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LoopbackSite.send(ex, 200, body, "application/rss+xml");
            });
        }
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void killedMidCrawlLosesNothingAndTheNextCrawlResumesFromTheSchedule() throws Exception {
        Path data = dir.resolve("data");
        Path db = data.resolve("officialblogs.db");
        Map<String, String> env = Map.of("OFFICIALBLOGS_DATA_DIR", data.toString(),
                "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true", "OFFICIALBLOGS_HOST_DELAY_MS", "0",
                "OFFICIALBLOGS_MAX_CONCURRENT_FETCHES", "1");
        Path csv = dir.resolve("blogs.csv");
        StringBuilder rows = new StringBuilder("name,office,country,level,branch,blog_url,feed_url,sources\n");
        for (int i = 0; i < BLOGS; i++) {
            rows.append("Official ").append(i).append(",Mayor,FR,local,executive,").append(site.url("/b" + i + "/"))
                    .append(',').append(site.url("/b" + i + "/feed.xml")).append(",https://example.org/s\n");
        }
        Files.writeString(csv, rows);
        try (AppProcess importer = AppProcess.start(dir.resolve("import"), env, "import", csv.toString())) {
            assertThat(importer.awaitExit(Duration.ofSeconds(60))).as(importer.stderr()).isZero();
        }

        long crawledBeforeKill;
        long postsBeforeKill;
        try (AppProcess crawl = AppProcess.start(dir.resolve("crawl1"), env, "crawl")) {
            crawl.await("ten blogs crawled", Duration.ofSeconds(60),
                    () -> peek(db, "SELECT count(*) FROM crawl_state WHERE last_success_at IS NOT NULL") >= 10);
            crawledBeforeKill = peek(db, "SELECT count(*) FROM crawl_state WHERE last_success_at IS NOT NULL");
            postsBeforeKill = peek(db, "SELECT count(*) FROM post");
            assertThat(crawl.kill()).isEqualTo(137);
            assertThat(crawl.stdout()).as("killed before its summary").doesNotContain("crawled ");
        }
        assertThat(crawledBeforeKill).isLessThan(BLOGS);

        long crawledAfterKill;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(one(s, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(Long.parseLong(one(s, "SELECT count(*) FROM post"))).as("nothing committed is lost")
                    .isGreaterThanOrEqualTo(postsBeforeKill);
            crawledAfterKill = Long.parseLong(one(s, "SELECT count(*) FROM crawl_state WHERE last_success_at IS NOT NULL"));
            // a blog whose crawl state says it succeeded has all its posts: posts are stored before the state
            assertThat(one(s, "SELECT count(*) FROM crawl_state cs WHERE cs.last_success_at IS NOT NULL AND "
                    + "(SELECT count(*) FROM post p WHERE p.blog_id = cs.blog_id) <> " + ITEMS)).isEqualTo("0");
        }

        try (AppProcess resume = AppProcess.start(dir.resolve("crawl2"), env, "crawl")) {
            assertThat(resume.awaitExit(Duration.ofSeconds(120))).as(resume.stderr()).isZero();
            Matcher m = java.util.regex.Pattern.compile("crawled (\\d+) blogs").matcher(resume.stdout());
            assertThat(m.find()).as(resume.stdout()).isTrue();
            assertThat(Long.parseLong(m.group(1))).as("only what the killed run had not finished")
                    .isEqualTo(BLOGS - crawledAfterKill);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(one(s, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(one(s, "SELECT count(*) FROM post")).isEqualTo(String.valueOf(BLOGS * ITEMS));
            assertThat(one(s, "SELECT count(*) FROM crawl_state WHERE last_success_at IS NOT NULL"))
                    .isEqualTo(String.valueOf(BLOGS));
        }
    }

    private static long peek(Path db, String sql) {
        if (!Files.exists(db)) return 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 2000");
            return Long.parseLong(one(s, sql));
        } catch (SQLException e) {
            return 0; // the schema may not be there yet
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
