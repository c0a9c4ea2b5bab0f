package org.officialblogs.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the README's run command, {@code java -XX:SharedArchiveFile=target/official-blogs.jsa -jar
 * target/official-blogs.jar serve}, from the process's start to the first 200 on {@code /}: on a new data
 * directory (the seed is loaded first) and again on the directory that run left, each beside the same command
 * without the class-data archive. The jar runs as a child process from the project directory, with the {@code java}
 * on the PATH as the README's command does, the crawl scheduler off (the seed's blogs are real sites and the suite
 * never reaches the internet) and a free port; nothing else differs from the README's command.
 */
final class StartupBenchmark {

    /** The README's limit for the first answer. */
    static final double LIMIT_S = 3.0;

    /** One timed start: seconds to the first answer, the child's CPU seconds by then, what it printed. */
    record Start(double seconds, double cpuSeconds, String output) {}

    /** The figures of one variant: a start per repetition. */
    record Series(List<Start> starts) {
        double median() {
            double[] s = starts.stream().mapToDouble(Start::seconds).sorted().toArray();
            return s[s.length / 2];
        }

        double min() {
            return starts.stream().mapToDouble(Start::seconds).min().orElseThrow();
        }

        double medianCpu() {
            double[] s = starts.stream().mapToDouble(Start::cpuSeconds).sorted().toArray();
            return s[s.length / 2];
        }

        boolean archiveRefused() {
            return starts.stream().anyMatch(s -> s.output().contains("Unable to use shared archive"));
        }
    }

    private final Path project;
    private final int repetitions;

    StartupBenchmark(Path project, int repetitions) {
        this.project = project;
        this.repetitions = repetitions;
    }

    Path jar() {
        return project.resolve("target/official-blogs.jar");
    }

    Path archive() {
        return project.resolve("target/official-blogs.jsa");
    }

    /** Fresh, then existing data directories, with or without the archive; repetitions alternate the variants. */
    List<Series> run(Path work) throws IOException, InterruptedException {
        List<List<Start>> results = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < repetitions; i++) {
            for (int withArchive = 1; withArchive >= 0; withArchive--) {
                Path data = work.resolve("startup-" + i + "-" + withArchive);
                // index: 0 fresh + archive, 1 existing + archive, 2 fresh without, 3 existing without
                int base = withArchive == 1 ? 0 : 2;
                results.get(base).add(start(data, withArchive == 1));
                results.get(base + 1).add(start(data, withArchive == 1));
            }
        }
        return results.stream().map(Series::new).toList();
    }

    /** Starts the jar on {@code data}, waits for the first 200 on /, stops it. */
    Start start(Path data, boolean withArchive) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of(data + ".log");
        List<String> command = new ArrayList<>(List.of("java"));
        if (withArchive) command.add("-XX:SharedArchiveFile=" + project.relativize(archive()));
        command.addAll(List.of("-jar", project.relativize(jar()).toString(), "serve", "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("OFFICIALBLOGS_") || k.equals("JDK_JAVA_OPTIONS")
                || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("OFFICIALBLOGS_DATA_DIR", data.toString());
        builder.environment().put("OFFICIALBLOGS_SCHEDULER", "false");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest home = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30)).build();
        long t0 = System.nanoTime();
        Process child = builder.start();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("serve stopped before answering:\n" + log(log));
                }
                if (System.nanoTime() > deadline) throw new IllegalStateException("no answer in 120 s:\n" + log(log));
                try {
                    HttpResponse<String> r = http.send(home, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        double cpu = child.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
                        if (!r.body().contains("<html")) throw new IllegalStateException("/ answered without a page: " + r.body());
                        return new Start(seconds, cpu, log(log));
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
        }
    }

    /** The table's rows for these series, with the README's limit beside the archive's figures. */
    List<BenchmarkSuiteTest.Row> rows(List<Series> s) {
        List<BenchmarkSuiteTest.Row> rows = new ArrayList<>();
        String[] names = {"start-up, README run command, new data dir (seed loaded)", "  same, existing data dir"};
        for (int i = 0; i < 2; i++) {
            Series with = s.get(i);
            Series without = s.get(i + 2);
            rows.add(new BenchmarkSuiteTest.Row(names[i], String.format(Locale.ROOT,
                    "%.2f s (min %.2f, CPU %.1f s)%s", with.median(), with.min(), with.medianCpu(),
                    with.archiveRefused() ? " ARCHIVE REFUSED" : ""),
                    String.format(Locale.ROOT, "<= %.1f s", LIMIT_S),
                    String.format(Locale.ROOT, "no archive %.2f s (min %.2f, CPU %.1f s)", without.median(),
                            without.min(), without.medianCpu()),
                    String.format(Locale.ROOT, "%.2fx limit", with.median() / LIMIT_S)));
        }
        return rows;
    }

    private static String log(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
