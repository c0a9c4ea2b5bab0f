package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.discover.LoopbackBlogs;

/** `discover popolo` and `discover wikidata` run in-process through picocli, on loopback. */
class DiscoverCommandTest {

    @TempDir
    Path dir;
    LoopbackBlogs blogs;

    CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir=" + dir;
        all[args.length + 1] = "--allow-private-network";
        return CommandRun.of("", all);
    }

    @BeforeEach
    void serve() throws Exception {
        blogs = new LoopbackBlogs(Instant.now());
        blogs.wordpress("/anna/", "Annan blogi", "Anna Virtanen", 2, 9);
    }

    @AfterEach
    void stop() {
        blogs.close();
    }

    @Test
    void discoversFromAPopoloFileChecksAndSumsUp() throws Exception {
        Path file = dir.resolve("eduskunta.json");
        Files.writeString(file, "{\"persons\": [{\"id\": \"p1\", \"name\": \"Anna Virtanen\", \"links\": [{\"note\": \"blog\", \"url\": \""
                + blogs.url("/anna/") + "\"}]}, {\"id\": \"p2\"}]}");
        CommandRun r = run("discover", "popolo", file.toString(), "--country", "FI");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("candidates: 1 new, 0 updated, 0 unchanged; with a feed 1, active in 90 days 1; failed 0\n")
                .contains("/admin/candidates (discovery run #1)");
        assertThat(r.err()).contains("left out: persons[1] (id p2): no name; left out").contains("Popolo: 2 persons");

        CommandRun again = run("discover", "popolo", file.toString(), "--country", "FI", "--no-check");
        assertThat(again.out()).startsWith("candidates: 0 new, 0 updated, 1 unchanged");
    }

    @Test
    void badInputIsRefusedWithAMessageAndExitTwo() throws Exception {
        CommandRun noFile = run("discover", "popolo", dir.resolve("missing.json").toString(), "--country", "FI");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("there is no file");
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "<html>");
        CommandRun broken = run("discover", "popolo", notJson.toString(), "--country", "FI");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("Discovery failed: x.json is not JSON at line 1").contains("Nothing was stored.");
        CommandRun badCountry = run("discover", "wikidata", "--country", "XX", "--position", "1939555");
        assertThat(badCountry.exit()).isEqualTo(2);
        assertThat(badCountry.err()).contains("--country XX is not an ISO 3166-1 alpha-2 country code")
                .contains("--position 1939555 is not a Wikidata item id");
        CommandRun noCountry = run("discover", "wikidata");
        assertThat(noCountry.exit()).isEqualTo(2);
        assertThat(noCountry.err()).contains("Missing required option: '--country=CC'");
    }
}
