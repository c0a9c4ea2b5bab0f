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
             ResultSet rs = s.executeQuery("SELECT count(*) FROM official")) {
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
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
