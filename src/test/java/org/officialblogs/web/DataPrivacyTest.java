package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.export.DataExporter;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.export.SqliteSnapshot;
import org.officialblogs.export.TableFormat;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;

/**
 * With private data of every kind in the database (a moderator's password hash and session, a submitter's name,
 * organisation and email, a bulk upload, the audit log, reply aliases, commenters' names and addresses, a pending
 * blog), no file on /data, no file of the export command, no table of the SQLite copy and no API response holds any
 * of it, nor any email address.
 */
class DataPrivacyTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void setUp() {
        server = new TestServer(dir.resolve("app"), new UnavailableBlogPreviewer(),
                Map.of("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "10000"), Clock.fixed(ExportFixture.NOW, ZoneOffset.UTC));
        ExportFixture.load(server.app);
        // the fixture really holds the private data the test looks for
        assertThat(server.count("SELECT count(*) FROM submission WHERE email = 'sam.qwerty@example.org'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM comment WHERE author_name = 'Commenter Carol Zyxw'")).isEqualTo(2);
        assertThat(server.count("SELECT count(*) FROM session")).isEqualTo(1);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void noDownloadOrPageOnDataHoldsPrivateData() {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (ExportTable t : ExportTables.ALL) {
            for (TableFormat f : TableFormat.values()) {
                String path = "/data/" + f.fileName(t);
                HttpResponse<String> res = server.get(path);
                assertThat(res.statusCode()).as(path).isEqualTo(200);
                assertThat(res.body()).as(path).isNotBlank();
                outputs.put(path, res.body());
            }
        }
        for (String path : List.of("/data/datapackage.json", "/data/popolo.json", "/data/feeds.opml", "/data",
                "/api", "/api/openapi.json")) {
            HttpResponse<String> res = server.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            outputs.put(path, res.body());
        }
        // the public data is there: the check below is not passing on empty files
        assertThat(outputs.get("/data/officials.csv")).contains("Kovács");
        assertThat(outputs.get("/data/comments.ndjson")).contains("\"comment_id\":1001");
        assertThat(outputs.get("/data/popolo.json")).contains("Q4242");
        assertFree(outputs);
    }

    @Test
    void noApiResponseHoldsPrivateData() {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/api/v1/officials", "/api/v1/blogs", "/api/v1/rankings",
                "/api/v1/rankings?tab=historical", "/api/v1/officials?country=DE", "/api/v1/blogs?per_page=500"));
        for (long official : List.of(1L, 2L, 3L)) paths.add("/api/v1/officials/" + official);
        for (long blog : List.of(10L, 11L, 12L)) {
            paths.add("/api/v1/blogs/" + blog);
            paths.add("/api/v1/blogs/" + blog + "/posts");
            paths.add("/api/v1/blogs/" + blog + "/metrics");
        }
        for (String path : paths) {
            HttpResponse<String> res = server.get(path);
            assertThat(res.statusCode()).as(path).isIn(200, 404);
            outputs.put(path, res.body());
        }
        assertThat(server.get("/api/v1/officials/3").statusCode()).as("an official with only a pending blog").isEqualTo(404);
        assertThat(server.get("/api/v1/blogs/12").statusCode()).as("a pending blog").isEqualTo(404);
        assertThat(server.get("/api/v1/blogs/12/posts").statusCode()).isEqualTo(404);
        assertThat(outputs.get("/api/v1/officials/1")).contains("Kovács", "\"blogs\"");
        assertThat(outputs.get("/api/v1/blogs/10/posts")).contains("ünnepi");
        assertFree(outputs);
    }

    @Test
    void theSqliteCopyHasOnlyPublicTablesAndNoPrivateText() throws Exception {
        // made once per snapshot in the background; here made now
        server.app.exporter.sqliteDownload().build();
        HttpResponse<Path> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.base.resolve("/data/" + DataExporter.SQLITE_FILE)).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("download.sqlite")));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/vnd.sqlite3");
        Path copy = res.body();
        byte[] raw = Files.readAllBytes(copy);
        assertThat(new String(raw, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");

        Map<String, String> dump = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            // the public tables of the CSV files, their full-text index, and nothing else
            assertThat(tables).filteredOn(t -> !t.startsWith(SqliteSnapshot.POSTS_FTS))
                    .containsExactlyElementsOf(ExportTables.ALL.stream().map(org.officialblogs.export.ExportTable::name).toList())
                    .doesNotContainAnyElementsOf(SqliteSnapshot.PRIVATE_TABLES);
            for (String table : tables) dump.put("sqlite " + table, text(s, table));
            assertThat(count(s, "SELECT count(*) FROM blogs")).as("listed blogs only").isEqualTo(2);
            assertThat(count(s, "SELECT count(*) FROM officials")).isEqualTo(2);
            assertThat(count(s, "SELECT count(*) FROM comments")).isEqualTo(3);
            assertThat(count(s, "SELECT count(*) FROM posts WHERE title = '" + ExportFixture.TITLE_101.replace("'", "''") + "'")).isEqualTo(1);
        }
        assertFree(dump);
        // nothing deleted survives in the file's free pages either
        String bytes = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : List.of("sam.qwerty@example.org", "Commenter Carol Zyxw", ExportFixture.PASSWORD_HASH, "Pendingname Zebra")) {
            assertThat(bytes).as("raw bytes of the copy").doesNotContain(secret);
        }
    }

    @Test
    void theExportCommandsFilesHoldNoPrivateData() throws IOException {
        Path out = dir.resolve("export");
        List<DataExporter.Written> files = server.app.exporter.exportTo(out, ExportFilter.NONE, w -> { });
        assertThat(files).hasSize(ExportTables.ALL.size() * 2 + 5);
        Map<String, String> outputs = new LinkedHashMap<>();
        for (DataExporter.Written w : files) {
            Path p = out.resolve(w.file());
            assertThat(p).exists();
            assertThat(Files.size(p)).isEqualTo(w.bytes());
            if (!w.file().endsWith(".sqlite")) outputs.put(w.file(), Files.readString(p));
            else outputs.put(w.file(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertFree(outputs);
    }

    private static void assertFree(Map<String, String> outputs) {
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            for (String secret : ExportFixture.PRIVATE) {
                assertThat(o.getValue()).as(o.getKey() + " must not hold '" + secret + "'").doesNotContain(secret);
            }
            assertThat(ExportFixture.EMAIL.matcher(o.getValue()).results().map(m -> m.group()).toList())
                    .as(o.getKey() + ": email addresses").isEmpty();
        }
    }

    private static String text(Statement s, String table) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append('\t');
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
