package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.discover.LoopbackBlogs;
import picocli.CommandLine;

/** `discover popolo` and `discover wikidata` run in-process through picocli, on loopback. */
class DiscoverCommandTest {

    @TempDir
    Path dir;
    LoopbackBlogs blogs;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        CommandLine cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir=" + dir;
        all[args.length + 1] = "--allow-private-network";
        return new Run(cl.execute(all), out.toString(), err.toString());
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
        Run r = run("discover", "popolo", file.toString(), "--country", "FI");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("candidates: 1 new, 0 updated, 0 unchanged; with a feed 1, active in 90 days 1; failed 0\n")
                .contains("/admin/candidates (discovery run #1)");
        assertThat(r.err()).contains("left out: persons[1] (id p2): no name; left out").contains("Popolo: 2 persons");

        Run again = run("discover", "popolo", file.toString(), "--country", "FI", "--no-check");
        assertThat(again.out()).startsWith("candidates: 0 new, 0 updated, 1 unchanged");
    }

    @Test
    void badInputIsRefusedWithAMessageAndExitTwo() throws Exception {
        Run noFile = run("discover", "popolo", dir.resolve("missing.json").toString(), "--country", "FI");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("there is no file");
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "<html>");
        Run broken = run("discover", "popolo", notJson.toString(), "--country", "FI");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("Discovery failed: x.json is not JSON at line 1").contains("Nothing was stored.");
        Run badCountry = run("discover", "wikidata", "--country", "XX", "--position", "1939555");
        assertThat(badCountry.exit()).isEqualTo(2);
        assertThat(badCountry.err()).contains("--country XX is not an ISO 3166-1 alpha-2 country code")
                .contains("--position 1939555 is not a Wikidata item id");
        Run noCountry = run("discover", "wikidata");
        assertThat(noCountry.exit()).isEqualTo(2);
        assertThat(noCountry.err()).contains("Missing required option: '--country=CC'");
    }
}
