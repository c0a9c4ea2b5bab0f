package org.officialblogs.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * The reply facts of one post, as accumulated by the crawler.
 *
 * @param published when the post was published; {@code null} when unknown (the post is then not judged)
 * @param readerComments number of comments by readers (not by the official); never negative
 * @param firstReaderCommentAt when the first reader comment was written; {@code null} when unknown or none
 * @param firstOfficialReplyAt the official's first comment written after a reader comment; {@code null} when the
 *     official never replied. Non-null means "the official replied on this post".
 * @param readerCommentsAnswered how many reader comments got an answer from the official; never negative. Values
 *     above {@code readerComments} (history accumulated across crawls can disagree) are capped at it.
 * @param commentsState whether comments were open. Pass the state seen while the post was new when you have it:
 *     many blogs close comments automatically after some days, which says nothing about the conversation.
 */
public record PostReplyInput(
        Instant published,
        int readerComments,
        Instant firstReaderCommentAt,
        Instant firstOfficialReplyAt,
        int readerCommentsAnswered,
        CommentsState commentsState) {

    public PostReplyInput {
        if (readerComments < 0) {
            throw new IllegalArgumentException("readerComments must not be negative: " + readerComments);
        }
        if (readerCommentsAnswered < 0) {
            throw new IllegalArgumentException(
                    "readerCommentsAnswered must not be negative: " + readerCommentsAnswered);
        }
        Objects.requireNonNull(commentsState, "commentsState (use UNKNOWN when the crawler could not tell)");
    }

    /** True when the official replied after a reader comment on this post. */
    public boolean officialReplied() {
        return firstOfficialReplyAt != null;
    }
}
