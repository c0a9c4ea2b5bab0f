package org.officialblogs.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a blog's official talks with readers, over the judged posts (see {@link Responsiveness}).
 *
 * @param judgedPosts posts old enough and recent enough to be judged
 * @param postsTooRecent dated posts not judged yet because they are younger than the minimum judging age
 * @param judgedPostsWithReaderComments judged posts with at least one reader comment (the reply rate's sample)
 * @param judgedPostsReplied of those, posts where the official replied after a reader comment
 * @param replyRate {@code judgedPostsReplied / judgedPostsWithReaderComments}, raw (no shrinkage); empty when the
 *     sample is empty
 * @param replyRateInterval 95 % Wilson interval of the reply rate; [0, 1] when the sample is empty
 * @param medianTimeToFirstReply median of (first official reply - first reader comment) over replied posts whose
 *     first reader comment time is known and not after the reply
 * @param readerComments reader comments on judged posts
 * @param readerCommentsAnswered of those, how many the official answered (capped per post at its reader comments)
 * @param shareOfReaderCommentsAnswered {@code readerCommentsAnswered / readerComments}; empty without comments
 * @param judgedPostsWithKnownCommentsState judged posts whose comments were known open or closed; a post with
 *     reader comments counts as known open whatever its recorded state, since the comments prove it was open
 * @param judgedPostsWithCommentsOpen of those, the open ones
 * @param commentsOpenShare {@code judgedPostsWithCommentsOpen / judgedPostsWithKnownCommentsState}; empty when no
 *     state is known
 */
public record ResponsivenessMetrics(
        int judgedPosts,
        int postsTooRecent,
        int judgedPostsWithReaderComments,
        int judgedPostsReplied,
        OptionalDouble replyRate,
        WilsonInterval replyRateInterval,
        Optional<Duration> medianTimeToFirstReply,
        int readerComments,
        int readerCommentsAnswered,
        OptionalDouble shareOfReaderCommentsAnswered,
        int judgedPostsWithKnownCommentsState,
        int judgedPostsWithCommentsOpen,
        OptionalDouble commentsOpenShare) {

    public ResponsivenessMetrics {
        Objects.requireNonNull(replyRate, "replyRate");
        Objects.requireNonNull(replyRateInterval, "replyRateInterval");
        Objects.requireNonNull(medianTimeToFirstReply, "medianTimeToFirstReply");
        Objects.requireNonNull(shareOfReaderCommentsAnswered, "shareOfReaderCommentsAnswered");
        Objects.requireNonNull(commentsOpenShare, "commentsOpenShare");
    }

    /** Judged posts known to have had comments closed (and no reader comment). */
    public int judgedPostsWithCommentsClosed() {
        return judgedPostsWithKnownCommentsState - judgedPostsWithCommentsOpen;
    }
}
