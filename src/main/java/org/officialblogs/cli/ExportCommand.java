package org.officialblogs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code export DIR}: the research dataset written as files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the research dataset into DIR: every public table as CSV and NDJSON, datapackage.json, "
                + "popolo.json, feeds.opml and a SQLite copy of the public tables (the files of the /data page). "
                + "Submissions, accounts, sessions and commenters' names are never exported.")
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    SiteOptions options;
    @Parameters(paramLabel = "DIR", description = "Directory to write into (created when missing; files in it are replaced)")
    Path dir;
    @Option(names = "--country", paramLabel = "CC", description = "Only officials of this country (ISO 3166-1 alpha-2)")
    String country;
    @Option(names = "--level", description = "Only this level: international, national, regional or local")
    String level;
    @Option(names = "--status", description = "Only blogs with this measured status: active, slowing, dormant, unreachable, offline, lead, no_data")
    String status;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the date range (posts, comments, metrics history, crawl log)")
    String from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the date range (inclusive)")
    String to;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> params = new HashMap<>();
        if (country != null) params.put("country", country);
        if (level != null) params.put("level", level);
        if (status != null) params.put("status", status);
        if (from != null) params.put("from", from);
        if (to != null) params.put("to", to);
        org.officialblogs.export.ExportFilter.Parsed filter = org.officialblogs.export.ExportFilter.parse(params);
        if (!filter.ok()) {
            err.println("Cannot export: " + String.join("; ", filter.problems()) + ".");
            return 2;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("Cannot export: " + dir + " exists and is not a directory.");
            return 2;
        }
        long started = System.nanoTime();
        try (App app = new App(options.config(Map.of()))) {
            out.println("Exporting to " + dir.toAbsolutePath() + (filter.filter().isEmpty() ? "" : " (filtered)"));
            var files = app.exporter.exportTo(dir, filter.filter(), w -> {
                out.printf(java.util.Locale.ROOT, "  %-30s %14s %10s %7.1f s%n", w.file(),
                        w.rows() < 0 ? "" : String.format(java.util.Locale.ROOT, "%,d rows", w.rows()),
                        humanBytes(w.bytes()), w.took().toMillis() / 1000.0);
                out.flush();
            });
            long bytes = files.stream().mapToLong(org.officialblogs.export.DataExporter.Written::bytes).sum();
            out.printf(java.util.Locale.ROOT, "Wrote %d files, %s, in %.1f s.%n", files.size(), humanBytes(bytes),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("Cannot export: no permission to write " + e.getFile() + ".");
            return 1;
        }
    }

    private static String humanBytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MB", n / 1024.0 / 1024.0);
    }
}
