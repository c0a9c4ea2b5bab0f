package org.officialblogs.metrics;

import static org.officialblogs.metrics.ScoreFormula.CLOSED_POST_VALUE;
import static org.officialblogs.metrics.ScoreFormula.CONSISTENCY_WEEKS;
import static org.officialblogs.metrics.ScoreFormula.MINIMUM_REPLY_SAMPLE;
import static org.officialblogs.metrics.ScoreFormula.PRIOR_REPLY_RATE;
import static org.officialblogs.metrics.ScoreFormula.PRIOR_STRENGTH;
import static org.officialblogs.metrics.ScoreFormula.RECENCY_FULL_CREDIT_DAYS;
import static org.officialblogs.metrics.ScoreFormula.RECENCY_ZERO_DAYS;
import static org.officialblogs.metrics.ScoreFormula.WEIGHT_CONSISTENCY;
import static org.officialblogs.metrics.ScoreFormula.WEIGHT_RECENCY;
import static org.officialblogs.metrics.ScoreFormula.WEIGHT_RESPONSIVENESS;
import static org.officialblogs.metrics.ScoreFormula.WEIGHT_VOLUME;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;

import org.officialblogs.metrics.WorkedExample.Expected;
import org.officialblogs.metrics.WorkedExample.ExpectedComponent;

/**
 * The methodology as text and worked examples, built from the same constants as the code. The methodology page
 * shows {@link #sections()} and {@link #examples()}; the unit tests recompute every example.
 */
public final class Methodology {

    /** The moment all examples are computed at: Sunday 16 June 2024, 12:00 UTC. */
    public static final Instant EXAMPLE_NOW = Instant.parse("2024-06-16T12:00:00Z");
    private static final ZoneId EXAMPLE_ZONE = ZoneOffset.UTC;
    private static final LocalDate EXAMPLE_TODAY = LocalDate.ofInstant(EXAMPLE_NOW, EXAMPLE_ZONE);

    /**
     * A heading and its text.
     *
     * @param heading the heading
     * @param body plain text, paragraphs separated by a blank line
     */
    public record Section(String heading, String body) {

        public Section {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(body, "body");
        }
    }

    /** The rule for posts with comments closed, as the methodology and each profile with such posts state it. */
    public static String commentsClosedRule() {
        return String.format(Locale.ROOT,
                "The same rule for every blog: a judged post with comments closed counts %s for"
                        + " responsiveness, half the neutral %s. The other judged posts count the"
                        + " reply rate. A blog with comments closed everywhere therefore gets %s:"
                        + " below a blog that keeps comments open and answers, because closing"
                        + " comments ends the conversation we measure (and must not be a way to escape"
                        + " a poor reply rate); above a blog that leaves comments open and ignores"
                        + " every reader. A post that has reader comments counts as open, so closing"
                        + " old posts automatically costs nothing.",
                decimal(CLOSED_POST_VALUE), decimal(PRIOR_REPLY_RATE), decimal(CLOSED_POST_VALUE));
    }

    private Methodology() {
    }

    /**
     * The methodology in plain words.
     *
     * @param commentWindowDays the crawler's comment window: a post's comments are read while it is younger than this
     */
    public static List<Section> sections(int commentWindowDays) {
        return List.of(
                new Section("What we measure",
                        "We read each blog's feed and comment pages and record when every post was published, how"
                                + " many readers commented, and whether and when the official replied."),
                new Section("Days and weeks",
                        "Days are calendar days in the site's time zone. \"The last 30 days\" means today and the"
                                + " 29 days before. A week is 7 days ending today, then the 7 days before that, and so"
                                + " on: \"posted in 10 of the last 12 weeks\" counts those rolling weeks, not calendar"
                                + " weeks. Posts dated in the future and posts without a date are ignored."),
                new Section("Status",
                        "Active: a post in the last " + MeasuredStatus.ACTIVE_WITHIN_DAYS + " days. Slowing: the last"
                                + " post is 31 to " + MeasuredStatus.SLOWING_WITHIN_DAYS + " days old (counting today as"
                                + " day 1). Dormant: no post in " + MeasuredStatus.SLOWING_WITHIN_DAYS + " days. Before"
                                + " these, problems take precedence: a blog with no address yet is a lead, a blog that"
                                + " is gone is offline, a blog we keep failing to reach is unreachable, and a blog"
                                + " never crawled successfully or without any post has no data. Only active and"
                                + " slowing blogs are ranked."),
                new Section("Which posts are judged for replies",
                        "A post is judged once it is " + MetricsSettings.DEFAULT_MINIMUM_JUDGING_AGE.toDays()
                                + " days old, so that readers and the official have had time to write, and while it"
                                + " is within the last " + MetricsSettings.DEFAULT_RESPONSIVENESS_WINDOW_DAYS
                                + " days. The reply rate is the share of judged posts with reader comments on which"
                                + " the official replied; we also show a 95 % Wilson interval around it.\n\n"
                                + "We read a post's comments while it is younger than " + commentWindowDays
                                + " days, and keep what we read. Posts that were already older when we first crawled"
                                + " a blog have no comments read, so they are not judged: a newly listed blog is"
                                + " judged on its last " + Math.min(commentWindowDays,
                                        MetricsSettings.DEFAULT_RESPONSIVENESS_WINDOW_DAYS)
                                + " days at first, and on up to " + MetricsSettings.DEFAULT_RESPONSIVENESS_WINDOW_DAYS
                                + " days once we have been reading it that long."),
                new Section("The score",
                        String.format(Locale.ROOT,
                                "The score runs from 0 to 100 and adds four parts, each worth 0 to 1 times its"
                                        + " weight.%n%n"
                                        + "Consistency (%s points), the main part: the weeks with at least one post"
                                        + " among the last %d, divided by %d. Posting every week is the bar.%n%n"
                                        + "Responsiveness (%s points): the reply rate.%n%n"
                                        + "Recency (%s points): full if the last post is at most %d days old, then"
                                        + " falling in a straight line to nothing at %d days.%n%n"
                                        + "Volume (%s points), with diminishing returns: w / (w + 1) where w is the"
                                        + " average posts per week over the last %d weeks. One post a week gives half,"
                                        + " twenty give 0.95: volume adds at most %s points over a weekly poster, far"
                                        + " less than answering readers is worth, so posting a lot cannot beat posting"
                                        + " weekly and answering.%n%n"
                                        + "The score is shown rounded to one decimal.",
                                whole(WEIGHT_CONSISTENCY), CONSISTENCY_WEEKS, CONSISTENCY_WEEKS,
                                whole(WEIGHT_RESPONSIVENESS), whole(WEIGHT_RECENCY), RECENCY_FULL_CREDIT_DAYS,
                                RECENCY_ZERO_DAYS, whole(WEIGHT_VOLUME), CONSISTENCY_WEEKS,
                                whole(WEIGHT_VOLUME / 2))),
                new Section("Small samples",
                        String.format(Locale.ROOT,
                                "One or two posts must not win or lose by luck. Until a blog has %d judged posts"
                                        + " with reader comments, its reply rate is pulled toward a neutral %s as if"
                                        + " it had %s more posts replied at that rate: (replied + %s × %s) / (posts"
                                        + " + %s). Such a blog is marked \"not enough data yet\". The neutral value is"
                                        + " fixed, not the site average, so a blog's score never moves because of"
                                        + " other blogs.",
                                MINIMUM_REPLY_SAMPLE, decimal(PRIOR_REPLY_RATE), whole(PRIOR_STRENGTH),
                                whole(PRIOR_STRENGTH), decimal(PRIOR_REPLY_RATE), whole(PRIOR_STRENGTH))),
                new Section("Comments closed", commentsClosedRule()),
                new Section("Replies not measurable",
                        String.format(Locale.ROOT,
                                "Some blogs keep their replies where we cannot read them: Medium shows responses"
                                        + " only to a browser running its scripts; Disqus, Facebook comments and Hyvor"
                                        + " Talk let only the site owner's key read their comments; some comments are"
                                        + " for paying subscribers only or closed to crawlers by the site's"
                                        + " robots.txt. We find this on the blog's post pages and say it in words on the"
                                        + " ranking, the profile and in the data: such a blog has no reply rate, which"
                                        + " is not a reply rate of 0 %% and not \"comments closed\".%n%n"
                                        + "Its responsiveness is held at the neutral %s, the value every blog starts"
                                        + " from before readers comment, and the other parts keep their weights. So a"
                                        + " blog neither rises nor falls only because its platform hides replies: it"
                                        + " stays below a blog that answers its readers and above one that ignores"
                                        + " them.",
                                decimal(PRIOR_REPLY_RATE))),
                new Section("Ranking",
                        "Active and slowing blogs are ranked by score. Blogs with the same score share a rank"
                                + " (1, 2, 2, 4) and are listed by most recent post, then by the order they were"
                                + " added to the directory. The arrow beside a rank shows the change since the previous"
                                + " ranking;"
                                + " \"new\" means the blog was not ranked then."));
    }

    /** The worked examples, all computed at {@link #EXAMPLE_NOW} in UTC, with their hand-computed outcome. */
    public static List<WorkedExample> examples() {
        return List.of(
                weeklyAndAnswering(),
                prolificButSilent(),
                commentsClosedEverywhere(),
                commentsPartlyClosed(),
                openButNeverAnswers(),
                newBlogSmallSample(),
                burstyPoster());
    }

    /** The reason the not-measurable example's blog gives, as the crawler states it for Medium. */
    public static final String NOT_MEASURABLE_REASON = "Medium shows responses only to a browser running its"
            + " scripts; no public interface lists them.";

    /**
     * The worked example of a blog whose replies cannot be measured: recomputed by the tests with
     * {@link ScoreFormula#score(BlogMetrics, String)} and {@link #NOT_MEASURABLE_REASON}, shown after the others.
     */
    public static WorkedExample notMeasurableExample() {
        return new WorkedExample(
                "Weekly on Medium, replies not measurable",
                "The same weekly year of posts on Medium, whose responses we cannot read. No reply rate is"
                        + " measured, which is not a rate of 0: responsiveness is held at the neutral 0.5. It"
                        + " scores below the weekly blog that answers most readers (89.0) and above the one that"
                        + " leaves comments open and answers none (65.0).",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK,
                weeklyPosts(),
                weeklyReplies(k -> new PostReplyInput(weeklyPost(k), 0, null, null, 0, CommentsState.UNKNOWN)),
                new Expected(MeasuredStatus.ACTIVE, 80.0, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 1.0, 45.0),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, PRIOR_REPLY_RATE, 15.0),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 0.5, 5.0)),
                        false,
                        "45 × 12/12 + 30 × 0.5 (held at the neutral value) + 15 × 1 + 10 × 1/(1 + 1)"
                                + " = 45 + 15 + 15 + 5 = 80.0"));
    }

    // Weekly posts on Fridays at 09:00 UTC: post k is 2 + 7k days before today, k = 0..51.
    private static final int WEEKLY_POSTS = 52;

    private static Instant weeklyPost(int k) {
        return at(2 + 7 * k, 9);
    }

    private static List<Instant> weeklyPosts() {
        List<Instant> posts = new ArrayList<>();
        for (int k = 0; k < WEEKLY_POSTS; k++) {
            posts.add(weeklyPost(k));
        }
        return posts;
    }

    private static List<PostReplyInput> weeklyReplies(IntFunction<PostReplyInput> replyForPost) {
        List<PostReplyInput> replies = new ArrayList<>();
        for (int k = 0; k < WEEKLY_POSTS; k++) {
            replies.add(replyForPost.apply(k));
        }
        return replies;
    }

    private static PostReplyInput commented(Instant published, int comments, boolean replied) {
        Instant firstComment = published.plus(Duration.ofDays(1));
        return new PostReplyInput(published, comments, firstComment,
                replied ? firstComment.plus(Duration.ofHours(3)) : null,
                replied ? comments : 0, CommentsState.OPEN);
    }

    private static WorkedExample weeklyAndAnswering() {
        return new WorkedExample(
                "Weekly, answers most readers",
                "One post every Friday for a year (52 posts, the last 2 days ago). Every post has 3 reader"
                        + " comments; the official replied on every post except every fifth one. Posts 0 and 1 are"
                        + " younger than 14 days and not judged yet, so 50 posts are judged; 10 of them are"
                        + " unanswered.",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK,
                weeklyPosts(),
                weeklyReplies(k -> commented(weeklyPost(k), 3, k % 5 != 0)),
                new Expected(MeasuredStatus.ACTIVE, 89.0, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 12.0 / 12, 45.0),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 40.0 / 50, 24.0),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 1.0 / (1 + 1), 5.0)),
                        false,
                        "45 × 12/12 + 30 × 40/50 + 15 × 1 + 10 × 1/(1 + 1) = 45 + 24 + 15 + 5 = 89.0"));
    }

    private static WorkedExample prolificButSilent() {
        List<Instant> posts = new ArrayList<>();
        List<PostReplyInput> replies = new ArrayList<>();
        for (int week = 0; week < 12; week++) {
            for (int i = 0; i < 20; i++) {
                // 20 posts a week: 3 a day on six days, 2 on one, all before noon so none is after "now"
                Instant published = at(7 * week + i % 7, 8 + i / 7);
                posts.add(published);
                replies.add(commented(published, 2, false));
            }
        }
        return new WorkedExample(
                "Twenty posts a week, never answers",
                "20 posts every week for the last 12 weeks (240 posts, the last today), each with 2 reader"
                        + " comments, none answered. Volume has diminishing returns, so this blog scores below the"
                        + " weekly blog that answers its readers.",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK, posts, replies,
                new Expected(MeasuredStatus.ACTIVE, 69.5, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 12.0 / 12, 45.0),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 0.0, 0.0),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 20.0 / 21, 200.0 / 21)),
                        false,
                        "45 × 12/12 + 30 × 0 + 15 × 1 + 10 × 20/(20 + 1) = 45 + 0 + 15 + 9.52 = 69.52,"
                                + " shown 69.5"));
    }

    private static WorkedExample commentsClosedEverywhere() {
        return new WorkedExample(
                "Weekly, comments closed",
                "The same weekly year of posts, but comments are closed on every post. The comments-closed rule"
                        + " gives responsiveness 0.25, half the neutral 0.5.",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK,
                weeklyPosts(),
                weeklyReplies(k -> new PostReplyInput(weeklyPost(k), 0, null, null, 0, CommentsState.CLOSED)),
                new Expected(MeasuredStatus.ACTIVE, 72.5, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 1.0, 45.0),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 0.25, 7.5),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 0.5, 5.0)),
                        false,
                        "45 × 12/12 + 30 × 0.25 + 15 × 1 + 10 × 1/(1 + 1) = 45 + 7.5 + 15 + 5 = 72.5"));
    }

    private static WorkedExample commentsPartlyClosed() {
        return new WorkedExample(
                "Weekly, comments closed on some posts",
                "The same weekly year of posts. Comments are closed on every fourth post (12 of the 50 judged"
                        + " posts); the other 38 judged posts have 2 reader comments each and all were answered."
                        + " Responsiveness = 38/50 × 1 + 12/50 × 0.25 = 0.76 + 0.06 = 0.82.",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK,
                weeklyPosts(),
                weeklyReplies(k -> k % 4 == 0
                        ? new PostReplyInput(weeklyPost(k), 0, null, null, 0, CommentsState.CLOSED)
                        : commented(weeklyPost(k), 2, true)),
                new Expected(MeasuredStatus.ACTIVE, 89.6, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 1.0, 45.0),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 0.82, 24.6),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 0.5, 5.0)),
                        false,
                        "45 × 12/12 + 30 × (0.76 × 38/38 + 0.24 × 0.25) + 15 × 1 + 10 × 1/(1 + 1)"
                                + " = 45 + 24.6 + 15 + 5 = 89.6"));
    }

    private static WorkedExample openButNeverAnswers() {
        return new WorkedExample(
                "Weekly, comments open, never answers",
                "The same weekly year of posts with 3 reader comments on each, none answered: reply rate 0 over 50"
                        + " judged posts. This scores below closing comments (72.5) and well below answering (89.0).",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK,
                weeklyPosts(),
                weeklyReplies(k -> commented(weeklyPost(k), 3, false)),
                new Expected(MeasuredStatus.ACTIVE, 65.0, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 1.0, 45.0),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 0.0, 0.0),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 0.5, 5.0)),
                        false,
                        "45 × 12/12 + 30 × 0/50 + 15 × 1 + 10 × 1/(1 + 1) = 45 + 0 + 15 + 5 = 65.0"));
    }

    private static WorkedExample newBlogSmallSample() {
        List<Instant> posts = new ArrayList<>();
        List<PostReplyInput> replies = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Instant published = at(3 + 7 * k, 10);
            posts.add(published);
            replies.add(commented(published, 1, true));
        }
        return new WorkedExample(
                "New blog, too few posts to judge",
                "A blog that started five weeks ago: 5 weekly posts, the last 3 days ago, each with one reader"
                        + " comment, all answered. Only the 3 posts older than 14 days are judged, fewer than 5,"
                        + " so the perfect reply rate is pulled toward 0.5: (3 + 5 × 0.5) / (3 + 5) = 0.6875.",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK, posts, replies,
                new Expected(MeasuredStatus.ACTIVE, 57.3, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 5.0 / 12, 18.75),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 5.5 / 8, 20.625),
                        new ExpectedComponent(ScorePart.RECENCY, 1.0, 15.0),
                        new ExpectedComponent(ScorePart.VOLUME, 5.0 / 17, 50.0 / 17)),
                        true,
                        "45 × 5/12 + 30 × 5.5/8 + 15 × 1 + 10 × (5/12)/(5/12 + 1) = 18.75 + 20.625 + 15 + 2.94"
                                + " = 57.32, shown 57.3"));
    }

    private static WorkedExample burstyPoster() {
        List<Instant> posts = new ArrayList<>();
        List<PostReplyInput> replies = new ArrayList<>();
        for (int day = 40; day <= 45; day++) {
            for (int hour : new int[] {8, 16}) {
                Instant published = at(day, hour);
                posts.add(published);
                replies.add(new PostReplyInput(published, 0, null, null, 0, CommentsState.UNKNOWN));
            }
        }
        return new WorkedExample(
                "A burst, then silence",
                "12 posts in six days, 40 to 45 days ago, then nothing; no reader comments. The burst falls in"
                        + " 2 of the last 12 weeks. With no judged post with reader comments, responsiveness is the"
                        + " neutral 0.5.",
                EXAMPLE_NOW, EXAMPLE_ZONE, Reachability.OK, posts, replies,
                new Expected(MeasuredStatus.SLOWING, 36.4, List.of(
                        new ExpectedComponent(ScorePart.CONSISTENCY, 2.0 / 12, 7.5),
                        new ExpectedComponent(ScorePart.RESPONSIVENESS, 0.5, 15.0),
                        new ExpectedComponent(ScorePart.RECENCY, 50.0 / 84, 750.0 / 84),
                        new ExpectedComponent(ScorePart.VOLUME, 0.5, 5.0)),
                        true,
                        "45 × 2/12 + 30 × 0.5 + 15 × (90 - 40)/84 + 10 × 1/(1 + 1) = 7.5 + 15 + 8.93 + 5"
                                + " = 36.43, shown 36.4"));
    }

    private static Instant at(int daysBeforeToday, int hourUtc) {
        return EXAMPLE_TODAY.minusDays(daysBeforeToday).atTime(LocalTime.of(hourUtc, 0)).toInstant(ZoneOffset.UTC);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
