package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialblogs.crawl.archive.ArchiveFixtures.AVI_RDF;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_ATOM;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_RSS;
import static org.officialblogs.crawl.archive.ArchiveFixtures.feed;
import static org.officialblogs.crawl.archive.ArchiveFixtures.olderItems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.HtmlCommentOptions;
import org.officialblogs.crawl.comments.HtmlCommentParser;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/**
 * The whole application reading two ended blogs from a stand-in archive: norm2782.com, whose registry entry says it
 * was kept in 2008-2009 (its real RSS and Atom feeds captured at several times, a captured redirect, an error page
 * captured with status 200, a month without a capture, a paged index answer, a 429 first, and one post page with
 * comments), and a TypePad blog whose live feed answers 410 Gone (its real RSS 1.0 feed captured twice). Each blog
 * is read once by the background pass; each test looks at one side of what was stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveServiceTest {

    private static final String FEED = "http://www.norm2782.com/feed/";
    private static final String FIRST_POST = "http://www.norm2782.com/2009/01/properties-in-php/";

    private ArchiveStandIn archive;
    private LoopbackSite live;
    private CrawlTestApp t;
    private long norm;
    private long avi;
    private List<ArchiveService.Outcome> pass;
    private int liveRequestsBeforeTheArchive;
    private byte[] commentsPage;

    @BeforeAll
    void readBothBlogs(@TempDir Path dir) throws IOException {
        archive = ArchiveStandIn.start("127.0.0.1");
        live = new LoopbackSite().text("/avi/index.rdf", 410, "gone", "text/plain");
        byte[] rss = feed(NORM_RSS);
        commentsPage = feed("wordpress-lemire-post-comments.html");
        archive.capture("20090105093000", FEED, 200, "text/xml", olderItems(rss, 5, 10))
                .capture("20090116120000", FEED, 200, "text/xml", olderItems(rss, 2, 10))
                .redirect("20090124101500", "http://www.norm2782.com/feed", 301, FEED)
                .capture("20090120080000", FEED, 200, "text/xml", olderItems(rss, 2, 10))
                .capture("20090130180000", FEED, 200, "text/html",
                        "<html><body><h1>Error establishing a database connection</h1></body></html>"
                                .getBytes(StandardCharsets.UTF_8))
                .capture("20090307090000", FEED, 200, "text/xml", rss)
                .capture("20090308090000", "http://www.norm2782.com/feed/atom/", 200, "application/atom+xml",
                        feed(NORM_ATOM))
                .capture("20090320100000", FIRST_POST, 200, "text/html; charset=UTF-8", commentsPage)
                .capture("20080301000000", live.url("/avi/index.rdf"), 200, "application/rdf+xml",
                        olderItems(feed(AVI_RDF), 4, 100))
                .capture("20080601000000", live.url("/avi/index.rdf"), 200, "application/rdf+xml", feed(AVI_RDF))
                .answerNext("/cdx/", 429, "text/html", "<html>Too Many Requests</html>", "Retry-After", "1");

        t = new CrawlTestApp(dir, Instant.parse("2026-06-01T12:00:00Z"), Map.of(
                "OFFICIALBLOGS_ARCHIVE_ENDPOINT", archive.endpoint().toString(),
                "OFFICIALBLOGS_ARCHIVE_DELAY_MS", "20"));
        norm = t.addBlog("Norm Example", "http://www.norm2782.com/", FEED);
        avi = t.addBlog("Avi Example", live.url("/avi/"), live.url("/avi/index.rdf"));
        t.app.database.jdbi().useHandle(h -> h.createUpdate(
                "UPDATE blog SET active_years = '2008-2009', platform = 'wordpress' WHERE id = :id")
                .bind("id", norm).execute());
        // the live crawl of the TypePad blog finds its feed gone; the registry-ended blog is not crawled live here
        t.crawl(avi);
        liveRequestsBeforeTheArchive = live.total();
        pass = t.app.archive.pass(5);
    }

    @AfterAll
    void stop() {
        if (t != null) t.close();
        archive.close();
        live.close();
    }

    private long count(String sql) {
        return t.count(sql);
    }

    @Test
    void readsTheBlogsThatEndedOrWentOnceEachWithTheirReason() {
        assertThat(pass).extracting(o -> o.blogId() + " " + o.reason() + " " + o.state())
                .containsExactly(norm + " ENDED done", avi + " GONE done");
        assertThat(t.app.archive.pass(5)).as("a blog read once is read again only on request").isEmpty();
        assertThat(t.app.archive.request(norm)).isTrue();
        assertThat(t.app.archiveReads.read(norm).orElseThrow().state()).isEqualTo("requested");
    }

    @Test
    void storesThePostsMergedAcrossCapturesWithTheCapturesAsTheirSource() {
        assertThat(count("SELECT count(*) FROM post WHERE blog_id = " + norm)).isEqualTo(10);
        assertThat(pass.get(0).postsFound()).isEqualTo(10);
        assertThat(pass.get(0).newPosts()).isEqualTo(10);
        // every post names the first capture that listed it and the last
        List<String> sources = t.app.database.jdbi().withHandle(h -> h.createQuery("""
                SELECT d1.capture_timestamp || ' ' || d1.original_url || ' -> ' || d2.capture_timestamp
                FROM post p JOIN archive_document d1 ON d1.id = p.archive_first_document_id
                JOIN archive_document d2 ON d2.id = p.archive_last_document_id
                WHERE p.blog_id = :id ORDER BY p.published_at
                """).bind("id", norm).mapTo(String.class).list());
        assertThat(sources).containsExactly(
                "20090105093000 " + FEED + " -> 20090308090000", "20090105093000 " + FEED + " -> 20090308090000",
                "20090105093000 " + FEED + " -> 20090308090000", "20090105093000 " + FEED + " -> 20090308090000",
                "20090105093000 " + FEED + " -> 20090308090000", "20090116120000 " + FEED + " -> 20090308090000",
                "20090116120000 " + FEED + " -> 20090308090000", "20090116120000 " + FEED + " -> 20090308090000",
                "20090307090000 " + FEED + " -> 20090308090000", "20090307090000 " + FEED + " -> 20090308090000");
        assertThat(count("SELECT count(*) FROM archive_document WHERE blog_id = " + norm + " AND kind = 'feed'"
                + " AND outcome = 'read'")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM archive_document WHERE blog_id = " + norm
                + " AND outcome = 'not_read'")).as("the error page captured with status 200").isEqualTo(1);
    }

    @Test
    void readsTheCommentsOfTheArchivedPostPageWithTheLiveParsers() {
        CommentPage direct = new HtmlCommentParser(HtmlCommentOptions.DEFAULTS).parse(commentsPage, "UTF-8",
                FIRST_POST);
        assertThat(direct.comments()).hasSize(pass.get(0).comments());
        assertThat(pass.get(0).postPages()).isEqualTo(1);
        assertThat(pass.get(0).comments()).isEqualTo(5);
        assertThat(count("""
                SELECT count(*) FROM comment c JOIN post p ON p.id = c.post_id JOIN archive_document d
                  ON d.id = c.archive_document_id
                WHERE p.url = '%s' AND d.capture_timestamp = '20090320100000' AND d.kind = 'post_page'
                """.formatted(FIRST_POST))).isEqualTo(5);
    }

    @Test
    void storesThePeriodFiguresAndTheCoverage() {
        ArchiveDao.StoredRead r = t.app.archiveReads.read(norm).orElseThrow();
        assertThat(r.firstPostAt()).hasToString("2009-01-01T23:02:54Z");
        assertThat(r.lastPostAt()).hasToString("2009-03-02T08:09:33Z");
        assertThat(r.periodDays()).isEqualTo(61);
        assertThat(r.periodWeeks()).isEqualTo(9);
        assertThat(r.periodPosts()).isEqualTo(10);
        assertThat(r.postsPerWeek()).isCloseTo(70.0 / 61, within(1e-12));
        assertThat(r.weeksWithPost()).isEqualTo(5);
        assertThat(r.longestGapDays()).isCloseTo(2_738_516 / 86_400.0, within(1e-9));
        assertThat(r.lowerBound()).isFalse();
        assertThat(r.months()).isEqualTo(3);
        assertThat(r.monthsWithoutCapture()).isEqualTo(1);
        assertThat(r.complete()).isTrue();
        assertThat(t.app.archiveReads.coverage(norm)).extracting(m -> m.month() + " " + m.capturesListed() + " "
                + m.feedCaptures() + " " + m.postsMayBeMissing())
                .containsExactly("2009-01 4 3 false", "2009-02 0 0 false", "2009-03 2 2 false");
    }

    @Test
    void exportsThePeriodFiguresInTheDataset() {
        ExportTable table = ExportTables.ARCHIVE_PERIODS;
        List<Object[]> rows = t.app.exports.list(table, ExportFilter.NONE, 0, 0);
        assertThat(rows).extracting(row -> row[0]).containsExactly(norm, avi);
        Object[] row = rows.get(0);
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) v.put(table.columnNames().get(i), row[i]);
        assertThat(v.get("period_start")).isEqualTo(Instant.parse("2009-01-01T23:02:54Z"));
        assertThat(v.get("period_end")).isEqualTo(Instant.parse("2009-03-02T08:09:33Z"));
        assertThat(v.get("period_days")).isEqualTo(61L);
        assertThat(v.get("period_weeks")).isEqualTo(9L);
        assertThat(v.get("period_posts")).isEqualTo(10L);
        assertThat((Double) v.get("posts_per_week")).isCloseTo(70.0 / 61, within(1e-12));
        assertThat(v.get("weeks_with_post")).isEqualTo(5L);
        assertThat((Double) v.get("longest_gap_days")).isCloseTo(2_738_516 / 86_400.0, within(1e-9));
        assertThat(v.get("lower_bound")).isEqualTo(false);
        assertThat(v.get("months")).isEqualTo(3L);
        assertThat(v.get("months_without_capture")).isEqualTo(1L);
        assertThat(v.get("feed_captures")).isEqualTo(5L);
        assertThat(v.get("post_pages_read")).isEqualTo(1L);
        assertThat(v.get("first_feed_capture_at")).isEqualTo(Instant.parse("2009-01-05T09:30:00Z"));
        assertThat(v.get("last_feed_capture_at")).isEqualTo(Instant.parse("2009-03-08T09:00:00Z"));
        assertThat(v.get("complete")).isEqualTo(true);
        assertThat(v.get("captures_read")).isEqualTo((long) t.app.archiveReads.read(norm).orElseThrow().capturesRead());
    }

    /** A capture timestamp (yyyyMMddHHmmss, UTC) as an instant. */
    private static final class ArchiveTime {
        static Instant of(String ts) {
            return java.time.LocalDateTime.parse(ts, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    .toInstant(java.time.ZoneOffset.UTC);
        }
    }

    @Test
    void exportsEachPostsSourceWithItsCaptures() {
        ExportTable table = ExportTables.POSTS;
        List<String> names = table.columnNames();
        List<String> sources = t.app.exports.list(table, new ExportFilter(null, null, null, null, null, null, norm)
                        , 0, 0).stream()
                .sorted(java.util.Comparator.comparing(r -> (Instant) r[names.indexOf("published_at")]))
                .map(r -> r[names.indexOf("source")] + " " + r[names.indexOf("archive_first_capture_at")] + " "
                        + r[names.indexOf("archive_first_capture_url")] + " -> " + r[names.indexOf("archive_last_capture_at")])
                .toList();
        java.util.function.Function<String, String> from = ts -> "archive " + ArchiveTime.of(ts) + " "
                + archive.endpoint().resolve("/web/" + ts + "/" + FEED) + " -> 2009-03-08T09:00:00Z";
        assertThat(sources).containsExactly(
                from.apply("20090105093000"), from.apply("20090105093000"), from.apply("20090105093000"),
                from.apply("20090105093000"), from.apply("20090105093000"), from.apply("20090116120000"),
                from.apply("20090116120000"), from.apply("20090116120000"), from.apply("20090307090000"),
                from.apply("20090307090000"));
    }

    @Test
    void readsAGoneBlogOnlyFromTheArchive() {
        assertThat(pass.get(1).postsFound()).isEqualTo(count("SELECT count(*) FROM post WHERE blog_id = " + avi));
        assertThat(pass.get(1).feedCaptures()).isEqualTo(2);
        assertThat(live.total()).as("nothing fetched from the live site once it was gone")
                .isEqualTo(liveRequestsBeforeTheArchive);
    }

    @Test
    void isPoliteTowardTheArchive() {
        List<ArchiveStandIn.Seen> seen = archive.requests();
        assertThat(seen).allSatisfy(s -> assertThat(s.userAgent())
                .startsWith("OfficialBlogs/").contains("(+http://localhost:7070)"));
        assertThat(seen.stream().filter(s -> s.status() == 429)).hasSize(1);
        assertThat(archive.leastGap()).as("one request at a time, the pace apart")
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(20));
    }
}
