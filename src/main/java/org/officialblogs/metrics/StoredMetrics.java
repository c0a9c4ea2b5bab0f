package org.officialblogs.metrics;

import java.util.Objects;

/**
 * A blog's metrics as last stored in blog_metrics: the measurements, status, score with its breakdown, and placement.
 *
 * @param blogId the blog
 * @param officialId its official
 * @param status its status when computed
 * @param metrics the measurements, as of {@code metrics.asOf()} (the time of the recompute)
 * @param score the score with its four components and flags
 * @param placement rank, list position and movement
 * @param repliesMeasurable "measurable", or why the blog's replies cannot be measured ("not_on_platform",
 *     "service_not_measured", "not_readable")
 * @param repliesReason why not, in words; null when measurable
 */
public record StoredMetrics(long blogId, long officialId, MeasuredStatus status, BlogMetrics metrics, Score score,
                            Placement placement, String repliesMeasurable, String repliesReason) {

    /** Metrics of a blog whose replies are measured. */
    public StoredMetrics(long blogId, long officialId, MeasuredStatus status, BlogMetrics metrics, Score score,
                         Placement placement) {
        this(blogId, officialId, status, metrics, score, placement, ListedBlog.MEASURABLE, null);
    }

    public boolean repliesMeasured() {
        return ListedBlog.MEASURABLE.equals(repliesMeasurable);
    }

    public StoredMetrics {
        repliesMeasurable = repliesMeasurable == null ? ListedBlog.MEASURABLE : repliesMeasurable;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(placement, "placement");
    }

    /**
     * The reply rate a visitor sees and the list sorts on: empty while there is not enough data yet (fewer than
     * {@link ScoreFormula#MINIMUM_REPLY_SAMPLE} judged posts with reader comments) or when comments were closed on
     * every judged post.
     */
    public java.util.OptionalDouble shownReplyRate() {
        ResponsivenessMetrics r = metrics.responsiveness();
        if (r.judgedPostsWithReaderComments() < ScoreFormula.MINIMUM_REPLY_SAMPLE) {
            return java.util.OptionalDouble.empty();
        }
        return r.replyRate();
    }

    /** True when comments were closed on every judged post with a known comment state. */
    public boolean commentsClosedEverywhere() {
        ResponsivenessMetrics r = metrics.responsiveness();
        return r.judgedPostsWithKnownCommentsState() > 0 && r.judgedPostsWithCommentsOpen() == 0;
    }
}
