package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreFormulaTest {

    private static final Instant NOW = Instant.parse("2024-06-16T12:00:00Z");
    private static final double EXACT = 1e-9;

    private final BlogMetricsCalculator calculator = new BlogMetricsCalculator(MetricsSettings.defaults());

    private static Instant daysAgo(int days) {
        return LocalDate.of(2024, 6, 16).minusDays(days).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private static PostReplyInput commented(int daysAgo, boolean replied) {
        Instant published = daysAgo(daysAgo);
        Instant comment = published.plus(Duration.ofHours(2));
        return new PostReplyInput(published, 1, comment, replied ? comment.plus(Duration.ofHours(1)) : null,
                replied ? 1 : 0, CommentsState.OPEN);
    }

    private static PostReplyInput closed(int daysAgo) {
        return new PostReplyInput(daysAgo(daysAgo), 0, null, null, 0, CommentsState.CLOSED);
    }

    /** Responsiveness of judged posts 20, 21, ... days old; {@code replied} of {@code commented} answered. */
    private Score scoreWithReplies(int commentedPosts, int repliedPosts, int closedPosts) {
        List<PostReplyInput> replies = new ArrayList<>();
        for (int i = 0; i < commentedPosts; i++) {
            replies.add(commented(20 + i, i < repliedPosts));
        }
        for (int i = 0; i < closedPosts; i++) {
            replies.add(closed(100 + i));
        }
        return ScoreFormula.score(calculator.compute(List.of(), replies, NOW));
    }

    private static double value(Score score, ScorePart part) {
        return score.component(part).value();
    }

    @Test
    void weightsAddUpTo100AndPartsComeInOrder() {
        double sum = Arrays.stream(ScorePart.values()).mapToDouble(ScorePart::weight).sum();
        assertThat(sum).isEqualTo(100.0);
        Score score = ScoreFormula.score(calculator.compute(List.of(), List.of(), NOW));
        assertThat(score.components()).extracting(ScoreComponent::part).containsExactly(ScorePart.values());
    }

    @Test
    void noPostsScoresOnlyTheNeutralResponsiveness() {
        Score score = ScoreFormula.score(calculator.compute(List.of(), List.of(), NOW));

        // 45 × 0 + 30 × (0 + 5 × 0.5) / (0 + 5) + 15 × 0 + 10 × 0 = 15.0
        assertThat(value(score, ScorePart.CONSISTENCY)).isZero();
        assertThat(value(score, ScorePart.RESPONSIVENESS)).isEqualTo(0.5);
        assertThat(value(score, ScorePart.RECENCY)).isZero();
        assertThat(value(score, ScorePart.VOLUME)).isZero();
        assertThat(score.points()).isEqualTo(15.0);
        assertThat(score.notEnoughDataYet()).isTrue();
        assertThat(score.commentsClosedPolicyApplied()).isFalse();
        assertThat(score.explanation()).startsWith("No judged post has reader comments yet, fewer than 5");
        assertThat(score.component(ScorePart.RECENCY).explanation()).isEqualTo("No post yet: 0; × 15 = 0.00 points.");
    }

    @Test
    void onePostToday() {
        Score score = ScoreFormula.score(calculator.compute(List.of(daysAgo(0)), List.of(), NOW));

        // consistency 1/12 × 45 = 3.75; responsiveness prior 0.5 × 30 = 15; recency 1 × 15 = 15;
        // volume w = 1/12, (1/12) / (1/12 + 1) = 1/13, × 10 = 0.7692; total 34.519 -> 34.5
        assertThat(score.component(ScorePart.CONSISTENCY).points()).isCloseTo(3.75, within(EXACT));
        assertThat(score.component(ScorePart.RESPONSIVENESS).points()).isCloseTo(15.0, within(EXACT));
        assertThat(score.component(ScorePart.RECENCY).points()).isCloseTo(15.0, within(EXACT));
        assertThat(value(score, ScorePart.VOLUME)).isCloseTo(1.0 / 13, within(EXACT));
        assertThat(score.exactPoints()).isCloseTo(33.75 + 10.0 / 13, within(EXACT));
        assertThat(score.points()).isEqualTo(34.5);
        assertThat(score.component(ScorePart.CONSISTENCY).explanation())
                .isEqualTo("Posted in 1 of the last 12 weeks: 1 / 12 = 0.08; × 45 = 3.75 points.");
        assertThat(score.component(ScorePart.VOLUME).explanation()).isEqualTo(
                "1 post in the last 12 weeks = 0.08 a week; with diminishing returns w / (w + 1) = 0.08;"
                        + " × 10 = 0.77 points.");
    }

    @Test
    void belowTheMinimumSampleTheReplyRateShrinksTowardThePrior() {
        // 2 of 2 replied: (2 + 5 × 0.5) / (2 + 5) = 4.5 / 7 = 0.642857
        Score twoOfTwo = scoreWithReplies(2, 2, 0);
        assertThat(value(twoOfTwo, ScorePart.RESPONSIVENESS)).isCloseTo(4.5 / 7, within(EXACT));
        assertThat(twoOfTwo.notEnoughDataYet()).isTrue();
        assertThat(twoOfTwo.explanation()).isEqualTo(
                "Only 2 judged posts with reader comments (replied on 2), fewer than 5, so the reply rate is pulled"
                        + " toward the neutral 0.50: (2 + 5 × 0.50) / (2 + 5) = 0.64. Not enough data yet;"
                        + " × 30 = 19.29 points.");

        // 0 of 4 replied: 2.5 / 9 = 0.277778, not 0
        Score zeroOfFour = scoreWithReplies(4, 0, 0);
        assertThat(value(zeroOfFour, ScorePart.RESPONSIVENESS)).isCloseTo(2.5 / 9, within(EXACT));
        assertThat(zeroOfFour.notEnoughDataYet()).isTrue();
    }

    @Test
    void atTheMinimumSampleTheReplyRateCountsInFull() {
        Score fiveOfFive = scoreWithReplies(5, 5, 0);
        assertThat(value(fiveOfFive, ScorePart.RESPONSIVENESS)).isEqualTo(1.0);
        assertThat(fiveOfFive.notEnoughDataYet()).isFalse();
        assertThat(fiveOfFive.explanation())
                .isEqualTo("Replied on 5 of 5 judged posts with reader comments: 5 / 5 = 1.00; × 30 = 30.00 points.");

        Score zeroOfFive = scoreWithReplies(5, 0, 0);
        assertThat(value(zeroOfFive, ScorePart.RESPONSIVENESS)).isZero();
        assertThat(zeroOfFive.notEnoughDataYet()).isFalse();
    }

    @Test
    void commentsClosedOnEveryJudgedPostGiveHalfThePrior() {
        Score score = scoreWithReplies(0, 0, 3);

        // 0.5 × 0.5 = 0.25, × 30 = 7.5
        assertThat(value(score, ScorePart.RESPONSIVENESS)).isEqualTo(0.25);
        assertThat(score.component(ScorePart.RESPONSIVENESS).points()).isEqualTo(7.5);
        assertThat(score.notEnoughDataYet()).isFalse(); // waiting will not bring data
        assertThat(score.commentsClosedPolicyApplied()).isTrue();
        assertThat(score.explanation()).isEqualTo(
                "Comments were closed on all 3 judged posts. The same rule applies to every blog: a post with"
                        + " comments closed counts 0.25 (half the neutral 0.50), so closing comments never scores"
                        + " better than keeping them open and answering: 0.25; × 30 = 7.50 points.");
    }

    @Test
    void closedCommentsScoreBelowTheNeutralValueAndAboveIgnoringEveryReader() {
        double closed = value(scoreWithReplies(0, 0, 10), ScorePart.RESPONSIVENESS);
        double noCommentsYet = value(scoreWithReplies(0, 0, 0), ScorePart.RESPONSIVENESS);
        double ignoresAll = value(scoreWithReplies(10, 0, 0), ScorePart.RESPONSIVENESS);
        double answersHalf = value(scoreWithReplies(10, 5, 0), ScorePart.RESPONSIVENESS);

        assertThat(ignoresAll).isZero();
        assertThat(closed).isEqualTo(0.25);
        assertThat(noCommentsYet).isEqualTo(0.5);
        assertThat(answersHalf).isEqualTo(0.5);
    }

    @Test
    void partlyClosedCommentsBlendClosedPostsWithTheReplyRate() {
        // 2 commented posts, both replied (small sample): rate (2 + 2.5) / 7 = 0.642857
        // 2 closed posts out of 4 with a known state: c = 0.5
        // 0.5 × 0.642857 + 0.5 × 0.25 = 0.446429
        Score score = scoreWithReplies(2, 2, 2);

        assertThat(value(score, ScorePart.RESPONSIVENESS)).isCloseTo(0.5 * 4.5 / 7 + 0.5 * 0.25, within(EXACT));
        assertThat(score.notEnoughDataYet()).isTrue();
        assertThat(score.commentsClosedPolicyApplied()).isTrue();
        assertThat(score.explanation()).endsWith(
                "Comments were closed on 2 of 4 judged posts with a known comment state; the same rule applies to"
                        + " every blog: those posts count 0.25 (half the neutral 0.50) and the others the reply rate:"
                        + " 0.50 × 0.64 + 0.50 × 0.25 = 0.45; × 30 = 13.39 points.");
    }

    @Test
    void recencyIsFullForSixDaysThenFallsLinearlyToZeroAt90() {
        assertThat(recency(6)).isEqualTo(1.0);
        assertThat(recency(7)).isCloseTo(83.0 / 84, within(EXACT));   // (90 - 7) / 84
        assertThat(recency(48)).isCloseTo(0.5, within(EXACT));        // (90 - 48) / 84 = 42 / 84
        assertThat(recency(89)).isCloseTo(1.0 / 84, within(EXACT));
        assertThat(recency(90)).isZero();
        assertThat(recency(400)).isZero();
    }

    private double recency(int daysSinceLastPost) {
        return value(ScoreFormula.score(calculator.compute(List.of(daysAgo(daysSinceLastPost)), List.of(), NOW)),
                ScorePart.RECENCY);
    }

    @Test
    void volumeHasDiminishingReturns() {
        assertThat(volume(12)).isCloseTo(0.5, within(EXACT));        // 1 a week: 1 / 2
        assertThat(volume(24)).isCloseTo(2.0 / 3, within(EXACT));    // 2 a week: 2 / 3
        assertThat(volume(240)).isCloseTo(20.0 / 21, within(EXACT)); // 20 a week: 20 / 21
        // 20 a week adds 10 × (20/21 - 1/2) = 4.52 points over weekly: less than answering 1 more post in 6
        assertThat(10 * (volume(240) - volume(12))).isLessThan(30.0 / 6);
    }

    private double volume(int postsInTwelveWeeks) {
        List<Instant> posts = new ArrayList<>();
        for (int i = 0; i < postsInTwelveWeeks; i++) {
            posts.add(daysAgo(i % 84).minus(Duration.ofMinutes(i)));
        }
        return value(ScoreFormula.score(calculator.compute(posts, List.of(), NOW)), ScorePart.VOLUME);
    }

    @Test
    void breakdownAddsUpToTheExactScore() {
        Score score = scoreWithReplies(7, 3, 2);
        double sum = score.components().stream().mapToDouble(ScoreComponent::points).sum();
        assertThat(score.exactPoints()).isEqualTo(sum);
        for (ScoreComponent component : score.components()) {
            assertThat(component.points()).isEqualTo(component.value() * component.weight());
        }
    }

    @Test
    void shownScoreIsRoundedHalfUpToOneDecimal() {
        assertThat(ScoreFormula.roundToTenth(84.45)).isEqualTo(84.5); // binary 84.4499..., decimal form 84.45
        assertThat(ScoreFormula.roundToTenth(84.44999)).isEqualTo(84.4);
        assertThat(ScoreFormula.roundToTenth(57.316176)).isEqualTo(57.3);
        assertThat(ScoreFormula.roundToTenth(100.0)).isEqualTo(100.0);
        assertThat(ScoreFormula.roundToTenth(0.05)).isEqualTo(0.1);
    }
}
