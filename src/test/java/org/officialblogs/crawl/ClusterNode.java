package org.officialblogs.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.demo.SyntheticWeb;
import org.officialblogs.demo.SyntheticWebServer;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryImporter;

/**
 * One crawler node of {@link ClusterCrawlTest}, run in its own JVM so that the test can kill it with SIGKILL: the
 * real application on the shared PostgreSQL database, crawling what is due pass after pass (as the scheduler's minute
 * job does) until nothing is due any more, claimed or not. Host names {@code blogN.test} resolve to loopback.
 *
 * <p>Arguments: database URL, number of synthetic blogs, host delay (ms), lease (s).
 */
public final class ClusterNode {

    private ClusterNode() {}

    /** Starts a node in a JVM of its own, its output in {@code log}. */
    public static Process start(String url, int blogs, int hostDelayMs, int leaseSeconds, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ClusterNode.class.getName(), url, Integer.toString(blogs), Integer.toString(hostDelayMs),
                Integer.toString(leaseSeconds));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    /** Imports the synthetic web's blogs into the database at {@code url} and makes them all due. */
    public static void importRegistry(String url, SyntheticWeb web, SyntheticWebServer server, Path dataDir)
            throws IOException {
        StringBuilder csv = new StringBuilder("name,office,country,level,branch,blog_url,feed_url,authorship,sources\n");
        for (SyntheticWeb.Blog b : web.blogs()) {
            String base = server.base(b);
            csv.append(b.official()).append(',').append("Mayor").append(',').append(b.country())
                    .append(",local,executive,").append(base).append("/,").append(base).append(b.feedPath())
                    .append(",self,").append(base).append(SyntheticWebServer.ABOUT_PATH).append('\n');
        }
        Map<String, String> values = new HashMap<>();
        values.put("OFFICIALBLOGS_DB_URL", url);
        values.put("OFFICIALBLOGS_DATA_DIR", Files.createDirectories(dataDir).toString());
        try (App app = new App(Config.fromValues(values), App.Parts.production())) {
            RegistryImporter.Report report = app.importer.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8),
                    Origin.IMPORT, "cluster");
            if (!report.rejected().isEmpty()) throw new IllegalStateException("rows rejected: " + report.rejected());
            app.crawl.scheduleNewBlogs(app.clock.instant());
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int blogs = Integer.parseInt(args[1]);
        Map<String, String> values = new HashMap<>();
        values.put("OFFICIALBLOGS_DB_URL", url);
        values.put("OFFICIALBLOGS_DATA_DIR", Files.createTempDirectory("cluster-node").toString());
        values.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true");
        values.put("OFFICIALBLOGS_HOST_DELAY_MS", args[2]);
        values.put("OFFICIALBLOGS_CRAWL_LEASE_SECONDS", args[3]);
        values.put("OFFICIALBLOGS_MAX_CONCURRENT_FETCHES", "4");
        values.put("OFFICIALBLOGS_MEASUREMENT_WINDOW_DAYS", "60");
        values.put("OFFICIALBLOGS_BACKFILL_HORIZON_DAYS", "120");
        Map<String, List<InetAddress>> hosts = new HashMap<>();
        for (int i = 0; i <= blogs; i++) hosts.put("blog" + i + ".test", List.of(InetAddress.getLoopbackAddress()));
        try (App app = new App(Config.fromValues(values), App.Parts.production()
                .withResolver(HostResolver.withOverrides(hosts, HostResolver.system())))) {
            System.out.println("node " + ProcessHandle.current().pid() + " ready");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                CrawlRunner.Summary s = app.crawlRunner.runDue(15, CrawlRunner.Progress.NONE);
                if (s.blogs() > 0) {
                    System.out.println("node " + ProcessHandle.current().pid() + " " + s.text());
                } else if (app.crawl.countDue(app.clock.instant()) == 0) {
                    break;
                } else {
                    Thread.sleep(300); // what is due is claimed by another node: wait for it, or for its lease to end
                }
            }
            System.out.println("node " + ProcessHandle.current().pid() + " done");
        }
    }
}
