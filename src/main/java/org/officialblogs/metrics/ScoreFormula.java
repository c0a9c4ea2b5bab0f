package org.officialblogs.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The score, 0 to 100: a weighted sum of four parts, each worth 0 to 1. Deterministic: it depends only on one
 * blog's {@link BlogMetrics}, never on other blogs, so it can be recomputed and explained from the blog's own page.
 *
 * <ul>
 *   <li><b>Consistency</b> (weight {@value #WEIGHT_CONSISTENCY}), the main term: weeks with at least one post among
 *       the last {@value #CONSISTENCY_WEEKS}, divided by {@value #CONSISTENCY_WEEKS}. Posting at least weekly is the
 *       bar; posting more in a week earns nothing here.</li>
 *   <li><b>Responsiveness</b> (weight {@value #WEIGHT_RESPONSIVENESS}): the reply rate over judged posts with
 *       reader comments. With fewer than {@value #MINIMUM_REPLY_SAMPLE} such posts it is shrunk toward a prior so
 *       that one or two posts cannot win or lose by luck: {@code (replied + k * prior) / (n + k)} with
 *       {@code k = }{@value #PRIOR_STRENGTH} and {@code prior = }{@value #PRIOR_REPLY_RATE}; the score is then
 *       flagged "not enough data yet". The prior is a fixed neutral value, not the site average, so a blog's score
 *       does not move when other blogs change. Then the comments-closed rule (below).</li>
 *   <li><b>Recency</b> (weight {@value #WEIGHT_RECENCY}): 1 when the last post is at most
 *       {@value #RECENCY_FULL_CREDIT_DAYS} days old (a weekly poster always has full credit), then falling in a
 *       straight line to 0 at {@value #RECENCY_ZERO_DAYS} days: {@code (90 - days) / 84}; 0 without posts.</li>
 *   <li><b>Volume</b> (weight {@value #WEIGHT_VOLUME}), with diminishing returns: {@code w / (w + 1)} where
 *       {@code w} is the average number of posts per week over the last 12 weeks. One a week gives 0.5, two 0.67,
 *       twenty 0.95; it can never reach 1, so volume adds at most 5 points over a weekly poster, while answering
 *       readers is worth up to 30: posting 20 times a week cannot beat posting weekly and answering.</li>
 * </ul>
 *
 * <p><b>Comments closed.</b> One rule for everyone. A judged post whose comments were closed (and that has no
 * reader comment) counts {@value #CLOSED_POST_VALUE} for responsiveness, half of the neutral prior; the other judged
 * posts with a known comment state count the (possibly shrunk) reply rate. So responsiveness =
 * {@code (1 - c) * rate + c * 0.25}, where {@code c} is the share of closed posts among judged posts with a known
 * state; a blog with comments closed everywhere gets 0.25. Why: closing comments ends the conversation the site
 * measures, so it must score below the neutral value, or closing comments would be a way to escape a poor reply
 * rate; but it is more honest than leaving comments open and ignoring every reader (reply rate 0), so it scores
 * above that. Posts with reader comments count as open whatever their recorded state (the comments prove it), so
 * a blog that closes old posts automatically is not penalised; posts whose state is unknown are left out of
 * {@code c}.
 *
 * <p><b>Replies not measurable.</b> Some platforms hide replies from any reader but a browser (Medium), or keep
 * them on a service that only the site owner's key can read (Disqus, Facebook comments, Hyvor Talk), or refuse the
 * crawler (paid subscribers only, robots.txt). Such a blog has no reply rate, which is not a rate of 0. Its
 * responsiveness is held at the neutral prior {@value #PRIOR_REPLY_RATE}, the value every blog starts from before
 * any reader comments, and the other parts keep their weights, so a blog neither rises nor falls only because its
 * platform hides replies: against a blog that answers every reader it loses what answering earns, against a blog
 * that ignores them it gains nothing it did not earn by posting.
 *
 * <p>The score shown and ranked on is the exact sum rounded half-up to one decimal.
 */
public final class ScoreFormula {

    public static final double WEIGHT_CONSISTENCY = 45;
    public static final double WEIGHT_RESPONSIVENESS = 30;
    public static final double WEIGHT_RECENCY = 15;
    public static final double WEIGHT_VOLUME = 10;

    /** Weeks of the consistency term (and of the volume average). */
    public static final int CONSISTENCY_WEEKS = 12;
    /** Judged posts with reader comments needed before the reply rate counts unshrunk. */
    public static final int MINIMUM_REPLY_SAMPLE = 5;
    /** The neutral reply rate small samples are pulled toward. */
    public static final double PRIOR_REPLY_RATE = 0.5;
    /** k: how many pseudo-posts at the prior rate are added to a small sample. */
    public static final double PRIOR_STRENGTH = 5;
    /** A closed-comments post counts this fraction of the prior. */
    public static final double CLOSED_COMMENTS_FACTOR = 0.5;
    /** Responsiveness value of a judged closed-comments post: {@code PRIOR_REPLY_RATE * CLOSED_COMMENTS_FACTOR}. */
    public static final double CLOSED_POST_VALUE = PRIOR_REPLY_RATE * CLOSED_COMMENTS_FACTOR;
    /** Days since the last post up to which recency is full. */
    public static final int RECENCY_FULL_CREDIT_DAYS = 6;
    /** Days since the last post from which recency is zero. */
    public static final int RECENCY_ZERO_DAYS = 90;
    /** Posts per week at which volume is worth half: volume = w / (w + this). */
    public static final double VOLUME_HALF_CREDIT_POSTS_PER_WEEK = 1;

    private ScoreFormula() {
    }

    /** Scores one blog's metrics. */
    public static Score score(BlogMetrics metrics) {
        return score(metrics, null);
    }

    /**
     * Scores one blog's metrics.
     *
     * @param repliesNotMeasurable null when the blog's replies are measured; otherwise why not, in words (may be
     *                             empty), and responsiveness is held at the neutral prior
     */
    public static Score score(BlogMetrics metrics, String repliesNotMeasurable) {
        Objects.requireNonNull(metrics, "metrics");
        PostingMetrics posting = metrics.posting();
        ScoreComponent consistency = consistency(posting);
        ResponsivenessPart responsiveness = repliesNotMeasurable == null ? responsiveness(metrics.responsiveness())
                : notMeasurable(repliesNotMeasurable);
        ScoreComponent recency = recency(posting);
        ScoreComponent volume = volume(posting);
        List<ScoreComponent> components = List.of(consistency, responsiveness.component(), recency, volume);
        double exact = components.stream().mapToDouble(ScoreComponent::points).sum();
        return new Score(roundToTenth(exact), exact, components,
                responsiveness.notEnoughDataYet(), responsiveness.closedPolicyApplied(),
                responsiveness.component().explanation());
    }

    /** Half-up to one decimal, on the decimal form of the double (so 84.45 gives 84.5). */
    static double roundToTenth(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static ScoreComponent consistency(PostingMetrics posting) {
        int weeks = posting.weeksWithPostLast12();
        double value = (double) weeks / CONSISTENCY_WEEKS;
        return component(ScorePart.CONSISTENCY, value, String.format(Locale.ROOT,
                "Posted in %d of the last %d weeks: %d / %d = %s",
                weeks, CONSISTENCY_WEEKS, weeks, CONSISTENCY_WEEKS, decimal(value)));
    }

    private record ResponsivenessPart(ScoreComponent component, boolean notEnoughDataYet, boolean closedPolicyApplied) {
    }

    private static ResponsivenessPart notMeasurable(String reason) {
        String why = reason.isBlank() ? "" : " " + reason.strip();
        String text = String.format(Locale.ROOT,
                "Replies cannot be measured on this blog.%s A reply rate that cannot be read is not a rate of 0:"
                        + " responsiveness is held at the neutral %s, the value every blog starts from, so the"
                        + " platform neither raises nor lowers the score: %s",
                why, decimal(PRIOR_REPLY_RATE), decimal(PRIOR_REPLY_RATE));
        return new ResponsivenessPart(component(ScorePart.RESPONSIVENESS, PRIOR_REPLY_RATE, text), false, false);
    }

    private static ResponsivenessPart responsiveness(ResponsivenessMetrics replies) {
        int n = replies.judgedPostsWithReaderComments();
        int replied = replies.judgedPostsReplied();
        int known = replies.judgedPostsWithKnownCommentsState();
        int closed = replies.judgedPostsWithCommentsClosed();

        if (known > 0 && closed == known) {
            // n is 0 here: a post with reader comments counts as open
            String text = String.format(Locale.ROOT,
                    "Comments were closed on all %d judged posts. The same rule applies to every blog: a post with"
                            + " comments closed counts %s (half the neutral %s), so closing comments never scores"
                            + " better than keeping them open and answering: %s",
                    known, decimal(CLOSED_POST_VALUE), decimal(PRIOR_REPLY_RATE), decimal(CLOSED_POST_VALUE));
            return new ResponsivenessPart(component(ScorePart.RESPONSIVENESS, CLOSED_POST_VALUE, text), false, true);
        }

        boolean small = n < MINIMUM_REPLY_SAMPLE;
        double rate;
        String rateText;
        if (!small) {
            rate = (double) replied / n;
            rateText = String.format(Locale.ROOT, "Replied on %d of %d judged posts with reader comments: %d / %d = %s",
                    replied, n, replied, n, decimal(rate));
        } else {
            rate = (replied + PRIOR_STRENGTH * PRIOR_REPLY_RATE) / (n + PRIOR_STRENGTH);
            String sample = n == 0
                    ? "No judged post has reader comments yet"
                    : String.format(Locale.ROOT, "Only %d judged post%s with reader comments (replied on %d)",
                            n, n == 1 ? "" : "s", replied);
            rateText = String.format(Locale.ROOT,
                    "%s, fewer than %d, so the reply rate is pulled toward the neutral %s:"
                            + " (%d + %s × %s) / (%d + %s) = %s. Not enough data yet",
                    sample, MINIMUM_REPLY_SAMPLE, decimal(PRIOR_REPLY_RATE), replied, whole(PRIOR_STRENGTH),
                    decimal(PRIOR_REPLY_RATE), n, whole(PRIOR_STRENGTH), decimal(rate));
        }
        if (closed == 0) {
            return new ResponsivenessPart(component(ScorePart.RESPONSIVENESS, rate, rateText), small, false);
        }
        double closedShare = (double) closed / known;
        double value = (1 - closedShare) * rate + closedShare * CLOSED_POST_VALUE;
        String text = String.format(Locale.ROOT,
                "%s. Comments were closed on %d of %d judged posts with a known comment state; the same rule"
                        + " applies to every blog: those posts count %s (half the neutral %s) and the others the reply"
                        + " rate: %s × %s + %s × %s = %s",
                rateText, closed, known, decimal(CLOSED_POST_VALUE), decimal(PRIOR_REPLY_RATE),
                decimal(1 - closedShare), decimal(rate), decimal(closedShare), decimal(CLOSED_POST_VALUE),
                decimal(value));
        return new ResponsivenessPart(component(ScorePart.RESPONSIVENESS, value, text), small, true);
    }

    private static ScoreComponent recency(PostingMetrics posting) {
        if (posting.daysSinceLastPost().isEmpty()) {
            return component(ScorePart.RECENCY, 0.0, "No post yet: 0");
        }
        int days = posting.daysSinceLastPost().getAsInt();
        String ago = days == 1 ? "1 day ago" : days + " days ago";
        if (days <= RECENCY_FULL_CREDIT_DAYS) {
            return component(ScorePart.RECENCY, 1.0, String.format(Locale.ROOT,
                    "Last post %s (full credit up to %d days): 1", ago, RECENCY_FULL_CREDIT_DAYS));
        }
        if (days >= RECENCY_ZERO_DAYS) {
            return component(ScorePart.RECENCY, 0.0, String.format(Locale.ROOT,
                    "Last post %s (no credit from %d days): 0", ago, RECENCY_ZERO_DAYS));
        }
        int span = RECENCY_ZERO_DAYS - RECENCY_FULL_CREDIT_DAYS;
        double value = (double) (RECENCY_ZERO_DAYS - days) / span;
        return component(ScorePart.RECENCY, value, String.format(Locale.ROOT,
                "Last post %s; credit falls from 1 at %d days to 0 at %d days: (%d - %d) / %d = %s",
                ago, RECENCY_FULL_CREDIT_DAYS, RECENCY_ZERO_DAYS, RECENCY_ZERO_DAYS, days, span, decimal(value)));
    }

    private static ScoreComponent volume(PostingMetrics posting) {
        int posts = posting.postsLast12Weeks();
        double perWeek = (double) posts / CONSISTENCY_WEEKS;
        double value = perWeek / (perWeek + VOLUME_HALF_CREDIT_POSTS_PER_WEEK);
        return component(ScorePart.VOLUME, value, String.format(Locale.ROOT,
                "%d post%s in the last %d weeks = %s a week; with diminishing returns w / (w + %s) = %s",
                posts, posts == 1 ? "" : "s", CONSISTENCY_WEEKS, decimal(perWeek),
                whole(VOLUME_HALF_CREDIT_POSTS_PER_WEEK), decimal(value)));
    }

    private static ScoreComponent component(ScorePart part, double value, String arithmetic) {
        double points = value * part.weight();
        String explanation = String.format(Locale.ROOT, "%s; × %s = %s points.",
                arithmetic, whole(part.weight()), decimal(points));
        return new ScoreComponent(part, value, part.weight(), points, explanation);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
