package org.officialblogs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.javalin.Javalin;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.cli.Main;

/**
 * The demo as a newcomer runs it: its own directory, the synthetic web crawled for real, ranked rows within its time
 * budget, profiles with charts, /recent and the downloads, and "synthetic" said on every page and in every file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest {

    Path dir;
    Demo demo;
    Demo.Report report;
    Javalin web;
    URI base;
    final HttpClient http = HttpClient.newHttpClient();
    final List<String> progress = new ArrayList<>();

    @BeforeAll
    void startTheDemo(@TempDir Path tmp) throws Exception {
        dir = tmp;
        demo = Demo.open(new Demo.Settings(dir.resolve("demo"), 0, "127.0.0.1", Demo.Settings.DEFAULT_BLOGS, 42,
                Demo.Settings.DEFAULT_BUDGET));
        report = demo.start(progress::add);
        web = demo.app.webApp("test").start();
        base = URI.create("http://127.0.0.1:" + web.port());
    }

    @AfterAll
    void stop() {
        if (web != null) web.stop();
        if (demo != null) demo.close();
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void rankedRowsWithinItsTimeBudget() throws Exception {
        assertThat(report.ready()).isLessThanOrEqualTo(Demo.Settings.DEFAULT_BUDGET);
        assertThat(report.blogs()).isEqualTo(Demo.Settings.DEFAULT_BLOGS);
        assertThat(report.crawled()).isPositive();
        // a regular or bursty synthetic blog posted within days: more than half of them are ranked once read
        assertThat(report.ranked()).isGreaterThan(report.crawled() / 2);
        assertThat(progress).first().asString().startsWith("Serving " + Demo.Settings.DEFAULT_BLOGS + " synthetic blogs");
        String home = get("/");
        assertThat(home).contains(Demo.NOTICE.substring(0, 40)).contains("class=\"num rank\">1<");
        assertThat(Pattern.compile("<tr>").matcher(home).results().count()).isGreaterThan(50);
    }

    @Test
    void everyPageSaysItIsSyntheticAndAProfileHasCharts() throws Exception {
        String home = get("/");
        Matcher first = Pattern.compile("href=\"/officials/(\\d+)\"").matcher(home);
        assertThat(first.find()).isTrue();
        String profile = get("/officials/" + first.group(1));
        assertThat(profile).contains("<svg class=\"chart\"").contains("(synthetic)").contains(Demo.NOTICE.substring(0, 40));
        for (String page : List.of("/recent", "/methodology", "/data", "/submit", "/?tab=historical", "/?tab=all")) {
            assertThat(get(page)).as(page).contains(Demo.NOTICE.substring(0, 40));
        }
        assertThat(get("/recent")).contains("(synthetic)");
        assertThat(get("/recent.atom")).contains("<title>Synthetic demo data: ");
    }

    @Test
    void everyFileSaysItIsSynthetic() throws Exception {
        for (String table : List.of("officials", "blogs")) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(get("/data/" + table + ".csv"))).getRecords();
            assertThat(rows).hasSize(Demo.Settings.DEFAULT_BLOGS);
            for (CSVRecord r : rows) {
                if (table.equals("officials")) assertThat(r.get("name")).endsWith(Demo.NAME_MARK);
                else assertThat(r.get("notes")).startsWith("Synthetic");
            }
        }
        assertThat(get("/data/datapackage.json")).contains("\"title\" : \"Synthetic demo data: ");
        assertThat(get("/data/feeds.opml")).contains("<title>Synthetic demo data: ");
        assertThat(get("/data/popolo.json")).contains("(synthetic)");
        Path copy = dir.resolve("copy.sqlite");
        http.send(HttpRequest.newBuilder(base.resolve("/data/officialblogs-public.sqlite")).build(),
                HttpResponse.BodyHandlers.ofFile(copy));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(name LIKE '%(synthetic)') FROM officials")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Demo.Settings.DEFAULT_BLOGS).isEqualTo(rs.getInt(2));
        }
    }

    @Test
    void theDemoNeverWritesIntoADirectoryThatIsNotItsOwn() throws Exception {
        Path real = Files.createDirectories(dir.resolve("data"));
        Files.writeString(real.resolve("officialblogs.db"), "the real database");
        assertThatThrownBy(() -> Demo.prepare(real)).isInstanceOf(Demo.NotADemoDirectory.class)
                .hasMessageContaining("not a demo directory");
        assertThat(Files.readString(real.resolve("officialblogs.db"))).isEqualTo("the real database");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine(new java.io.ByteArrayInputStream(new byte[0]), null);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("demo", "--dir", real.toString(), "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("is not empty and is not a demo directory");
        assertThat(real.toFile().list()).containsExactly("officialblogs.db");
        // its own directory says what it is
        assertThat(Files.readString(dir.resolve("demo").resolve(Demo.MARKER))).contains("synthetic");
    }
}
