package org.officialblogs.web;

import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.export.DataExporter;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.registry.UnavailableBlogPreviewer;

/**
 * The SQLite download: made once per snapshot as a file in the data directory (never per request), served whole to
 * a client that accepts gzip (sent as it is, so Content-Length is what arrives), remade when a new snapshot day
 * comes, and replaced by the export command's copy.
 */
class SqliteDownloadTest {

    @TempDir
    Path dir;
    TestServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("data"), new UnavailableBlogPreviewer(), Map.of(),
                Clock.fixed(ExportFixture.NOW, ZoneOffset.UTC));
        ExportFixture.load(server.app);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<byte[]> download() throws Exception {
        return http.send(HttpRequest.newBuilder(server.base.resolve("/data/" + DataExporter.SQLITE_FILE))
                .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Asks until the copy is there (it is made in the background), at most 30 s. */
    HttpResponse<byte[]> downloadWhenReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<byte[]> res = download();
            if (res.statusCode() == 200 || System.nanoTime() > deadline) return res;
            assertThat(res.statusCode()).isEqualTo(503);
            Thread.sleep(50);
        }
    }

    List<Path> copies() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("downloads"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void theFirstRequestIsToldToComeBackThenTheFileIsServedWholeWithoutCompression() throws Exception {
        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(server.base.resolve("/data/" + DataExporter.SQLITE_FILE))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("is being made");

        HttpResponse<byte[]> res = downloadWhenReady();
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/vnd.sqlite3");
        long length = Long.parseLong(res.headers().firstValue("Content-Length").orElseThrow());
        assertThat(res.body().length).as("bytes received").isEqualTo(length);
        assertThat(copies()).hasSize(1);
        assertThat(Files.size(copies().get(0))).isEqualTo(length);
        assertThat(copies().get(0).getFileName().toString()).isEqualTo("officialblogs-public-2024-06-16.sqlite");
        Path got = dir.resolve("got.sqlite");
        Files.write(got, res.body());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + got); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM officials")) {
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }

    /** The tables of a database (not its full-text index) with their columns in order. */
    static Map<String, List<String>> tablesAndColumns(Connection c) throws Exception {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        List<String> tables = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'posts_fts%' ORDER BY rowid")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        for (String t : tables) {
            List<String> cols = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + t + ")")) {
                while (rs.next()) cols.add(rs.getString("name"));
            }
            out.put(t, cols);
        }
        return out;
    }

    @Test
    void theDownloadIsTheDocumentedDatasetWithItsDatasetteMetadata() throws Exception {
        Path got = dir.resolve("dataset.sqlite");
        Files.write(got, downloadWhenReady().body());
        Map<String, List<String>> csvHeaders = new java.util.LinkedHashMap<>();
        Map<String, Integer> csvRows = new java.util.HashMap<>();
        for (var t : org.officialblogs.export.ExportTables.ALL) {
            var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(server.get("/data/" + t.name() + ".csv").body()));
            csvHeaders.put(t.name(), records.getHeaderNames());
            csvRows.put(t.name(), records.getRecords().size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + got); Statement s = c.createStatement()) {
            // the same tables and columns as the CSV files, and nothing else
            assertThat(tablesAndColumns(c)).isEqualTo(csvHeaders);
            for (var e : csvRows.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + e.getKey())) {
                    assertThat(rs.getInt(1)).as(e.getKey()).isEqualTo(e.getValue()).isPositive();
                }
            }
            // no index but the keys' own
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                    + " AND name NOT LIKE 'sqlite_autoindex_%'")) {
                assertThat(rs.getInt(1)).isZero();
            }
            // times are ISO 8601 text, as in the CSV files
            try (ResultSet rs = s.executeQuery("SELECT created_at, typeof(created_at) FROM blogs LIMIT 1")) {
                assertThat(rs.getString(1)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
                assertThat(rs.getString(2)).isEqualTo("text");
            }
            // a full-text index of post titles
            String title = null;
            try (ResultSet rs = s.executeQuery("SELECT title FROM posts WHERE title IS NOT NULL LIMIT 1")) {
                title = rs.getString(1);
            }
            String word = java.util.Arrays.stream(title.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2)
                    .findFirst().orElseThrow();
            try (ResultSet rs = s.executeQuery("SELECT p.title FROM posts_fts f JOIN posts p ON p.post_id = f.rowid"
                    + " WHERE posts_fts MATCH '\"" + word + "\"'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains(word);
            }
        }
        // Datasette's metadata.json: title, licence, source and every column described from the same definitions
        var meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.get("/data/metadata.json").body());
        assertThat(meta.get("license").asText()).isEqualTo("CC-BY-4.0");
        assertThat(meta.get("source_url").asText()).endsWith("/data");
        assertThat(meta.get("title").asText()).startsWith("Official Blogs");
        var tables = meta.get("databases").get("officialblogs-public").get("tables");
        for (var t : org.officialblogs.export.ExportTables.ALL) {
            List<String> described = new java.util.ArrayList<>();
            tables.get(t.name()).get("columns").fieldNames().forEachRemaining(described::add);
            assertThat(described).as(t.name()).isEqualTo(csvHeaders.get(t.name()));
            for (var col : t.columns()) {
                assertThat(tables.get(t.name()).get("columns").get(col.name()).asText()).startsWith(col.description());
            }
        }
        assertThat(tables.get("posts").get("fts_table").asText()).isEqualTo("posts_fts");
    }

    @Test
    void laterDownloadsReadTheSameFileUntilANewSnapshotDay() throws Exception {
        assertThat(downloadWhenReady().statusCode()).isEqualTo(200);
        Path copy = copies().get(0);
        Object key = Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        var modified = Files.getLastModifiedTime(copy);
        for (int i = 0; i < 5; i++) assertThat(download().statusCode()).isEqualTo(200);
        assertThat(copies()).containsExactly(copy);
        assertThat(Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(key);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(modified);

        // the nightly recompute writes the next day's snapshot: the old copy is served while the new one is made
        server.app.metrics.recomputeAll(ExportFixture.NOW.plus(Duration.ofDays(1)));
        assertThat(download().statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!copies().get(0).getFileName().toString().contains("2024-06-17") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(copies()).extracting(p -> p.getFileName().toString()).containsExactly("officialblogs-public-2024-06-17.sqlite");
        assertThat(download().statusCode()).isEqualTo(200);
    }

    @Test
    void theExportCommandsCopyBecomesTheDownload() throws Exception {
        Path out = dir.resolve("export");
        server.app.exporter.exportTo(out, ExportFilter.NONE, w -> { });
        assertThat(copies()).extracting(p -> p.getFileName().toString()).containsExactly("officialblogs-public-2024-06-16.sqlite");
        HttpResponse<byte[]> res = download();
        assertThat(res.statusCode()).as("no wait: the export made it").isEqualTo(200);
        assertThat(res.body()).isEqualTo(Files.readAllBytes(out.resolve(DataExporter.SQLITE_FILE)));
    }
}
