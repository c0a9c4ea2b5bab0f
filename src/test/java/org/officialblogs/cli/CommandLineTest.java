package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.config.Config;
import org.officialblogs.testkit.LoopbackSite;

/** What a person meets at the command line: each command's own help, one-line failures, progress without codes. */
class CommandLineTest {

    @TempDir
    Path dir;

    static CommandRun run(String... args) {
        return CommandRun.of("", args);
    }

    @Test
    void eachCommandsHelpListsOnlyTheOptionsThatApplyToIt() {
        String backup = run("backup", "--help").out();
        assertThat(backup).contains("--data-dir", "--db-url", "--force", "--debug")
                .doesNotContain("--allow-private-network", "--base-url", "--port");
        String importHelp = run("import", "--help").out();
        assertThat(importHelp).contains("--data-dir").doesNotContain("--allow-private-network", "--base-url");
        assertThat(run("admin", "add", "--help").out()).contains("--data-dir").doesNotContain("--allow-private-network");
        assertThat(run("export", "--help").out()).contains("--base-url", "--country").doesNotContain("--allow-private-network", "--port");
        assertThat(run("crawl", "--help").out()).contains("--allow-private-network", "--base-url", "--all").doesNotContain("--port");
        assertThat(run("serve", "--help").out()).contains("--port", "--bind", "--allow-private-network").doesNotContain("--force");
    }

    @Test
    void anOptionOfAnotherCommandIsRefusedByName() {
        CommandRun r = run("backup", "--allow-private-network", dir.resolve("b.db").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--allow-private-network'");
    }

    @Test
    void aPortInUseIsOneLineNamingThePortAndDebugShowsWhereItCameFrom() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            CommandRun r = run("serve", "--port", port, "--bind", "127.0.0.1", "--data-dir", dir.resolve("a").toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).startsWith("Error: cannot listen on 127.0.0.1:" + port + ": another process is using that port")
                    .contains("--port").contains("--debug").doesNotContain("Exception").doesNotContain("\tat ");

            CommandRun debug = run("serve", "--debug", "--port", port, "--bind", "127.0.0.1", "--data-dir", dir.resolve("b").toString());
            assertThat(debug.exit()).isEqualTo(1);
            assertThat(debug.err()).contains("java.net.BindException").contains("\tat ")
                    .contains("Error: cannot listen on 127.0.0.1:" + port);
        }
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CommandRun r = run("import", dir.resolve("missing.csv").toString(), "--data-dir", file.resolve("data").toString());
        // import checks its file first; backup opens nothing; crawl opens the database in the data directory
        CommandRun crawl = run("crawl", "--data-dir", file.resolve("data").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(crawl.exit()).isEqualTo(1);
        assertThat(crawl.err().strip().lines()).hasSize(1);
        assertThat(crawl.err()).startsWith("Error: ").contains(file.resolve("data").toString())
                .doesNotContain("\tat ");
    }

    @Test
    void aDamagedDatabaseIsOneLineSayingWhatToDo() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("officialblogs.db"), "this is not a database, it is a note".repeat(100));
        CommandRun r = run("crawl", "--data-dir", data.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("damaged or is not a SQLite database").contains("restore").doesNotContain("\tat ");
    }

    @Test
    void aMisspeltLogLevelIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_LOG_LEVEL", "LOUD")))
                .isInstanceOf(Config.InvalidConfigException.class)
                .hasMessageContaining("OFFICIALBLOGS_LOG_LEVEL must be one of ERROR, WARN, INFO, DEBUG, TRACE, OFF, got 'LOUD'");
        assertThat(Config.fromValues(Map.of("OFFICIALBLOGS_LOG_LEVEL", "debug"))).isNotNull();
        assertThat(Config.SETTINGS).anyMatch(s -> s.env().equals("OFFICIALBLOGS_LOG_LEVEL"));
    }

    @Test
    void crawlProgressWithoutATerminalIsPlainLinesWithoutTerminalCodes() throws IOException {
        try (LoopbackSite site = new LoopbackSite()) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now().minusSeconds(86_400));
            site.text("/feed.xml", 200, "<rss version=\"2.0\"><channel><title>Good</title><item><title>Hello</title>"
                    + "<guid>a1</guid><pubDate>" + date + "</pubDate></item></channel></rss>", "application/rss+xml");
            Path csv = Files.writeString(dir.resolve("blogs.csv"), "name,office,country,level,branch,blog_url,feed_url,sources\n"
                    + "Ann Good,Mayor,FR,local,executive," + site.url("/good/") + "," + site.url("/feed.xml") + ",https://example.org/a\n");
            assertThat(run("import", csv.toString(), "--data-dir", dir.toString()).exit()).isZero();
            CommandRun crawl = run("crawl", "--data-dir", dir.toString(), "--allow-private-network");
            assertThat(crawl.exit()).as(crawl.err()).isZero();
            assertThat(crawl.err()).contains("Crawling: 1 of 1 (100%)").doesNotContain("\u001b").doesNotContain("\r");
        }
    }

    /** `serve` in a JVM of its own, stopped as a service manager stops it (SIGTERM): it says it is stopping. */
    @Test
    void serveLogsItsShutdown() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--bind", "127.0.0.1", "--data-dir", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OFFICIALBLOGS_SCHEDULER", "false");
        Process p = pb.start();
        try {
            // read all along: destroying a process closes its streams on this side
            StringBuffer log = new StringBuffer();
            java.util.concurrent.CountDownLatch serving = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        log.append(line).append('\n');
                        if (line.contains(" serving ")) serving.countDown();
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            });
            reader.start();
            assertThat(serving.await(60, TimeUnit.SECONDS)).as(log.toString()).isTrue();
            ProcessHandle.of(p.pid()).orElseThrow().destroy(); // SIGTERM, streams left open
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(log.toString()).contains("shutting down: finishing requests in flight").containsPattern("stopped in \\d+ ms");
        } finally {
            p.destroyForcibly();
        }
    }
}
