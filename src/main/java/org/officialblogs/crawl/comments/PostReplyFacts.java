package org.officialblogs.crawl.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.metrics.CommentsState;

/**
 * What one post's comments say about the official's replies; pure, computed from decided comments.
 *
 * <p><b>Reader comments</b> are comments not decided official and whose text was not removed
 * ({@link PlatformFlag#CONTENT_REMOVED}); removed comments count on neither side.
 *
 * <p><b>Answered</b> (the rule): when the post's comments carry threading (at least one comment has a parent id),
 * a reader comment is answered when an official comment's parent is that comment. When no comment has a parent
 * (flat comments, or a source without threading such as a plain RSS comment feed) a reader comment is answered
 * when an official comment was published after it; a comment without a time is then never answered and never
 * answers. A top-level official "thank you all" on a threaded post therefore answers nobody.
 *
 * <p><b>First reply</b>: the earliest official comment (with a time) that answers at least one reader comment; its
 * <b>delay</b> is measured from the earliest reader comment it answers (threaded: its parent; flat: the first
 * reader comment of the post).
 *
 * @param readerComments         reader comments on the post
 * @param officialComments       the official's comments (removed ones excluded)
 * @param firstReaderCommentAt   the earliest reader comment's time, or null
 * @param firstReplyAt           the first reply's time, or null
 * @param firstReplyDelay        from the earliest reader comment the first reply answers, to that reply; or null
 * @param replied                at least one reader comment is answered
 * @param readerCommentsAnswered reader comments answered by the rule above
 * @param threaded               whether the threaded rule was used
 * @param commentsState          as the comment source showed it
 * @param tooYoungToJudge        the post is younger than the minimum age: an unanswered post may still be answered
 */
public record PostReplyFacts(
        int readerComments,
        int officialComments,
        Instant firstReaderCommentAt,
        Instant firstReplyAt,
        Duration firstReplyDelay,
        boolean replied,
        int readerCommentsAnswered,
        boolean threaded,
        CommentsState commentsState,
        boolean tooYoungToJudge) {

    /** Posts younger than this are not judged by default: readers and officials need time. */
    public static final Duration DEFAULT_MINIMUM_AGE = Duration.ofDays(14);

    /** {@link #compute(List, CommentsState, Instant, Clock, Duration)} with the 14-day minimum age. */
    public static PostReplyFacts compute(List<Comment> decidedComments, CommentsState commentsState,
            Instant postPublished, Clock clock) {
        return compute(decidedComments, commentsState, postPublished, clock, DEFAULT_MINIMUM_AGE);
    }

    /**
     * @param decidedComments the post's comments after {@link ReplyDetector#decide}; an UNDECIDED one is a
     *                        programming error
     * @param postPublished   the post's publication time (the first-seen time when the feed gives none)
     * @param minimumAge      a post younger than this at {@code clock}'s now is too young to judge
     */
    public static PostReplyFacts compute(List<Comment> decidedComments, CommentsState commentsState,
            Instant postPublished, Clock clock, Duration minimumAge) {
        Objects.requireNonNull(decidedComments, "decidedComments");
        Objects.requireNonNull(postPublished, "postPublished");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(minimumAge, "minimumAge");
        List<Comment> readers = new ArrayList<>();
        List<Comment> officials = new ArrayList<>();
        boolean threaded = false;
        for (Comment comment : decidedComments) {
            if (comment.decidedBy() == AuthorshipSignal.UNDECIDED) {
                throw new IllegalArgumentException("run ReplyDetector first: undecided " + comment);
            }
            threaded |= comment.parentId() != null;
            if (comment.has(PlatformFlag.CONTENT_REMOVED)) {
                continue;
            }
            (comment.isOfficial() ? officials : readers).add(comment);
        }
        List<Comment> officialsInTime = officials.stream().filter(c -> c.published() != null)
                .sorted(Comparator.comparing(Comment::published)).toList();
        Instant firstReader = earliest(readers);

        int answered = 0;
        Instant firstReplyAt = null;
        Duration firstReplyDelay = null;
        if (threaded) {
            Set<String> officialParents = new HashSet<>();
            officials.forEach(o -> officialParents.add(o.parentId()));
            Map<String, Comment> readersById = new HashMap<>();
            for (Comment reader : readers) {
                readersById.putIfAbsent(reader.id(), reader);
                if (officialParents.contains(reader.id())) {
                    answered++;
                }
            }
            for (Comment official : officialsInTime) {
                Comment parent = official.parentId() == null ? null : readersById.get(official.parentId());
                if (parent != null) {
                    firstReplyAt = official.published();
                    firstReplyDelay = parent.published() == null ? null
                            : Duration.between(parent.published(), official.published());
                    break;
                }
            }
        } else {
            Instant lastOfficial = officialsInTime.isEmpty() ? null
                    : officialsInTime.get(officialsInTime.size() - 1).published();
            for (Comment reader : readers) {
                if (reader.published() != null && lastOfficial != null && lastOfficial.isAfter(reader.published())) {
                    answered++;
                }
            }
            for (Comment official : officialsInTime) {
                if (firstReader != null && official.published().isAfter(firstReader)) {
                    firstReplyAt = official.published();
                    firstReplyDelay = Duration.between(firstReader, official.published());
                    break;
                }
            }
        }
        boolean tooYoung = Duration.between(postPublished, clock.instant()).compareTo(minimumAge) < 0;
        return new PostReplyFacts(readers.size(), officials.size(), firstReader, firstReplyAt, firstReplyDelay,
                answered > 0, answered, threaded, commentsState == null ? CommentsState.UNKNOWN : commentsState,
                tooYoung);
    }

    private static Instant earliest(List<Comment> comments) {
        return comments.stream().map(Comment::published).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }
}
