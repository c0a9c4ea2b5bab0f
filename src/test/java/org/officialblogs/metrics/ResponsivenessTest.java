package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsivenessTest {

    private static final Instant NOW = Instant.parse("2024-06-16T12:00:00Z");

    private final Responsiveness defaults = new Responsiveness(MetricsSettings.defaults());

    private static Instant daysBeforeNow(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** A post with comments whose first reader comment came 1 day after publication. */
    private static PostReplyInput post(Instant published, int comments, Duration replyAfterComment, int answered,
            CommentsState state) {
        Instant firstComment = comments > 0 ? published.plus(Duration.ofDays(1)) : null;
        Instant reply = replyAfterComment == null ? null : firstComment.plus(replyAfterComment);
        return new PostReplyInput(published, comments, firstComment, reply, answered, state);
    }

    @Test
    void replyRateIntervalMedianTimeAndSharesOverJudgedPosts() {
        List<PostReplyInput> posts = List.of(
                post(daysBeforeNow(20), 3, Duration.ofHours(2), 2, CommentsState.OPEN),   // a: replied
                post(daysBeforeNow(30), 1, Duration.ofHours(6), 1, CommentsState.OPEN),   // b: replied
                post(daysBeforeNow(40), 2, null, 0, CommentsState.OPEN),                  // c: not replied
                post(daysBeforeNow(50), 0, null, 0, CommentsState.OPEN),                  // d: no comments, open
                post(daysBeforeNow(60), 0, null, 0, CommentsState.CLOSED),                // e: closed
                post(daysBeforeNow(70), 0, null, 0, CommentsState.UNKNOWN),               // f: state unknown
                // g: recorded CLOSED (closed later), but its comments prove it was open; answered 5 capped at 4
                post(daysBeforeNow(80), 4, Duration.ofHours(10), 5, CommentsState.CLOSED));
        ResponsivenessMetrics metrics = defaults.measure(posts, NOW);

        assertThat(metrics.judgedPosts()).isEqualTo(7);
        assertThat(metrics.postsTooRecent()).isZero();
        assertThat(metrics.judgedPostsWithReaderComments()).isEqualTo(4); // a, b, c, g
        assertThat(metrics.judgedPostsReplied()).isEqualTo(3);            // a, b, g
        assertThat(metrics.replyRate()).hasValue(0.75);                   // 3 / 4
        // Wilson 3/4: centre (0.75 + 0.4802) / 1.9604 = 0.6275, half width 0.3269
        assertThat(metrics.replyRateInterval().lower()).isCloseTo(0.3006, within(0.00005));
        assertThat(metrics.replyRateInterval().upper()).isCloseTo(0.9544, within(0.00005));
        assertThat(metrics.medianTimeToFirstReply()).contains(Duration.ofHours(6)); // of 2 h, 6 h, 10 h
        assertThat(metrics.readerComments()).isEqualTo(10);                         // 3 + 1 + 2 + 4
        assertThat(metrics.readerCommentsAnswered()).isEqualTo(7);                  // 2 + 1 + 0 + min(5, 4)
        assertThat(metrics.shareOfReaderCommentsAnswered()).hasValue(0.7);
        assertThat(metrics.judgedPostsWithKnownCommentsState()).isEqualTo(6);       // all but f
        assertThat(metrics.judgedPostsWithCommentsOpen()).isEqualTo(5);             // a, b, c, d, g
        assertThat(metrics.judgedPostsWithCommentsClosed()).isEqualTo(1);           // e
        assertThat(metrics.commentsOpenShare().getAsDouble()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void postsUnderFourteenDaysOldAreNotJudged() {
        Instant justUnder = NOW.minus(Duration.ofDays(14)).plusSeconds(1);
        Instant exactly = NOW.minus(Duration.ofDays(14));
        List<PostReplyInput> posts = List.of(
                post(justUnder, 2, null, 0, CommentsState.OPEN),   // no reply yet: must not count against
                post(exactly, 2, Duration.ofHours(1), 2, CommentsState.OPEN));
        ResponsivenessMetrics metrics = defaults.measure(posts, NOW);

        assertThat(metrics.judgedPosts()).isEqualTo(1);
        assertThat(metrics.postsTooRecent()).isEqualTo(1);
        assertThat(metrics.replyRate()).hasValue(1.0); // 1 / 1, the fresh unanswered post is excluded
        assertThat(metrics.readerComments()).isEqualTo(2);

        // the age is a setting: at 7 days both posts are judged and the rate is 1 / 2
        ResponsivenessMetrics sevenDays = new Responsiveness(
                MetricsSettings.defaults().withMinimumJudgingAge(Duration.ofDays(7))).measure(posts, NOW);
        assertThat(sevenDays.judgedPosts()).isEqualTo(2);
        assertThat(sevenDays.replyRate()).hasValue(0.5);
    }

    @Test
    void postsOutsideTheWindowUndatedAndFutureAreIgnored() {
        List<PostReplyInput> posts = new ArrayList<>();
        posts.add(post(daysBeforeNow(400), 5, null, 0, CommentsState.OPEN));            // older than 365 days
        posts.add(new PostReplyInput(null, 5, null, null, 0, CommentsState.OPEN));      // undated
        posts.add(post(NOW.plus(Duration.ofDays(3)), 5, null, 0, CommentsState.OPEN));  // future
        posts.add(post(daysBeforeNow(100), 1, Duration.ofMinutes(30), 1, CommentsState.OPEN));
        ResponsivenessMetrics metrics = defaults.measure(posts, NOW);

        assertThat(metrics.judgedPosts()).isEqualTo(1);
        assertThat(metrics.postsTooRecent()).isZero(); // the future post is not "too recent", it is ignored
        assertThat(metrics.replyRate()).hasValue(1.0);
        assertThat(metrics.medianTimeToFirstReply()).contains(Duration.ofMinutes(30));
    }

    @Test
    void noJudgedCommentsGivesEmptyRateAndTheWholeInterval() {
        ResponsivenessMetrics metrics = defaults.measure(
                List.of(post(daysBeforeNow(20), 0, null, 0, CommentsState.UNKNOWN)), NOW);

        assertThat(metrics.judgedPosts()).isEqualTo(1);
        assertThat(metrics.replyRate()).isEmpty();
        assertThat(metrics.replyRateInterval()).isEqualTo(WilsonInterval.UNINFORMED);
        assertThat(metrics.medianTimeToFirstReply()).isEmpty();
        assertThat(metrics.shareOfReaderCommentsAnswered()).isEmpty();
        assertThat(metrics.commentsOpenShare()).isEmpty(); // the only state is unknown
    }

    @Test
    void replyWithoutReaderCommentIsNotCountedAndOddTimesAreLeftOutOfTheMedian() {
        Instant published = daysBeforeNow(30);
        List<PostReplyInput> posts = List.of(
                // the official "replied" on a post no reader commented on: nobody to answer
                new PostReplyInput(published, 0, null, published.plusSeconds(60), 0, CommentsState.OPEN),
                // reply recorded before the first reader comment (clock skew): replied, but no time to reply
                new PostReplyInput(published, 1, published.plusSeconds(7200), published.plusSeconds(3600), 1,
                        CommentsState.OPEN),
                // first reader comment time unknown: replied, no time to reply
                new PostReplyInput(published, 1, null, published.plusSeconds(3600), 1, CommentsState.OPEN),
                // 4 h and 1 h below: even count, median (1 h + 4 h) / 2 = 2 h 30 min
                post(published, 1, Duration.ofHours(4), 1, CommentsState.OPEN),
                post(published, 1, Duration.ofHours(1), 1, CommentsState.OPEN));
        ResponsivenessMetrics metrics = defaults.measure(posts, NOW);

        assertThat(metrics.judgedPostsWithReaderComments()).isEqualTo(4);
        assertThat(metrics.judgedPostsReplied()).isEqualTo(4);
        assertThat(metrics.medianTimeToFirstReply()).contains(Duration.ofMinutes(150));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> new PostReplyInput(NOW, -1, null, null, 0, CommentsState.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostReplyInput(NOW, 1, null, null, -1, CommentsState.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
