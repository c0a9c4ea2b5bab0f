package org.officialblogs.crawl;

import java.net.InetAddress;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.crawl.fetch.HostResolver;

/**
 * One crawler node of {@link ClusterCrawlTest}, run in its own JVM so that the test can kill it with SIGKILL: the
 * real application on the shared PostgreSQL database, crawling what is due pass after pass (as the scheduler's minute
 * job does) until nothing is due any more, claimed or not. Host names {@code blogN.test} resolve to loopback.
 *
 * <p>Arguments: database URL, number of synthetic blogs, host delay (ms), lease (s).
 */
public final class ClusterNode {

    private ClusterNode() {}

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
