package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.ops.AppProcess;
import org.officialblogs.ops.DatabaseCounts;

/** `backup` and `restore` from the command line, against a real `serve` running in a child process. */
class BackupCommandTest {

    @TempDir
    Path dir;

    CommandRun run(String... args) {
        String[] withDir = new String[args.length + 1];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir=" + dir.resolve("data");
        return CommandRun.of("", withDir);
    }

    @Test
    void backupWhileServingThenRestoreOnlyOnceTheServerIsStopped() throws Exception {
        Path backup = dir.resolve("officialblogs-backup.db");
        Path db = dir.resolve("data/officialblogs.db");
        try (AppProcess serve = AppProcess.start(dir.resolve("serve"), Map.of("OFFICIALBLOGS_DATA_DIR", dir.resolve("data").toString(),
                "OFFICIALBLOGS_SCHEDULER", "false"), "serve", "--port", "0")) {
            int port = Integer.parseInt(serve.awaitLog("serving version=\\S+ url=http://localhost:(\\d+)/", Duration.ofSeconds(30)).group(1));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            serve.awaitLog("INFO  requests request method=GET path=/health route=/health status=200 ms=\\d+\\.\\d", Duration.ofSeconds(5));

            CommandRun first = run("backup", backup.toString());
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).matches("Backed up \\S+officialblogs\\.db to " + java.util.regex.Pattern.quote(backup.toString())
                    + ": \\d+\\.\\d (KB|MB), integrity_check ok, in \\d+\\.\\d s\\.\\n");

            CommandRun again = run("backup", backup.toString());
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.err()).isEqualTo(backup + " already exists; choose another name, or pass --force to replace it.\n");
            assertThat(run("backup", "--force", backup.toString()).exit()).isZero();

            CommandRun whileServing = run("restore", backup.toString());
            assertThat(whileServing.exit()).isEqualTo(2);
            assertThat(whileServing.err()).contains("is in use by another process (is `serve` running?). Stop it, then run "
                    + "restore again; nothing was changed.");
            assertThat(serve.isAlive()).isTrue();
            assertThat(serve.stop()).as("a clean stop on SIGTERM").isIn(0, 143);
        }
        long seedOfficials = DatabaseCounts.count(db, "SELECT count(*) FROM official");
        assertThat(seedOfficials).as("serve loaded the seed").isGreaterThan(100);

        CommandRun restore = run("restore", backup.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Checked " + backup + ": integrity_check ok, schema version ")
                .contains("Kept the previous database as ").contains("Restored " + backup + " to ");
        assertThat(DatabaseCounts.count(db, "SELECT count(*) FROM official")).isEqualTo(seedOfficials);

        CommandRun junk = run("restore", Files.writeString(dir.resolve("junk.db"), "no").toString());
        assertThat(junk.exit()).isEqualTo(2);
        assertThat(junk.err()).isEqualTo(dir.resolve("junk.db") + " is not a SQLite database; nothing was changed.\n");
    }
}
