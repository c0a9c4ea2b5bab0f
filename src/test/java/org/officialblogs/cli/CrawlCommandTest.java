package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.LoopbackSite;

/** `crawl` run in-process through picocli against blogs served on loopback. */
class CrawlCommandTest {

    @TempDir
    Path dir;
    LoopbackSite site;

    CommandRun run(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.add("--data-dir=" + dir);
        // only commands that fetch take it
        if (args[0].equals("crawl")) all.add("--allow-private-network");
        return CommandRun.of("", all.toArray(String[]::new));
    }

    @BeforeEach
    void serve() throws IOException {
        site = new LoopbackSite();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now().minusSeconds(86_400));
        site.text("/feed.xml", 200, "<rss version=\"2.0\"><channel><title>Good</title><item><title>Hello</title>"
                + "<guid>a1</guid><pubDate>" + date + "</pubDate></item></channel></rss>", "application/rss+xml");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void crawlsWhatIsDueSummarisesFailuresByKindAndExitsZero() throws IOException {
        Path csv = dir.resolve("blogs.csv");
        Files.writeString(csv, "name,office,country,level,branch,blog_url,feed_url,sources\n"
                + "Ann Good,Mayor,FR,local,executive," + site.url("/good/") + "," + site.url("/feed.xml") + ",https://example.org/a\n"
                + "Bob Gone,Mayor,FR,local,executive," + site.url("/bob/") + "," + site.url("/missing.xml") + ",https://example.org/b\n"
                + "Cy Lead,Mayor,FR,local,executive,,,https://example.org/c\n");
        assertThat(run("import", csv.toString()).exit()).isZero();

        CommandRun crawl = run("crawl");
        assertThat(crawl.exit()).as(crawl.err()).isZero();
        assertThat(crawl.out()).contains("crawled 2 blogs").contains("fetched 1").contains("new posts 1")
                .contains("failed 1 (http_4xx 1)");

        CommandRun again = run("crawl");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("No blog is due");

        CommandRun one = run("crawl", "--blog", "1");
        assertThat(one.exit()).isZero();
        assertThat(one.out()).startsWith("blog 1: ");

        CommandRun missing = run("crawl", "--blog", "999");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("Blog 999 cannot be crawled");

        assertThat(run("crawl", "--all", "--blog", "1").exit()).isEqualTo(2);
    }
}
