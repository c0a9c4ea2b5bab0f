package org.officialblogs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.officialblogs.Version;
import org.officialblogs.crawl.CrawlScheduler;
import org.officialblogs.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: a synthetic directory crawled for real on this computer and served, without internet. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Try Official Blogs without internet: serves a few hundred synthetic blogs on this computer,"
                + " crawls them for real into a directory of their own, then serves the site over them (ranking,"
                + " profiles, /recent, the downloads) within about a minute. Every official is synthetic and every"
                + " page says so. The real data directory is never touched; the demo's directory is rebuilt at each"
                + " start. Ctrl-C stops it.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "demo-data",
            description = "The demo's own directory (default ./demo-data); it must be new, empty or an earlier demo's")
    Path dir;
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "7070",
            description = "HTTP port of the demo site (default 7070; 0 picks a free port)")
    int port;
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1: this computer only)")
    String bind;
    @Option(names = "--blogs", paramLabel = "N", defaultValue = "" + Demo.Settings.DEFAULT_BLOGS,
            description = "Synthetic blogs (default ${DEFAULT-VALUE})")
    int blogs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (blogs < 1 || blogs > 5_000) {
            err.println("--blogs must be between 1 and 5000, got " + blogs + ".");
            return 2;
        }
        Demo demo;
        try {
            demo = Demo.open(new Demo.Settings(dir, port, bind, blogs, 42, Demo.Settings.DEFAULT_BUDGET));
        } catch (Demo.NotADemoDirectory e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println(Demo.NOTICE);
        out.flush();
        Demo.Report report = demo.start(line -> {
            out.println(line);
            out.flush();
        });
        var web = demo.app.webApp(Version.current());
        var javalin = web.start();
        CrawlScheduler scheduler = demo.app.scheduler();
        scheduler.start();
        out.printf(java.util.Locale.ROOT, "Ready in %.0f s: %d of %d synthetic blogs crawled, %d ranked.%n",
                report.ready().toMillis() / 1000.0, report.crawled(), report.blogs(), report.ranked());
        out.println("Open http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + javalin.port()
                + "/ (data in " + dir.toAbsolutePath() + "). Ctrl-C stops the demo.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            javalin.stop();
            demo.close();
            stopped.countDown();
        }, "demo-shutdown"));
        stopped.await();
        return 0;
    }
}
