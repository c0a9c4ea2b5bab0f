package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveCoverageTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static ArchiveCoverage.Snapshot snapshot(String address, String capturedAt, int items, String oldest,
                                                     String newest) {
        return new ArchiveCoverage.Snapshot(address, at(capturedAt), items, oldest == null ? null : at(oldest),
                newest == null ? null : at(newest));
    }

    @Test
    void capturesThatVouchForTheWholePeriodLeaveNoHoleEvenAcrossAMonthWithoutACapture() {
        // a feed of 10 growing from 5 items: the early captures list everything before them
        List<ArchiveCoverage.Snapshot> feeds = List.of(
                snapshot("norm2782.com/feed", "2009-01-05T09:30:00Z", 5, "2009-01-01T23:02:54Z", "2009-01-03T15:49:19Z"),
                snapshot("norm2782.com/feed", "2009-01-16T12:00:00Z", 8, "2009-01-01T23:02:54Z", "2009-01-14T10:47:25Z"),
                snapshot("norm2782.com/feed", "2009-03-07T09:00:00Z", 10, "2009-01-01T23:02:54Z", "2009-03-02T08:09:33Z"),
                snapshot("norm2782.com/feed/atom", "2009-03-08T09:00:00Z", 10, "2009-01-01T23:02:54Z", "2009-03-02T08:09:33Z"));
        List<Instant> listed = List.of(at("2009-01-05T09:30:00Z"), at("2009-01-16T12:00:00Z"),
                at("2009-01-21T10:15:00Z"), at("2009-01-30T18:00:00Z"), at("2009-03-07T09:00:00Z"),
                at("2009-03-08T09:00:00Z"));

        ArchiveCoverage coverage = ArchiveCoverage.of(listed, feeds, at("2009-01-01T23:02:54Z"),
                at("2009-03-02T08:09:33Z"), ZoneOffset.UTC);

        assertThat(coverage.months()).containsExactly(
                new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 1), 4, 2, false),
                new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 2), 0, 0, false),
                new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 3), 2, 2, false));
        assertThat(coverage.monthsWithoutFeedCapture()).containsExactly(YearMonth.of(2009, 2));
        assertThat(coverage.holes()).isEmpty();
        assertThat(coverage.earlierPostsMayBeMissingBefore()).isNull();
        assertThat(coverage.figuresAreLowerBounds()).isFalse();
        assertThat(coverage.firstFeedCapture()).isEqualTo(at("2009-01-05T09:30:00Z"));
        assertThat(coverage.lastFeedCapture()).isEqualTo(at("2009-03-08T09:00:00Z"));
    }

    @Test
    void aFullFeedCapturedTooLateLeavesAHoleAndTheFiguresAreLowerBounds() {
        List<ArchiveCoverage.Snapshot> feeds = List.of(
                snapshot("avibryant.com/index.rdf", "2007-11-01T00:00:00Z", 3, "2007-07-05T06:15:25Z", "2007-10-18T21:23:24Z"),
                snapshot("avibryant.com/index.rdf", "2008-09-10T00:00:00Z", 5, "2008-03-08T09:02:38Z", "2008-09-02T19:50:07Z"));

        ArchiveCoverage coverage = ArchiveCoverage.of(List.of(at("2007-11-01T00:00:00Z"), at("2008-09-10T00:00:00Z")),
                feeds, at("2007-07-05T06:15:25Z"), at("2008-09-02T19:50:07Z"), ZoneOffset.UTC);

        assertThat(coverage.holes()).containsExactly(
                new ArchiveCoverage.Hole(at("2007-11-01T00:00:00Z"), at("2008-03-08T09:02:38Z")));
        assertThat(coverage.figuresAreLowerBounds()).isTrue();
        assertThat(coverage.months()).hasSize(15);
        assertThat(coverage.months()).filteredOn(ArchiveCoverage.MonthCoverage::postsMayBeMissing)
                .extracting(ArchiveCoverage.MonthCoverage::month).containsExactly(
                        YearMonth.of(2007, 11), YearMonth.of(2007, 12), YearMonth.of(2008, 1), YearMonth.of(2008, 2),
                        YearMonth.of(2008, 3));
        assertThat(coverage.monthsWithoutFeedCapture()).hasSize(13).doesNotContain(YearMonth.of(2007, 11),
                YearMonth.of(2008, 9));
    }

    @Test
    void whenEveryCaptureIsFullEarlierPostsMayHaveBeenCutOff() {
        List<ArchiveCoverage.Snapshot> feeds = List.of(
                snapshot("b.example.org/feed", "2006-05-01T00:00:00Z", 10, "2006-03-01T00:00:00Z", "2006-04-28T00:00:00Z"));

        ArchiveCoverage coverage = ArchiveCoverage.of(List.of(at("2006-05-01T00:00:00Z")), feeds,
                at("2006-03-01T00:00:00Z"), at("2006-04-28T00:00:00Z"), ZoneOffset.UTC);

        assertThat(coverage.holes()).isEmpty();
        assertThat(coverage.earlierPostsMayBeMissingBefore()).isEqualTo(at("2006-03-01T00:00:00Z"));
        assertThat(coverage.figuresAreLowerBounds()).isTrue();
    }

    @Test
    void aPostDatedAfterItsCaptureByAClockErrorIsStillVouchedFor() {
        List<ArchiveCoverage.Snapshot> feeds = List.of(
                snapshot("b.example.org/feed", "2006-05-01T00:00:00Z", 4, "2006-03-01T00:00:00Z", "2006-05-01T05:00:00Z"));

        ArchiveCoverage coverage = ArchiveCoverage.of(List.of(at("2006-05-01T00:00:00Z")), feeds,
                at("2006-03-01T00:00:00Z"), at("2006-05-01T05:00:00Z"), ZoneOffset.UTC);

        assertThat(coverage.holes()).as("the period ends at the post, 5 h after the capture").isEmpty();
    }

    @Test
    void monthsAreTheZonesAndWithoutAnyCaptureThereIsNothingToVouch() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        ArchiveCoverage late = ArchiveCoverage.of(List.of(at("2009-01-31T23:30:00Z")), List.of(), null, null, auckland);
        assertThat(late.months()).containsExactly(new ArchiveCoverage.MonthCoverage(YearMonth.of(2009, 2), 1, 0, true));
        assertThat(late.figuresAreLowerBounds()).isTrue();

        ArchiveCoverage nothing = ArchiveCoverage.of(List.of(), List.of(), null, null, ZoneOffset.UTC);
        assertThat(nothing.firstMonth()).isNull();
        assertThat(nothing.months()).isEmpty();
        assertThat(nothing.figuresAreLowerBounds()).isTrue();
    }
}
