package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.testkit.TestServer;

/**
 * Real faults of the database and its disk, each with its message: a file that is not a database and a truncated
 * one stop start-up with one line; a read-only file (really read-only for the app's user) is served read-only and a
 * write says why; a write waiting on a lock another connection holds gives up within a few seconds with 503 and
 * Retry-After; a full disk (a 16 MB tmpfs the child JVM mounts in its own user and mount namespace) is said on the
 * page for a write and in /health, an upload's part on it is removed, and writes resume once there is room.
 * The namespace tests need unshare(1) with user namespaces; where that is missing they are skipped with a message.
 */
class DatabaseFaultsTest {

    static final Map<String, String> SERVE = Map.of("OFFICIALBLOGS_PORT", "0", "OFFICIALBLOGS_SCHEDULER", "false",
            "OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "100000");

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A data directory with the seed registry loaded, the app closed. */
    Path seeded(Path data) {
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", data.toString())))) {
            app.seed.loadIfEmpty();
        }
        return data.resolve("officialblogs.db");
    }

    static Map<String, String> env(Path data) {
        Map<String, String> env = new java.util.HashMap<>(SERVE);
        env.put("OFFICIALBLOGS_DATA_DIR", data.toString());
        return env;
    }

    static int port(AppProcess serve) {
        return Integer.parseInt(serve.awaitLog("serving .*url=http://[^ ]+:(\\d+)/", Duration.ofSeconds(90)).group(1));
    }

    static void assertOneLine(String stderr, String expected) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(stderr).hasSize(1);
        assertThat(lines.get(0)).startsWith("Error: " + expected);
    }

    HttpResponse<String> evidence(URI base, int i) throws Exception {
        String json = "{\"kind\":\"evidence\",\"official_id\":1,\"evidence_url\":\"https://news.example.com/e" + i
                + "\",\"submitter_name\":\"Jo Civic\"}";
        return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/submissions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    static void assumeCommand(String why, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort(why + ": " + command[0] + " is not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor() == 0, why + ": `" + String.join(" ", command) + "` failed here: " + out);
    }

    @Test
    void aFileThatIsNotADatabaseStopsStartUpWithOneLine() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("officialblogs.db"), "this is not a database\n".repeat(500).getBytes(StandardCharsets.UTF_8));
        try (AppProcess serve = AppProcess.start(dir, env(data), "serve")) {
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertOneLine(serve.stderr(), "The database file " + data.resolve("officialblogs.db")
                    + " is damaged or is not a SQLite database ([SQLITE_NOTADB]");
            assertThat(serve.stderr()).contains("restore the latest backup with `restore FILE`");
        }
    }

    @Test
    void aTruncatedDatabaseStopsStartUpWithOneLine() throws Exception {
        Path data = dir.resolve("data");
        Path db = seeded(data);
        try (var file = java.nio.channels.FileChannel.open(db, java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(file.size() * 2 / 5);
        }
        try (AppProcess serve = AppProcess.start(dir, env(data), "serve")) {
            assertThat(serve.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertOneLine(serve.stderr(), "The database file " + db + " is damaged or is not a SQLite database ([SQLITE_CORRUPT]");
        }
    }

    @Test
    void aReadOnlyDatabaseIsServedForReadingAndAWriteSaysWhy() throws Exception {
        // the app runs as an unprivileged user in its own user namespace: a 0444 file is read-only for it even when
        // the tests run as root (whom file modes do not stop)
        assumeCommand("a read-only file needs an unprivileged user", "unshare", "--map-user=65534", "--map-group=65534", "true");
        Path data = dir.resolve("data");
        Path db = seeded(data);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try (AppProcess serve = AppProcess.start(dir, env(data), List.of("unshare", "--map-user=65534", "--map-group=65534"),
                List.of("-Xmx256m"), "serve")) {
            URI base = URI.create("http://127.0.0.1:" + port(serve));
            String startUp = serve.awaitLog("WARN  Database database not writable: (.*)", Duration.ofSeconds(5)).group(1);
            assertThat(startUp).startsWith("The database file " + db + " cannot be written ([SQLITE_READONLY]")
                    .contains("give the user running the app write permission to the file and its directory");
            assertThat(get(base, "/").statusCode()).as("pages are served").isEqualTo(200);
            HttpResponse<String> write = evidence(base, 1);
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(write.body()).contains("The database (officialblogs.db) cannot be written at the moment, so nothing was saved.");
            HttpResponse<String> health = get(base, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"degraded\"").contains("cannot be written ([SQLITE_READONLY]");
            assertThat(serve.stderr()).doesNotContain("\tat ").doesNotContain(" ERROR ");
        }
    }

    @Test
    void aWriteWaitingOnALockHeldElsewhereGivesUpWithinSecondsWith503() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("app"))) {
            server.app.seed.loadIfEmpty();
            URI base = server.base;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app").resolve("officialblogs.db"));
                 Statement s = other.createStatement()) {
                other.setAutoCommit(false);
                s.execute("PRAGMA busy_timeout = 0");
                // another process's write transaction, held
                s.executeUpdate("UPDATE official SET name = name WHERE id = 1");
                long started = System.nanoTime();
                HttpResponse<String> write = evidence(base, 1);
                long ms = (System.nanoTime() - started) / 1_000_000;
                assertThat(write.statusCode()).isEqualTo(503);
                assertThat(ms).as("gave up after the 5 s busy timeout, not 30 s").isBetween(4_000L, 12_000L);
                assertThat(write.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(write.body()).contains("The database (officialblogs.db) is busy with other work, so nothing was saved.");
                assertThat(get(base, "/").statusCode()).as("reading goes on meanwhile").isEqualTo(200);
                HttpResponse<String> health = get(base, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"degraded\"").contains("is locked by another connection or process");
                other.rollback();
            }
            assertThat(evidence(base, 2).statusCode()).as("once the lock is gone").isEqualTo(201);
        }
    }

    @Test
    void aFullDiskIsSaidOnThePageForAWriteAndInHealthAndWritesResumeWithRoom() throws Exception {
        assumeCommand("a small disk needs a tmpfs in a user and mount namespace", "unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs /mnt");
        Path data = Files.createDirectories(dir.resolve("disk"));
        List<String> onTmpfs = List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=16m tmpfs '" + data + "' && exec \"$0\" \"$@\"");
        try (AppProcess serve = AppProcess.start(dir, env(data), onTmpfs, List.of("-Xmx256m"), "serve")) {
            URI base = URI.create("http://127.0.0.1:" + port(serve));
            serve.awaitLog("sqlite download ready", Duration.ofSeconds(60));
            assertThat(evidence(base, 0).statusCode()).isEqualTo(201);
            // the disk as the app sees it, through its own mount namespace
            Path disk = Path.of("/proc", Long.toString(serve.pid()), "root", data.toString().substring(1));
            Path filler = disk.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] mb = new byte[1024 * 1024];
                for (int i = 0; i < 64; i++) out.write(mb);
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("No space left on device");
            }
            HttpResponse<String> refused = null;
            for (int i = 1; i <= 3000 && refused == null; i++) {
                HttpResponse<String> res = evidence(base, i);
                if (res.statusCode() != 201) refused = res;
            }
            assertThat(refused).as("a write failed once the database needed more room").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(refused.body()).contains("The server's disk is full, so nothing could be saved to the database (officialblogs.db).");
            assertThat(serve.stderr()).contains("The disk holding the database file " + data.resolve("officialblogs.db") + " is full");
            HttpResponse<String> health = get(base, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"degraded\"").contains(" is full (");

            // an upload's part cannot be written either: said, and nothing left behind
            String token = "U".repeat(43);
            String body = "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\n\r\n"
                    + "x".repeat(600_000) + "\r\n--b--\r\n";
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(base.resolve("/submit/bulk"))
                    .header("Content-Type", "multipart/form-data; boundary=b").header("Cookie", "ob_csrf=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(503);
            assertThat(upload.body()).contains("disk is full");
            // removed as the request completes, a moment after the answer
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (count(disk.resolve("uploads")) > 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(count(disk.resolve("uploads"))).as("upload parts left on the disk").isZero();

            Files.delete(filler);
            assertThat(evidence(base, 9999).statusCode()).as("with room again").isEqualTo(201);
            assertThat(serve.stderr()).doesNotContain("\tat ").doesNotContain(" ERROR ");
        }
    }
}
