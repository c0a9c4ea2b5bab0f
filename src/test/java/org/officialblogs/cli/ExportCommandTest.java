package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.export.ExportTables;

/** `export DIR` run in-process through picocli: every file, a line of progress each, a summary, clear refusals. */
class ExportCommandTest {

    @TempDir
    Path dir;

    /** The database of the test: a SQLite file in the data directory, or a fresh PostgreSQL one (-Dtest.db=postgres). */
    String dbUrl;

    @org.junit.jupiter.api.BeforeEach
    void database() {
        dbUrl = org.officialblogs.testkit.TestDb.freshUrl(dir.resolve("data"), "officialblogs.db");
    }

    CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir=" + dir.resolve("data");
        all[args.length + 1] = "--db-url=" + dbUrl;
        return CommandRun.of("", all);
    }

    @Test
    void writesEveryFileWithProgressAndASummary() throws Exception {
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.resolve("data").toString(),
                "OFFICIALBLOGS_DB_URL", dbUrl)))) {
            ExportFixture.load(app);
        }
        Path out = dir.resolve("out");
        CommandRun r = run("export", out.toString(), "--country=HU");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Exporting to " + out.toAbsolutePath() + " (filtered)");
        assertThat(r.out()).containsPattern("posts\\.csv\\s+2 rows");
        assertThat(r.out()).containsPattern("Wrote " + (ExportTables.ALL.size() * 2 + 5) + " files, [0-9.]+ [KM]?B, in [0-9.]+ s\\.");
        for (String f : new String[] {"officials.csv", "officials.ndjson", "crawl_log.ndjson", "datapackage.json",
                "popolo.json", "feeds.opml", "metadata.json", "officialblogs-public.sqlite"}) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("officials.csv"))).contains("Kovács").doesNotContain("李明");
    }

    @Test
    void refusesBadFiltersAndAFileInPlaceOfTheDirectory() throws Exception {
        CommandRun bad = run("export", dir.resolve("x").toString(), "--level=galactic", "--from=soon");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Cannot export: level must be one of", "from must be a date as YYYY-MM-DD");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        CommandRun notDir = run("export", file.toString());
        assertThat(notDir.exit()).isEqualTo(2);
        assertThat(notDir.err()).contains("exists and is not a directory");
    }
}
