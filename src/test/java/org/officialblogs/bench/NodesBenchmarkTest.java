package org.officialblogs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.ClusterNode;
import org.officialblogs.demo.SyntheticWeb;
import org.officialblogs.demo.SyntheticWebServer;
import org.officialblogs.testkit.PostgresCluster;

/**
 * One crawler node against two on one PostgreSQL database, on the same machine: the same synthetic registry
 * crawled from scratch by one node JVM, then on a fresh database by two started together (each node as in
 * {@link org.officialblogs.crawl.ClusterCrawlTest}: passes of due blogs until none is due, 4 fetches at once,
 * claims with leases). Prints both times, their ratio, the feed reads per blog (each exactly once) and the shortest
 * time between two requests to one host across the nodes. Both nodes, PostgreSQL and the synthetic web share the
 * machine's CPUs, so two nodes are not expected to be twice as fast here; the run shows the work split without
 * doubles and politeness held. Skipped, with the reason, without PostgreSQL's binaries.
 *
 * <p>Run: {@code mvn -B test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=NodesBenchmarkTest
 * [-Dbench.nodeBlogs=300]}
 */
@Tag("benchmark")
class NodesBenchmarkTest {

    static final int BLOGS = Integer.getInteger("bench.nodeBlogs", 300);
    static final int HOST_DELAY_MS = 150;
    static final int LEASE_SECONDS = 10;

    @TempDir
    Path dir;

    record Run(int nodes, double seconds, int blogsRead, int readTwice, int unread, Duration shortestGap, long requests) {}

    @Test
    void oneNodeAgainstTwoOnOnePostgresDatabase() throws Exception {
        String reason = PostgresCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        SyntheticWeb web = new SyntheticWeb(11, BLOGS, 8, 90, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> report = new ArrayList<>();
        try (SyntheticWebServer server = new SyntheticWebServer(web)) {
            Run one = run(web, server, 1);
            Run two = run(web, server, 2);
            report.add(String.format(Locale.ROOT, "Official Blogs nodes benchmark: %d synthetic blogs, host delay %d ms,"
                    + " PostgreSQL (throwaway local cluster), %d CPUs, load average at the end %s", BLOGS, HOST_DELAY_MS,
                    Runtime.getRuntime().availableProcessors(), BenchmarkSuiteTest.loadAverage()));
            report.add("| figure | one node | two nodes | ratio (two / one) |");
            report.add("|---|---|---|---|");
            report.add(String.format(Locale.ROOT, "| first crawl, every blog | %.1f s | %.1f s | %.2fx |", one.seconds(),
                    two.seconds(), two.seconds() / one.seconds()));
            report.add(String.format(Locale.ROOT, "| live blogs whose feed was read once / twice / never | %d / %d / %d"
                    + " | %d / %d / %d | - |", one.blogsRead(), one.readTwice(), one.unread(), two.blogsRead(),
                    two.readTwice(), two.unread()));
            report.add(String.format(Locale.ROOT, "| requests served | %,d | %,d | - |", one.requests(), two.requests()));
            report.add(String.format(Locale.ROOT, "| shortest time between two requests to one host | %d ms | %d ms |"
                    + " limit %d ms |", one.shortestGap().toMillis(), two.shortestGap().toMillis(), HOST_DELAY_MS));
            for (Run r : List.of(one, two)) {
                assertThat(r.readTwice()).as("blogs read twice by %d node(s)", r.nodes()).isZero();
                assertThat(r.unread()).as("blogs never read by %d node(s)", r.nodes()).isZero();
                assertThat(r.shortestGap().toMillis()).isGreaterThanOrEqualTo(HOST_DELAY_MS - 5);
            }
        } finally {
            String text = String.join(System.lineSeparator(), report);
            System.out.println(text);
            System.err.println(text);
        }
    }

    private Run run(SyntheticWeb web, SyntheticWebServer server, int nodes) throws Exception {
        String url = PostgresCluster.freshDatabase();
        ClusterNode.importRegistry(url, web, server, dir.resolve("importer-" + nodes));
        int before = server.recorded().size();
        long served0 = server.total();
        server.record(true);
        server.countHosts(true);
        long t0 = System.nanoTime();
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                started.add(ClusterNode.start(url, BLOGS, HOST_DELAY_MS, LEASE_SECONDS,
                        dir.resolve("nodes-" + nodes + "-" + i + ".log")));
            }
            for (Process p : started) {
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("a node finishes").isTrue();
                assertThat(p.exitValue()).isZero();
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        server.record(false);
        server.countHosts(false);
        Map<Integer, Integer> firstPages = new HashMap<>();
        List<SyntheticWebServer.Served> served = server.recorded();
        for (SyntheticWebServer.Served r : served.subList(before, served.size())) {
            if (r.pathAndQuery().equals(web.blog(r.blog()).feedPath())) firstPages.merge(r.blog(), 1, Integer::sum);
        }
        int once = 0, twice = 0, never = 0;
        for (SyntheticWeb.Blog b : web.blogs()) {
            if (b.pattern() == SyntheticWeb.Pattern.DEAD) continue;
            int reads = firstPages.getOrDefault(b.index(), 0);
            if (reads == 0) never++;
            else if (reads == 1) once++;
            else twice++;
        }
        return new Run(nodes, seconds, once, twice, never, server.shortestGapPerHost(), server.total() - served0);
    }
}
