package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.archive.ArchiveFixtures.AVI_RDF;
import static org.officialblogs.crawl.archive.ArchiveFixtures.feed;
import static org.officialblogs.crawl.archive.ArchiveFixtures.olderItems;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.metrics.ActivePeriod;
import org.officialblogs.metrics.PeriodMetrics;

/**
 * A blog the archive caught too seldom: avibryant.com's real TypePad RSS 1.0 feed, captured in November 2007 (three
 * posts then) and not again until September 2008, when the feed listed only its five newest; two posts of
 * January 2008 fell between the captures.
 */
class ArchiveSparseHistoryTest {

    @Test
    void postsBetweenSparseCapturesAreMissedAndTheFiguresSaySo() throws IOException {
        String feedUrl = "http://www.avibryant.com/index.rdf";
        byte[] rdf = feed(AVI_RDF);
        try (ArchiveStandIn archive = ArchiveStandIn.start("127.0.0.1")) {
            archive.capture("20071101000000", feedUrl, 200, "application/rdf+xml", olderItems(rdf, 7, 10))
                    .capture("20080910000000", feedUrl, 200, "application/rdf+xml", olderItems(rdf, 0, 5));
            ArchiveSettings settings = ArchiveTesting.settings(archive.endpoint());
            ArchiveHistory history;
            try (Fetcher fetcher = ArchiveTesting.fetcher(settings)) {
                history = ArchiveTesting.reader(ArchiveTesting.client(fetcher, settings)).read(new ArchiveRequest(
                        URI.create(feedUrl), URI.create("http://www.avibryant.com/"), Platform.TYPEPAD, 2007, 2008));
            }

            assertThat(history.feeds()).extracting(d -> d.feed().format()).containsExactly("rss_1.0", "rss_1.0");
            assertThat(history.posts()).extracting(p -> p.item().published().toString()).containsExactly(
                    "2007-07-05T06:15:25Z", "2007-09-06T20:46:17Z", "2007-10-18T21:23:24Z", "2008-03-08T09:02:38Z",
                    "2008-05-12T23:50:25Z", "2008-05-29T04:47:20Z", "2008-06-01T18:36:26Z", "2008-09-02T19:50:07Z");

            ArchiveCoverage coverage = history.coverage();
            assertThat(coverage.holes()).containsExactly(new ArchiveCoverage.Hole(
                    Instant.parse("2007-11-01T00:00:00Z"), Instant.parse("2008-03-08T09:02:38Z")));
            assertThat(coverage.figuresAreLowerBounds()).isTrue();
            assertThat(coverage.months()).hasSize(15);
            assertThat(coverage.months()).filteredOn(ArchiveCoverage.MonthCoverage::postsMayBeMissing)
                    .extracting(ArchiveCoverage.MonthCoverage::month).containsExactly(YearMonth.of(2007, 11),
                            YearMonth.of(2007, 12), YearMonth.of(2008, 1), YearMonth.of(2008, 2),
                            YearMonth.of(2008, 3));

            PeriodMetrics period = new ActivePeriod(ZoneOffset.UTC)
                    .measure(history.posts().stream().map(p -> p.item().published()).toList(), List.of())
                    .orElseThrow();
            assertThat(period.days()).isEqualTo(426);
            assertThat(period.weeks()).isEqualTo(61);
            assertThat(period.posts()).isEqualTo(8);
            assertThat(period.postsPerWeek()).as("a lower bound").isEqualTo(8 * 7.0 / 426);
            // weeks 60, 51, 45, 25, 16, 13 (two posts) and 0 before 2 September 2008
            assertThat(period.weeksWithPost()).isEqualTo(7);
            assertThat(period.weeklyPosts().get(47)).isEqualTo(2);
            // the silence across the hole, an upper bound: the archive missed two posts in it
            assertThat(period.longestGapDays().getAsDouble()).isEqualTo(Duration.between(
                    Instant.parse("2007-10-18T21:23:24Z"), Instant.parse("2008-03-08T09:02:38Z")).toMillis()
                    / 86_400_000.0);
        }
    }
}
