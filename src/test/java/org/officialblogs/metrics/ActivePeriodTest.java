package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivePeriodTest {

    private static final double SECONDS_PER_DAY = 86_400.0;

    /** The ten posts of norm2782.com, January to March 2009, as its feed dated them. */
    private static final List<Instant> NORM = List.of(
            Instant.parse("2009-01-01T23:02:54Z"), Instant.parse("2009-01-01T23:29:35Z"),
            Instant.parse("2009-01-02T14:49:42Z"), Instant.parse("2009-01-03T10:14:38Z"),
            Instant.parse("2009-01-03T15:49:19Z"), Instant.parse("2009-01-07T11:48:31Z"),
            Instant.parse("2009-01-13T12:57:53Z"), Instant.parse("2009-01-14T10:47:25Z"),
            Instant.parse("2009-02-15T03:29:21Z"), Instant.parse("2009-03-02T08:09:33Z"));

    private final ActivePeriod utc = new ActivePeriod(ZoneOffset.UTC);

    @Test
    void measuresAnEndedBlogOverItsOwnFirstToLastPost() {
        PeriodMetrics m = utc.measure(NORM, List.of()).orElseThrow();

        assertThat(m.firstDay()).isEqualTo(LocalDate.of(2009, 1, 1));
        assertThat(m.lastDay()).isEqualTo(LocalDate.of(2009, 3, 2));
        assertThat(m.days()).isEqualTo(61);
        assertThat(m.posts()).isEqualTo(10);
        assertThat(m.postsPerWeek()).isEqualTo(70.0 / 61);
        // weeks end on Monday 2 March: Dec 30-Jan 5, Jan 6-12, ..., Feb 24-Mar 2
        assertThat(m.weeklyPosts()).containsExactly(5, 1, 2, 0, 0, 0, 1, 0, 1);
        assertThat(m.weeks()).isEqualTo(9);
        assertThat(m.weeksWithPost()).isEqualTo(5);
        // 14 January 10:47:25 to 15 February 03:29:21
        assertThat(m.longestGapDays().getAsDouble()).isCloseTo(2_738_516 / SECONDS_PER_DAY, within(1e-9));
        // nine gaps; the middle one is 14 January's 21 h 49 min 32 s after 13 January's post
        assertThat(m.medianGapDays().getAsDouble()).isCloseTo(78_572 / SECONDS_PER_DAY, within(1e-9));
        assertThat(m.undatedIgnored()).isZero();
        assertThat(m.replies()).isEmpty();
    }

    @Test
    void aPeriodLongerThanAYearIsStitchedFromYearStripsAndItsLongestGapCanExceedAYear() {
        List<Instant> posts = new ArrayList<>(List.of(Instant.parse("2008-06-30T12:00:00Z"),
                Instant.parse("2007-06-15T12:00:00Z"), Instant.parse("2007-01-03T12:00:00Z"),
                Instant.parse("2007-01-01T12:00:00Z")));
        posts.add(null);

        PeriodMetrics m = utc.measure(posts, List.of()).orElseThrow();

        assertThat(m.days()).isEqualTo(547);
        assertThat(m.weeks()).isEqualTo(79);
        Integer[] expected = new Integer[79];
        Arrays.fill(expected, 0);
        expected[0] = 1;  // 1 January 2007: 546 days before the last post, week 78 back
        expected[1] = 1;  // 3 January: 544 days back, week 77
        expected[24] = 1; // 15 June 2007: 381 days back, week 54, in the older of the two year strips
        expected[78] = 1; // 30 June 2008, the last week
        assertThat(m.weeklyPosts()).containsExactly(expected);
        assertThat(m.weeksWithPost()).isEqualTo(4);
        assertThat(m.postsPerWeek()).isEqualTo(4 * 7.0 / 547);
        assertThat(m.longestGapDays().getAsDouble()).isEqualTo(381.0);
        assertThat(m.undatedIgnored()).isEqualTo(1);
    }

    @Test
    void daysAndWeeksAreTheZonesLocalDays() {
        // Monday 23 February 00:30 UTC to Sunday 1 March 23:30 UTC: one week in UTC; in Auckland (UTC+13) the
        // second post is Monday 2 March, so the period is 8 days and two weeks, ending on that Monday
        List<Instant> posts = List.of(Instant.parse("2009-02-23T00:30:00Z"), Instant.parse("2009-03-01T23:30:00Z"));

        PeriodMetrics inUtc = utc.measure(posts, List.of()).orElseThrow();
        PeriodMetrics inAuckland = new ActivePeriod(ZoneId.of("Pacific/Auckland")).measure(posts, List.of())
                .orElseThrow();

        assertThat(inUtc.days()).isEqualTo(7);
        assertThat(inUtc.weeklyPosts()).containsExactly(2);
        assertThat(inAuckland.lastDay()).isEqualTo(LocalDate.of(2009, 3, 2));
        assertThat(inAuckland.days()).isEqualTo(8);
        assertThat(inAuckland.weeklyPosts()).containsExactly(1, 1);
        assertThat(inUtc.postsPerWeek()).isEqualTo(2.0);
    }

    @Test
    void aSinglePostIsAPeriodOfOneDayCountedAsAWeek() {
        PeriodMetrics m = utc.measure(List.of(Instant.parse("2006-05-01T10:00:00Z")), List.of()).orElseThrow();

        assertThat(m.days()).isEqualTo(1);
        assertThat(m.weeklyPosts()).containsExactly(1);
        assertThat(m.postsPerWeek()).isEqualTo(1.0);
        assertThat(m.longestGapDays()).isEmpty();
        assertThat(m.medianGapDays()).isEmpty();
        assertThat(utc.measure(Collections.singletonList(null), List.of())).isEmpty();
        assertThat(utc.measure(List.of(), List.of())).isEmpty();
    }

    @Test
    void repliesAreMeasuredOverThePeriodWithEveryPostJudgedEvenTheLast() {
        Instant last = NORM.get(9);
        List<PostReplyInput> replies = List.of(
                // answered after 6 h
                new PostReplyInput(NORM.get(0), 3, Instant.parse("2009-01-02T08:00:00Z"),
                        Instant.parse("2009-01-02T14:00:00Z"), 2, CommentsState.OPEN),
                // answered after 2 days
                new PostReplyInput(NORM.get(5), 1, Instant.parse("2009-01-08T09:00:00Z"),
                        Instant.parse("2009-01-10T09:00:00Z"), 1, CommentsState.OPEN),
                // the last post: comments, no answer, judged although its period ends the same day
                new PostReplyInput(last, 2, Instant.parse("2009-03-02T12:00:00Z"), null, 0, CommentsState.OPEN),
                new PostReplyInput(NORM.get(8), 0, null, null, 0, CommentsState.CLOSED));

        ResponsivenessMetrics r = utc.measure(NORM, replies).orElseThrow().replies().orElseThrow();

        assertThat(r.judgedPosts()).isEqualTo(4);
        assertThat(r.postsTooRecent()).isZero();
        assertThat(r.judgedPostsWithReaderComments()).isEqualTo(3);
        assertThat(r.judgedPostsReplied()).isEqualTo(2);
        assertThat(r.replyRate().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(r.replyRateInterval()).isEqualTo(WilsonInterval.of95(2, 3));
        assertThat(r.medianTimeToFirstReply()).contains(Duration.ofHours(6).plus(Duration.ofDays(2)).dividedBy(2));
        assertThat(r.readerComments()).isEqualTo(6);
        assertThat(r.readerCommentsAnswered()).isEqualTo(3);
        assertThat(r.judgedPostsWithCommentsOpen()).isEqualTo(3);
        assertThat(r.judgedPostsWithCommentsClosed()).isEqualTo(1);
    }
}
