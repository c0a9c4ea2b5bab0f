package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.demo.SyntheticWeb;
import org.officialblogs.demo.SyntheticWebServer;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryImporter;
import org.officialblogs.testkit.PostgresCluster;

/**
 * Two crawler nodes, each its own JVM, share one PostgreSQL database and crawl a loopback registry of synthetic
 * blogs. One is killed with SIGKILL in the middle of its crawl; the other finishes every blog once the dead node's
 * leases end. Every blog is read once (the dead node's blogs in flight at most twice: begun there, done here), no
 * host is asked twice closer than the host delay by the two nodes together, and no claim is left behind.
 * Skipped, with the reason, where PostgreSQL's binaries are not installed.
 */
class ClusterCrawlTest {

    private static final int BLOGS = 120;
    private static final int HOST_DELAY_MS = 150;
    private static final int LEASE_SECONDS = 4;

    @TempDir
    Path dir;

    @Test
    void twoNodesCrawlEveryBlogOnceAndTheSurvivorFinishesTheKilledNodesBlogs() throws Exception {
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        String url = PostgresCluster.freshDatabase();
        SyntheticWeb web = new SyntheticWeb(7, BLOGS, 8, 90, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (SyntheticWebServer server = new SyntheticWebServer(web)) {
            ClusterNode.importRegistry(url, web, server, dir.resolve("importer"));
            server.record(true);
            server.countHosts(true);

            Process a = node(url, "a");
            Process b = node(url, "b");
            try {
                // kill a in the middle of its crawl: once it has finished a pass and holds claims in the next
                Set<Long> heldByA = waitForClaimsAndProgress(url, a.pid(), log("a"));
                a.destroyForcibly(); // SIGKILL: no shutdown hook, no release
                assertThat(a.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(b.waitFor(150, TimeUnit.SECONDS)).as("the surviving node finishes").isTrue();
                assertThat(b.exitValue()).isZero();

                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    // nothing lost: every blog was attempted and none is due or claimed any more
                    assertThat(count(s, "SELECT count(*) FROM crawl_state WHERE last_attempt_at IS NULL")).isZero();
                    assertThat(rows(s, "SELECT blog_id, failure_kind, consecutive_failures, last_attempt_at,"
                            + " next_attempt_at, claimed_by FROM crawl_state WHERE next_attempt_at <= "
                            + System.currentTimeMillis())).isEmpty();
                    // (a claim of the killed node on a blog whose crawl it recorded just before dying stays, expired)
                    assertThat(count(s, "SELECT count(*) FROM crawl_state WHERE claim_until > "
                            + System.currentTimeMillis())).isZero();
                    // a host given back is kept for one host delay after the last request to it
                    assertThat(count(s, "SELECT count(*) FROM host_claim WHERE claim_until > "
                            + (System.currentTimeMillis() + HOST_DELAY_MS))).isZero();
                    assertThat(count(s, "SELECT count(*) FROM crawl_state")).isEqualTo(BLOGS);
                    // both nodes crawled, and the survivor took over the blogs the dead node held
                    assertThat(count(s, "SELECT count(*) FROM crawl_state WHERE last_success_at IS NOT NULL"))
                            .isGreaterThan(BLOGS / 2);
                }
                // nothing doubled: each live blog's feed was read once, but for the blogs the killed node had begun
                Map<Integer, Integer> firstPages = new HashMap<>();
                for (SyntheticWebServer.Served r : server.recorded()) {
                    if (r.pathAndQuery().equals(web.blog(r.blog()).feedPath())) firstPages.merge(r.blog(), 1, Integer::sum);
                }
                List<String> doubled = new ArrayList<>();
                int live = 0;
                for (SyntheticWeb.Blog blog : web.blogs()) {
                    if (blog.pattern() == SyntheticWeb.Pattern.DEAD) continue;
                    live++;
                    int reads = firstPages.getOrDefault(blog.index(), 0);
                    assertThat(reads).as("feed reads of blog %d", blog.index()).isBetween(1, 2);
                    if (reads == 2) doubled.add(blog.host());
                }
                assertThat(firstPages).hasSize(live);
                assertThat(doubled.size()).as("blogs read twice (begun by the killed node: %s)", heldByA)
                        .isLessThanOrEqualTo(heldByA.size());
                // politeness across the nodes: no host asked twice closer than the delay
                Duration gap = server.shortestGapPerHost();
                assertThat(gap).isNotNull();
                assertThat(gap.toMillis()).isGreaterThanOrEqualTo(HOST_DELAY_MS - 5);
            } finally {
                a.destroyForcibly();
                b.destroyForcibly();
            }
        }
    }

    /** Waits until node a has finished a pass and holds claims on other blogs; returns the blogs it holds. */
    private static Set<Long> waitForClaimsAndProgress(String url, long pid, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                Set<Long> held = new HashSet<>();
                try (ResultSet rs = s.executeQuery("SELECT blog_id FROM crawl_state WHERE claimed_by LIKE '%:" + pid + "'")) {
                    while (rs.next()) held.add(rs.getLong(1));
                }
                boolean passDone = Files.exists(log) && Files.readString(log).contains(" crawled ");
                if (!held.isEmpty() && passDone) return held;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("node a never held claims after a finished pass");
    }

    private Process node(String url, String name) throws IOException {
        return ClusterNode.start(url, BLOGS, HOST_DELAY_MS, LEASE_SECONDS, log(name));
    }

    private Path log(String node) {
        return dir.resolve("node-" + node + ".log");
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? " | " : "").append(rs.getString(i));
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
