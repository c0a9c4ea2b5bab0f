package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.bench.SyntheticRegistry;
import org.officialblogs.config.Config;
import org.officialblogs.db.Database;
import org.officialblogs.registry.EntryValidator;

/**
 * SIGKILL in the middle of work, then a restart: the database passes integrity_check, everything committed before
 * the kill is still there, and running the work again finishes it. Each kill waits for progress it can see in the
 * database (rows committed, the write lock held), so it lands mid-work on every run.
 */
class CrashSafetyTest {

    // 5,000 rows, not more: the rerun imports most of them again at about 1.5 ms a row (one transaction each), and
    // the test should stay well under 30 s on two shared cores
    private static final int IMPORT_ROWS = 5_000;

    @TempDir
    Path dir;

    @Test
    void killedDuringAnImportKeepsEveryCommittedRowAndARerunFinishesIt() throws Exception {
        Path csv = dir.resolve("registry.csv");
        writeRegistryCsv(csv, IMPORT_ROWS);
        Path data = dir.resolve("data");
        Path db = data.resolve("officialblogs.db");
        Map<String, String> env = Map.of("OFFICIALBLOGS_DATA_DIR", data.toString());

        long seenBeforeKill;
        try (AppProcess importer = AppProcess.start(dir.resolve("run1"), env, "import", csv.toString())) {
            // the importer commits one row per transaction: wait until a thousand are visible, then kill
            importer.await("1000 imported rows visible", Duration.ofSeconds(60), () -> peek(db, "SELECT count(*) FROM blog") >= 1000);
            seenBeforeKill = peek(db, "SELECT count(*) FROM blog");
            assertThat(importer.kill()).isEqualTo(137);
            assertThat(importer.stdout()).as("killed before its summary").doesNotContain("added ");
        }
        assertThat(seenBeforeKill).isLessThan(IMPORT_ROWS);

        long afterRestart;
        try (Database reopened = Database.open("jdbc:sqlite:" + db)) {
            assertThat(integrityCheck(reopened)).isEqualTo("ok");
            afterRestart = count(reopened, "SELECT count(*) FROM blog");
            assertThat(afterRestart).as("nothing committed is lost").isGreaterThanOrEqualTo(seenBeforeKill).isLessThan(IMPORT_ROWS);
            // a row is its official, blog and source together, or nothing
            assertThat(count(reopened, "SELECT count(*) FROM official")).isEqualTo(afterRestart);
            assertThat(count(reopened, "SELECT count(*) FROM source")).isEqualTo(afterRestart);
            assertThat(count(reopened, "SELECT count(*) FROM blog b JOIN official o ON o.id = b.official_id "
                    + "WHERE b.site_url = 'https://blog' || substr(o.name, 11) || '.example.org/'")).isEqualTo(afterRestart);
        }

        try (AppProcess rerun = AppProcess.start(dir.resolve("run2"), env, "import", csv.toString())) {
            assertThat(rerun.awaitExit(Duration.ofSeconds(120))).as(rerun.stderr()).isZero();
            assertThat(rerun.stdout()).isEqualTo("added " + (IMPORT_ROWS - afterRestart) + ", updated 0, unchanged "
                    + afterRestart + ", rejected 0\n");
        }
        try (Database done = Database.open("jdbc:sqlite:" + db)) {
            assertThat(integrityCheck(done)).isEqualTo("ok");
            assertThat(count(done, "SELECT count(*) FROM blog")).isEqualTo(IMPORT_ROWS);
            assertThat(count(done, "SELECT count(*) FROM official")).isEqualTo(IMPORT_ROWS);
            assertThat(count(done, "SELECT count(DISTINCT site_url_key) FROM blog")).isEqualTo(IMPORT_ROWS);
        }
    }

    @Test
    void killedDuringAMetricsRecomputeKeepsThePreviousMetricsWholeAndARestartRecomputes() throws Exception {
        Path data = dir.resolve("data");
        Path db = data.resolve("officialblogs.db");
        Map<String, String> env = Map.of("OFFICIALBLOGS_DATA_DIR", data.toString(), "OFFICIALBLOGS_SCHEDULER", "false");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant yesterday = now.minus(Duration.ofDays(1));
        int blogs;
        long posts;
        try (App app = new App(Config.fromValues(env))) {
            SyntheticRegistry.Counts counts = new SyntheticRegistry(7).write(app.database.jdbi(), 2_000, 50_000, now);
            blogs = counts.blogs();
            posts = counts.posts();
            // yesterday's recompute is the committed state the crash must not damage
            app.metrics.recomputeAll(yesterday);
        }
        List<List<Object>> metricsBefore;
        long snapshotsBefore;
        try (Database before = Database.open("jdbc:sqlite:" + db)) {
            assertThat(count(before, "SELECT count(*) FROM blog_metrics")).isEqualTo(blogs);
            metricsBefore = rows(before, "SELECT * FROM blog_metrics ORDER BY blog_id");
            snapshotsBefore = count(before, "SELECT count(*) FROM metrics_snapshot");
        }

        try (AppProcess serve = AppProcess.start(dir.resolve("run1"), env, "serve", "--port", "0");
             Connection probe = new SqliteFile(db).open(false)) {
            serve.awaitLog("recomputing metrics while serving", Duration.ofSeconds(30));
            // recomputeAll reads every post, then writes all metrics in one transaction: the write lock held by the
            // child (and only the child writes) means that transaction is under way
            serve.await("the recompute's write transaction", Duration.ofSeconds(30), () -> writeLockHeldElsewhere(probe));
            assertThat(serve.kill()).isEqualTo(137);
            assertThat(serve.stderr()).as("killed before it committed").doesNotContain("metrics recomputed");
        }

        try (Database reopened = Database.open("jdbc:sqlite:" + db)) {
            assertThat(integrityCheck(reopened)).isEqualTo("ok");
            assertThat(rows(reopened, "SELECT * FROM blog_metrics ORDER BY blog_id"))
                    .as("the interrupted recompute left no trace: yesterday's metrics, whole").isEqualTo(metricsBefore);
            assertThat(count(reopened, "SELECT count(*) FROM metrics_snapshot")).isEqualTo(snapshotsBefore);
            assertThat(count(reopened, "SELECT count(*) FROM blog")).isEqualTo(blogs);
            assertThat(count(reopened, "SELECT count(*) FROM post")).isEqualTo(posts);
        }

        try (AppProcess restart = AppProcess.start(dir.resolve("run2"), env, "serve", "--port", "0")) {
            restart.awaitLog("metrics recomputed day=\\S+ blogs=" + blogs + " ", Duration.ofSeconds(60));
            Matcher serving = restart.awaitLog("serving version=\\S+ url=http://localhost:(\\d+)/", Duration.ofSeconds(30));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + serving.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(restart.stop()).isIn(0, 143);
        }
        try (Database done = Database.open("jdbc:sqlite:" + db)) {
            assertThat(integrityCheck(done)).isEqualTo("ok");
            assertThat(count(done, "SELECT count(*) FROM blog_metrics WHERE computed_at >= " + now.toEpochMilli()))
                    .as("the restart recomputed every blog").isEqualTo(blogs);
            assertThat(count(done, "SELECT count(*) FROM metrics_snapshot")).isGreaterThan(snapshotsBefore);
        }
    }

    /** Tries to take the write lock without waiting; busy means another process is in a write transaction. */
    private static boolean writeLockHeldElsewhere(Connection probe) {
        try (Statement s = probe.createStatement()) {
            try {
                s.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                if (e.getErrorCode() == 5) return true; // SQLITE_BUSY
                throw e;
            }
            s.execute("ROLLBACK");
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count read over a one-off read-only connection while the child runs; -1 before the database exists. */
    private static long peek(Path db, String sql) {
        if (!Files.exists(db)) return -1;
        try (Connection c = new SqliteFile(db).open(true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // not migrated yet (no such table)
        }
    }

    private static String integrityCheck(Database db) {
        List<String> lines = db.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
        return String.join("; ", lines);
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<List<Object>> rows(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).map((rs, ctx) -> {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.add(rs.getObject(i));
            return row;
        }).list());
    }

    /** {@code rows} valid entries in the import format (seed/README.md): one official and one blog each. */
    static void writeRegistryCsv(Path file, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(EntryValidator.COLUMNS);
            for (int i = 1; i <= rows; i++) {
                csv.printRecord("Official, " + i, "Mayor of Town " + i, "FI", "Uusimaa", "Town " + i, "local", "executive",
                        "", "", "2019", "", "https://blog" + i + ".example.org/", "https://blog" + i + ".example.org/feed/",
                        "wordpress", "fi", "self", "2019-", "https://gov.example.org/officials/" + i, "");
            }
        }
    }
}
