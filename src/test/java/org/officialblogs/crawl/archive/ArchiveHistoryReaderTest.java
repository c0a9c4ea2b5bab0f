package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_ATOM;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_RSS;
import static org.officialblogs.crawl.archive.ArchiveFixtures.feed;
import static org.officialblogs.crawl.archive.ArchiveFixtures.olderItems;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.officialblogs.crawl.LoopbackSite;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.RedirectHop;
import org.officialblogs.metrics.ActivePeriod;
import org.officialblogs.metrics.PeriodMetrics;

/**
 * One ended blog read from a stand-in archive: norm2782.com, a WordPress blog of early 2009, whose real RSS and Atom
 * feeds the archive holds as they were at several times, beside a captured redirect, an error page the site served
 * with status 200, a capture that redirects to the live site, a 404, a capture after the blog's years, a month
 * without a capture, an index answer in two pages and a first answer of 429. The read happens once; each test looks
 * at one side of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveHistoryReaderTest {

    private static final String FEED = "http://www.norm2782.com/feed/";
    private static final String ERROR_PAGE = "<!DOCTYPE html><html><head><title>Database Error</title></head>"
            + "<body><h1>Error establishing a database connection</h1></body></html>";

    private ArchiveStandIn archive;
    private LoopbackSite live;
    private Fetcher fetcher;
    private ArchiveHistory history;

    @BeforeAll
    void readTheBlog() throws IOException {
        archive = ArchiveStandIn.start("127.0.0.1");
        live = new LoopbackSite().text("/feed/", 410, "gone", "text/plain");
        byte[] rss = feed(NORM_RSS);
        archive.capture("20090105093000", FEED, 200, "text/xml", olderItems(rss, 5, 10)) // the 5 oldest posts
                .capture("20090116120000", FEED, 200, "text/xml", olderItems(rss, 2, 10)) // 8 posts
                .capture("20090120080000", FEED, 200, "text/xml", olderItems(rss, 2, 10)) // the same bytes again
                .redirect("20090124101500", "http://www.norm2782.com/feed", 301, FEED)
                .capture("20090130180000", FEED, 200, "text/html", ERROR_PAGE.getBytes(StandardCharsets.UTF_8))
                .capture("20090201000000", FEED, 404, "text/html", "<html>Not found</html>".getBytes(StandardCharsets.UTF_8))
                .capture("20090307090000", FEED, 200, "text/xml", rss) // all 10
                .capture("20090308090000", "http://www.norm2782.com/feed/atom/", 200, "application/atom+xml",
                        feed(NORM_ATOM))
                .leakingRedirect("20090310120000", "http://www.norm2782.com/rss.xml", 302, live.url("/feed/"))
                .capture("20120615000000", FEED, 200, "text/html", "<html>This domain is for sale</html>"
                        .getBytes(StandardCharsets.UTF_8))
                .answerNext("/cdx/", 429, "text/html", "<html>Too Many Requests</html>", "Retry-After", "1");
        ArchiveSettings settings = ArchiveTesting.settings(archive.endpoint());
        fetcher = ArchiveTesting.fetcher(settings);
        history = ArchiveTesting.reader(ArchiveTesting.client(fetcher, settings)).read(new ArchiveRequest(
                URI.create(FEED), URI.create("http://www.norm2782.com/"), Platform.WORDPRESS, 2008, 2009));
    }

    @AfterAll
    void stop() {
        fetcher.close();
        archive.close();
        live.close();
    }

    @Test
    void listsTheDistinctReadableCapturesOfTheBlogsYearsFromEveryFeedAddress() {
        assertThat(history.listed()).extracting(CdxCapture::timestamp).containsExactly(
                "20090105093000", "20090116120000", "20090124101500", "20090130180000", "20090307090000",
                "20090308090000", "20090310120000");
        assertThat(history.listed()).extracting(c -> c.original().toString()).containsExactly(
                FEED, FEED, "http://www.norm2782.com/feed", FEED, FEED, "http://www.norm2782.com/feed/atom/",
                "http://www.norm2782.com/rss.xml");
        // the feed, then WordPress's and the usual paths; /feed/atom/ comes with the /feed/ prefix
        assertThat(history.listings()).extracting(l -> l.query().url().toString() + " " + l.query().matchType())
                .containsExactly(FEED + " PREFIX", "http://www.norm2782.com/?feed=rss2 EXACT",
                        "http://www.norm2782.com/feed EXACT", "http://www.norm2782.com/rss EXACT",
                        "http://www.norm2782.com/rss.xml EXACT", "http://www.norm2782.com/atom.xml EXACT",
                        "http://www.norm2782.com/feed.xml EXACT", "http://www.norm2782.com/index.xml EXACT",
                        "http://www.norm2782.com/feeds/posts/default PREFIX", "http://www.norm2782.com/index.rdf EXACT",
                        "http://www.norm2782.com/rss/ PREFIX");
        CdxListing paged = history.listings().get(0);
        assertThat(paged.requests()).as("two pages, by resume key").isEqualTo(2);
        assertThat(paged.captures()).hasSize(5);
        assertThat(history.complete()).isTrue();
    }

    @Test
    void readsEachCaptureAndSaysWhatItHeldAndWhereItCameFrom() {
        List<ArchivedDocument> docs = history.documents();
        assertThat(docs).extracting(d -> d.listed().timestamp() + " -> " + d.source().timestamp() + " "
                + (d.feed() != null ? d.feed().format() + " " + d.feed().items().size() : d.failure().kind()))
                .containsExactly(
                        "20090105093000 -> 20090105093000 rss_2.0 5",
                        "20090116120000 -> 20090116120000 rss_2.0 8",
                        "20090124101500 -> 20090120080000 rss_2.0 8",
                        "20090130180000 -> 20090130180000 NOT_A_FEED",
                        "20090307090000 -> 20090307090000 rss_2.0 10",
                        "20090308090000 -> 20090308090000 atom_1.0 10",
                        "20090310120000 -> 20090310120000 LEFT_ARCHIVE");

        ArchivedDocument redirected = docs.get(2);
        assertThat(redirected.redirects()).extracting(RedirectHop::status).containsExactly(301, 302);
        assertThat(redirected.source().original()).isEqualTo(URI.create(FEED));
        assertThat(redirected.source().archiveUrl()).isEqualTo(
                URI.create(archive.endpoint() + "/web/20090120080000/" + FEED));
        assertThat(docs.get(3).failure().message()).isEqualTo("an (X)HTML page, not a feed: root element <html>"
                + " (the site answered this capture with status 200)");
        assertThat(docs.get(6).failure().message()).isEqualTo(
                "HTTP 302 to " + live.url("/feed/") + ", outside the archive; not followed");
    }

    @Test
    void mergesThePostsWithTheFirstAndLastCaptureListingEach() {
        assertThat(history.posts()).extracting(p -> p.item().id().replace("http://www.norm2782.com/?p=", "p")
                        + " " + p.firstListedBy().timestamp() + "-" + p.lastListedBy().timestamp() + " x" + p.listings())
                .containsExactly(
                        "p8 20090105093000-20090308090000 x5", "p22 20090105093000-20090308090000 x5",
                        "p27 20090105093000-20090308090000 x5", "p44 20090105093000-20090308090000 x5",
                        "p53 20090105093000-20090308090000 x5", "p68 20090116120000-20090308090000 x4",
                        "p72 20090116120000-20090308090000 x4", "p94 20090116120000-20090308090000 x4",
                        "p105 20090307090000-20090308090000 x2", "p114 20090307090000-20090308090000 x2");
        assertThat(history.posts()).allSatisfy(p ->
                assertThat(p.lastListedBy().original()).isEqualTo(URI.create("http://www.norm2782.com/feed/atom/")));
    }

    @Test
    void saysWhatTheCapturesCoverMonthByMonth() {
        ArchiveCoverage coverage = history.coverage();
        assertThat(coverage.months()).containsExactly(
                new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 1), 4, 3, false),
                new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 2), 0, 0, false),
                new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 3), 3, 2, false));
        assertThat(coverage.monthsWithoutFeedCapture()).containsExactly(YearMonth.of(2009, 2));
        assertThat(coverage.holes()).isEmpty();
        assertThat(coverage.figuresAreLowerBounds()).isFalse();
    }

    @Test
    void givesThePeriodFiguresOfTheBlogFromItsArchivedPosts() {
        PeriodMetrics period = new ActivePeriod(ZoneOffset.UTC)
                .measure(history.posts().stream().map(p -> p.item().published()).toList(), List.of()).orElseThrow();

        assertThat(period.firstPostAt()).hasToString("2009-01-01T23:02:54Z");
        assertThat(period.lastPostAt()).hasToString("2009-03-02T08:09:33Z");
        assertThat(period.days()).isEqualTo(61);
        assertThat(period.posts()).isEqualTo(10);
        assertThat(period.postsPerWeek()).isEqualTo(70.0 / 61);
        assertThat(period.weeklyPosts()).containsExactly(5, 1, 2, 0, 0, 0, 1, 0, 1);
        assertThat(period.weeksWithPost()).isEqualTo(5);
        assertThat(period.longestGapDays().getAsDouble()).isCloseTo(2_738_516 / 86_400.0, within(1e-9));
        assertThat(period.replies()).isEmpty();
    }

    @Test
    void fetchesOnlyTheCapturesItNeedsAndNothingFromTheLiveSite() {
        assertThat(archive.requests()).extracting(ArchiveStandIn.Seen::path)
                .filteredOn(p -> p.startsWith("/web/")).containsExactly(
                        "/web/20090105093000id_/http://www.norm2782.com/feed/",
                        "/web/20090116120000id_/http://www.norm2782.com/feed/",
                        "/web/20090124101500id_/http://www.norm2782.com/feed",
                        "/web/20090124101500id_/http://www.norm2782.com/feed/",
                        "/web/20090120080000id_/http://www.norm2782.com/feed/",
                        "/web/20090130180000id_/http://www.norm2782.com/feed/",
                        "/web/20090307090000id_/http://www.norm2782.com/feed/",
                        "/web/20090308090000id_/http://www.norm2782.com/feed/atom/",
                        "/web/20090310120000id_/http://www.norm2782.com/rss.xml");
        assertThat(history.skippedAsClose()).isZero();
        assertThat(live.count("/feed/")).as("the live site is gone and never asked").isZero();
    }

    @Test
    void isPoliteTowardTheArchive() {
        List<ArchiveStandIn.Seen> seen = archive.requests();
        assertThat(seen).hasSize(1 + 13 + 9); // robots.txt, 11 queries + a second page + the retry, 9 capture fetches
        assertThat(seen.get(0).path()).isEqualTo("/robots.txt");
        assertThat(seen).allSatisfy(s -> assertThat(s.userAgent()).isEqualTo(ArchiveTesting.USER_AGENT));
        assertThat(archive.leastGap()).as("one request at a time, the pace apart")
                .isGreaterThanOrEqualTo(ArchiveTesting.DELAY);

        ArchiveStandIn.Seen refused = seen.get(1);
        ArchiveStandIn.Seen retried = seen.get(2);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(retried.path()).isEqualTo(refused.path());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(retried.arrivedNanos() - refused.arrivedNanos()))
                .as("Retry-After: 1 obeyed").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
