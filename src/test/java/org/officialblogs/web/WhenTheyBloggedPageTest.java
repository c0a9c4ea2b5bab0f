package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;
import org.officialblogs.testkit.TestServer;

/** The public list of ended blogs: empty until a blog is read from the archive, then by era, in words. */
class WhenTheyBloggedPageTest {

    @TempDir
    Path dir;

    @Test
    void listsEndedBlogsByEraWithTheirPeriodFiguresAndCoverageInWords() {
        try (TestServer server = new TestServer(dir)) {
            Document empty = Jsoup.parse(server.get("/when-they-blogged").body());
            assertThat(empty.select("p.count").text()).isEqualTo("No ended blog has been read from the archive yet.");

            String csv = String.join(",", EntryValidator.COLUMNS) + "\n";
            var report = server.app.importer.importCsv((csv + "Ann Example,Mayor,FR,,,local,executive,,,,,"
                    + "https://ann.example/,https://ann.example/feed/,,,,2007-2008,https://example.org/evidence,\n")
                    .getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test");
            assertThat(report.rejected()).isEmpty();
            long blog = server.count("SELECT id FROM blog");
            // the row an archive read of 10 posts over 61 days leaves (see ArchiveServiceTest for the read itself)
            server.app.database.jdbi().useHandle(h -> h.createUpdate("""
                    INSERT INTO archive_read (blog_id, state, reason, requested_at, first_post_at, last_post_at,
                        period_days, period_weeks, period_posts, posts_per_week, weeks_with_post, longest_gap_days,
                        lower_bound, months, months_without_capture)
                    VALUES (:id, 'done', 'ended', 0, :first, :last, 61, 9, 10, :perWeek, 5, 31.7, 1, 3, 1)
                    """).bind("id", blog).bind("first", Instant.parse("2009-01-01T23:02:54Z"))
                    .bind("last", Instant.parse("2009-03-02T08:09:33Z")).bind("perWeek", 70.0 / 61).execute());

            Document doc = Jsoup.parse(server.get("/when-they-blogged").body());
            assertThat(doc.select("section h2").eachText()).containsExactly("Began 2005 to 2009");
            assertThat(doc.select("tbody tr").get(0).select("th, td").eachText()).containsExactly(
                    "Ann Example Mayor, FR", "January 2009 to March 2009 (10 posts)", "1.15 at least", "5 of 9",
                    "32 days", "no comments in the archive's copies", "3 months, 1 without a copy");

            // the official's profile shows the same figures in words, with the copy they came from
            server.app.database.jdbi().useHandle(h -> h.createUpdate("""
                    INSERT INTO archive_document (blog_id, capture_timestamp, captured_at, original_url, archive_url,
                        kind, outcome, items, read_at)
                    VALUES (:id, '20090308090000', :at, 'https://ann.example/feed/',
                        'https://web.archive.org/web/20090308090000/https://ann.example/feed/', 'feed', 'read', 10, :at)
                    """).bind("id", blog).bind("at", Instant.parse("2009-03-08T09:00:00Z")).execute());
            long official = server.count("SELECT official_id FROM blog");
            Document profile = Jsoup.parse(server.get("/officials/" + official).body());
            assertThat(profile.select("h3").eachText()).contains("From the web archive");
            var archived = profile.select("h3:containsOwn(From the web archive) ~ dl.facts").first();
            assertThat(archived.select("dt").eachText()).containsExactly("Active period", "Posts a week",
                    "Weeks with a post", "Longest gap", "Replies", "Archive's copies");
            assertThat(archived.select("dd").eachText()).containsExactly("January 2009 to March 2009 (10 posts)",
                    "at least 1.15", "5 of 9", "32 days", "no comments in the archive's copies",
                    "3 months, 1 without a copy");
            assertThat(profile.select("a[href=https://web.archive.org/web/20090308090000/https://ann.example/feed/]")
                    .eachText()).containsExactly("8 March 2009, 09:00");
        }
    }
}
