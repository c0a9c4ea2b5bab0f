package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.ops.PostgresMigration;
import org.officialblogs.testkit.PostgresCluster;

/**
 * {@code migrate-to-postgres} on the throwaway PostgreSQL cluster: a SQLite database with a row in every table
 * (the export fixture's public and private data, plus discovery, archive, comment-system, crawl-claim and Wikidata rows) is
 * copied and checked table by table; the copy takes new rows with fresh ids; a second run is refused; a row changed
 * afterwards is reported as a MISMATCH; a copy that fails half-way leaves the PostgreSQL database without rows.
 */
class MigrateToPostgresCommandTest {

    @TempDir
    Path dir;
    Path data;
    String target;

    @BeforeEach
    void setUp() {
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        data = dir.resolve("data");
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", data.toString())))) {
            ExportFixture.load(app);
            app.database.jdbi().useHandle(MigrateToPostgresCommandTest::fillTheOtherTables);
        }
        target = PostgresCluster.freshDatabase();
    }

    /** A row in each table the export fixture leaves empty. */
    static void fillTheOtherTables(Handle h) {
        long t = ExportFixture.NOW.toEpochMilli();
        h.execute("INSERT INTO rate_limit (name, subject, window_start, events) VALUES ('api', '203.0.113.9', ?, 3)", t);
        // the row the migrations write: the copy replaces it with this one
        h.execute("UPDATE data_version SET version = 5");
        h.execute("INSERT INTO host_claim (host, node, claim_until) VALUES ('adam.example.hu', 'node-a:41', ?)", t);
        h.execute("INSERT OR IGNORE INTO health_probe (id, checked_at) VALUES (1, ?)", t);
        h.execute("INSERT OR IGNORE INTO crawl_state (blog_id, next_attempt_at, last_success_at, etag, unreachable) VALUES (10, ?, ?, 'W/\"e\ttag\"', 0)", t, t);
        h.execute("""
                INSERT INTO archive_document (id, blog_id, capture_timestamp, captured_at, original_url, archive_url, kind,
                    outcome, items, message, read_at)
                VALUES (500, 11, '20200102030405', ?, 'https://li.example.cn/feed', 'https://web.archive.org/web/20200102030405id_/x',
                    'feed', 'read', 3, NULL, ?)""", t - 1000, t);
        h.execute("INSERT INTO archive_coverage_month (blog_id, month, captures_listed, feed_captures, posts_may_be_missing) VALUES (11, '2020-01', 4, 1, 0)");
        h.execute("INSERT INTO discovery_run (id, source, source_ref, parameters, started_at, finished_at, summary) VALUES (7, 'wikidata', 'https://query.wikidata.org/sparql', '{\"country\":\"HU\"}', ?, ?, 'candidates: 1 new')", t, t);
        h.execute("""
                INSERT INTO candidate (id, person_key, url, url_key, link_kind, source, source_urls, name, office, country,
                    level, branch, position_known, status, strength, first_run_id, last_run_id, created_at, updated_at)
                VALUES (70, 'Q99', 'https://cand.example/', 'cand.example/', 'blog', 'wikidata', 'https://www.wikidata.org/wiki/Q99',
                    'Candidate Carla', 'Mayor', 'HU', 'local', 'executive', 1, 'pending', 3, 7, 7, ?, ?)""", t, t);
        h.execute("INSERT INTO wikidata_match (official_id, wikidata_id, label, status, proposed_at) VALUES (2, 'Q77', '李明', 'proposed', ?)", t);
        h.execute("""
                INSERT INTO blog_comment_system (blog_id, service, service_evidence, replies_measurable, replies_reason, detected_at)
                VALUES (10, 'wordpress', 'the page has a WordPress comment form', 'measurable', 'comments are on the page', ?)""", t);
    }

    CommandRun migrate(String... extra) {
        List<String> args = new ArrayList<>(List.of("migrate-to-postgres", "--data-dir=" + data, "--to=" + target));
        args.addAll(List.of(extra));
        return CommandRun.of("", args.toArray(String[]::new));
    }

    List<String> emptySqliteTables() throws Exception {
        List<String> empty = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("officialblogs.db"));
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    if (rs.getLong(1) == 0) empty.add(t);
                }
            }
        }
        return empty;
    }

    @Test
    void copiesEveryTableChecksItAndTheCopyTakesNewRows() throws Exception {
        assertThat(emptySqliteTables()).as("every table has a row (a new table needs one in fillTheOtherTables)").isEmpty();

        CommandRun r = migrate();

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Schema: both databases at version", "Identity counters set past the copied ids",
                "every table matches").doesNotContain("MISMATCH");
        for (String table : List.of("official", "blog", "post", "comment", "session", "account", "submission",
                "bulk_upload", "audit_log", "blog_alias", "candidate", "archive_document", "metrics_snapshot", "health_probe")) {
            assertThat(r.out()).containsPattern("(?m)^  " + table + " +[0-9,]+ rows  OK ");
        }
        // parents before children
        assertThat(r.out().indexOf("\n  official ")).isLessThan(r.out().indexOf("\n  blog "));
        assertThat(r.out().indexOf("\n  post ")).isLessThan(r.out().indexOf("\n  comment "));

        try (Connection pg = DriverManager.getConnection(target); Statement s = pg.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM data_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(5);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT name, office FROM official WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(ExportFixture.NAME_1);
                assertThat(rs.getString(2)).isEqualTo(ExportFixture.OFFICE_1);
            }
            // the identity counter is past the copied ids: a row without an id gets a fresh one
            try (ResultSet rs = s.executeQuery("""
                    INSERT INTO official (name, office, country, level, branch, identity_key, origin, created_at, updated_at)
                    VALUES ('New Person', 'Mayor', 'FR', 'local', 'executive', 'knew', 'moderator', 1, 1) RETURNING id""")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(3);
            }
        }
    }

    @Test
    void refusesADatabaseThatHoldsRowsAndChangesNothing() throws Exception {
        assertThat(migrate().exit()).isZero();

        CommandRun again = migrate();

        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("Refusing to migrate: the PostgreSQL database already holds rows (", "official 3 rows",
                "nothing was changed");
    }

    @Test
    void aRowChangedInTheCopyIsReportedAsAMismatch() throws Exception {
        assertThat(migrate().exit()).isZero();
        try (Connection pg = DriverManager.getConnection(target); Statement s = pg.createStatement()) {
            s.executeUpdate("UPDATE post SET title = title || '!' WHERE id = (SELECT min(id) FROM post)");
        }

        CommandRun check = migrate("--verify-only");

        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).containsPattern("(?m)^  post +MISMATCH  SQLite 4 rows [0-9a-f]{16}, PostgreSQL 4 rows [0-9a-f]{16}$")
                .containsPattern("(?m)^  official +3 rows  OK ");
        assertThat(check.err()).contains("1 table differs between the two databases.");
    }

    @Test
    void aCopyThatFailsHalfWayLeavesNoRows() throws Exception {
        // PostgreSQL text cannot hold a NUL character, SQLite's can: the comment table's copy fails
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("officialblogs.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE comment SET author_name = 'nul' || char(0) || 'byte'");
        }

        CommandRun r = migrate();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Migration failed at table comment:", "Nothing was kept");
        try (Connection pg = DriverManager.getConnection(target)) {
            assertThat(PostgresMigration.nonEmptyTables(pg)).isEmpty();
        }
    }

    @Test
    void saysWhatIsMissingWithoutATargetOrASource() {
        CommandRun noTarget = CommandRun.of("", "migrate-to-postgres", "--data-dir=" + data);
        assertThat(noTarget.exit()).isEqualTo(2);
        assertThat(noTarget.err()).contains("no PostgreSQL database given; pass --to");

        CommandRun noSource = CommandRun.of("", "migrate-to-postgres", "--from=" + dir.resolve("nope.db"), "--to=" + target);
        assertThat(noSource.exit()).isEqualTo(2);
        assertThat(noSource.err()).contains("nope.db does not exist");
    }
}
