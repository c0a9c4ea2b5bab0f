package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.testkit.PostgresCluster;

/**
 * On PostgreSQL the scheduler keeps its jobs in Quartz's tables in clustered mode (each firing to one node, a dead
 * node's recoverable jobs taken over); a restarted node replaces the job definitions rather than adding more.
 * Skipped, with the reason, where PostgreSQL's binaries are not installed.
 */
class ClusteredSchedulerTest {

    @TempDir
    Path dir;

    @Test
    void onPostgresqlTheSchedulerJoinsTheClusterThroughTheSharedTables() {
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        Config config = Config.fromValues(Map.of("OFFICIALBLOGS_DB_URL", PostgresCluster.freshDatabase(),
                "OFFICIALBLOGS_DATA_DIR", dir.toString()));
        try (App app = new App(config, App.Parts.production())) {
            for (int start = 0; start < 2; start++) { // a node started twice declares its jobs twice
                try (CrawlScheduler scheduler = app.scheduler()) {
                    assertThat(scheduler.clustered()).isTrue();
                    scheduler.start();
                    List<String> nodes = app.database.jdbi().withHandle(h -> h.createQuery(
                            "SELECT instance_name FROM qrtz_scheduler_state").mapTo(String.class).list());
                    assertThat(nodes).containsExactly(app.crawlClaims.node());
                    List<String> triggers = app.database.jdbi().withHandle(h -> h.createQuery(
                            "SELECT trigger_name FROM qrtz_triggers ORDER BY trigger_name").mapTo(String.class).list());
                    assertThat(triggers).containsExactly("archive-pace", "every-minute", "nightly");
                    boolean recovers = app.database.jdbi().withHandle(h -> h.createQuery(
                            "SELECT requests_recovery FROM qrtz_job_details WHERE job_name = 'nightly-metrics'")
                            .mapTo(Boolean.class).one());
                    assertThat(recovers).isTrue();
                }
            }
        }
    }

    @Test
    void onSqliteTheSchedulerKeepsItsJobsInMemory() {
        Config config = Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.toString()));
        try (App app = new App(config, App.Parts.production()); CrawlScheduler scheduler = app.scheduler()) {
            assertThat(scheduler.clustered()).isFalse();
        }
    }
}
