package org.officialblogs.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.App;
import org.officialblogs.crawl.CrawlRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code crawl}: the blogs due now, every blog, or one, with progress and a summary. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Crawl blogs now: those due (default), --all, or one with --blog. Shows progress and ends "
                + "with a summary. Blogs that fail are recorded with their failure and retried on schedule; the "
                + "exit code is non-zero only when the command itself cannot run.")
public final class CrawlCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Mixin
    ConfigOptions options;
    @Option(names = "--all", description = "Crawl every crawlable blog, due or not")
    boolean all;
    @Option(names = "--blog", paramLabel = "ID", description = "Crawl only this blog (its id as on /officials/{id}#blog-ID)")
    Long blogId;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100000", description = "Most blogs to crawl when crawling those due (default: all due)")
    int limit;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (all && blogId != null) {
            err.println("Choose one: --all or --blog ID.");
            return 2;
        }
        try (App app = new App(options.config(Map.of()))) {
            if (blogId != null) {
                var outcome = app.crawlRunner.runOne(blogId);
                if (outcome.isEmpty()) {
                    err.println("Blog " + blogId + " cannot be crawled: there is no such blog, or it has no address"
                            + " or is not listed (lead, pending, rejected).");
                    return 1;
                }
                var o = outcome.get();
                out.println("blog " + blogId + ": " + o.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (o.failed() ? " (" + o.failureKind() + ": " + o.message() + ")"
                                : ", new posts " + o.newPosts() + ", comment checks " + o.commentChecks()));
                return 0;
            }
            try (var display = ProgressDisplay.open("Crawling",
                    ProgressDisplay.terminal(main.console()), err)) {
                CrawlRunner.Progress progress = (finished, total, o) -> display.update(finished, total);
                CrawlRunner.Summary summary = all ? app.crawlRunner.runAll(progress)
                        : app.crawlRunner.runDue(limit, progress);
                display.update(summary.blogs(), summary.blogs());
                display.close();
                out.println(summary.blogs() == 0 && !all ? "No blog is due; use --all to crawl every blog now."
                        : summary.text());
            }
            return 0;
        }
    }
}
