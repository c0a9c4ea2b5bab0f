package org.officialblogs.crawl.comments.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.FeedPaging;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.ReadFailure;

/**
 * What reading one post's comments from an API has gathered so far and what it still has to ask; immutable, so a
 * {@link CommentApi} is a pure function from (reading, answer) to the next reading.
 *
 * @param source        the API
 * @param pending       requests still to make, the next first
 * @param comments      comments read so far, undecided, each after its parent
 * @param postAuthors   the post's authors as the API states them (Substack bylines, Ghost staff authors,
 *                      WordPress's author id), the primary first; empty when it states none
 * @param commentsState OPEN / CLOSED as the API states it, else UNKNOWN
 * @param truncated     some comments were not read (a cap, a partial reply list, a later page that failed)
 * @param hidden        comments the service says it holds back from the public (automatic moderation)
 * @param requestsMade  answers read so far
 * @param failure       why the comments could not be read at all; null while they can
 * @param retryAt       when a 429 / 503 pause ends, if one stopped the reading
 * @param notes         problems that did not stop the reading ("post author: HTTP 403"), for the crawl log
 * @param context       what the reading learnt that later answers need (the Substack post read first), an
 *                      immutable value of the reader's own type; null when none
 */
public record ApiReading(
        CommentSourceKind source,
        List<ApiRequest> pending,
        List<Comment> comments,
        List<PostAuthor> postAuthors,
        CommentsState commentsState,
        boolean truncated,
        int hidden,
        int requestsMade,
        ReadFailure failure,
        Instant retryAt,
        List<String> notes,
        Object context) {

    public ApiReading {
        Objects.requireNonNull(source, "source");
        pending = List.copyOf(pending);
        comments = List.copyOf(comments);
        postAuthors = List.copyOf(postAuthors);
        Objects.requireNonNull(commentsState, "commentsState");
        notes = List.copyOf(notes);
    }

    /** A reading that starts with {@code first}. */
    public static ApiReading start(CommentSourceKind source, ApiRequest first) {
        return new ApiReading(source, List.of(first), List.of(), List.of(), CommentsState.UNKNOWN, false, 0, 0,
                null, null, List.of(), null);
    }

    /** A reading that cannot start (nothing identifies the post's thread), failed with {@code failure}. */
    public static ApiReading impossible(CommentSourceKind source, ReadFailure failure) {
        return new ApiReading(source, List.of(), List.of(), List.of(), CommentsState.UNKNOWN, false, 0, 0,
                failure, null, List.of(), null);
    }

    /** The request to make next, or empty when the reading is over. */
    public Optional<ApiRequest> next() {
        return done() ? Optional.empty() : Optional.of(pending.get(0));
    }

    public boolean done() {
        return failure != null || pending.isEmpty();
    }

    /** This reading with its next request answered (taken off the queue and counted). */
    public ApiReading answered() {
        if (pending.isEmpty()) {
            throw new IllegalStateException("no request was pending");
        }
        return new ApiReading(source, pending.subList(1, pending.size()), comments, postAuthors, commentsState,
                truncated, hidden, requestsMade + 1, failure, retryAt, notes, context);
    }

    public ApiReading withComments(List<Comment> more) {
        List<Comment> all = new ArrayList<>(comments);
        all.addAll(more);
        return new ApiReading(source, pending, all, postAuthors, commentsState, truncated, hidden, requestsMade,
                failure, retryAt, notes, context);
    }

    /** Queues requests: {@code first} ones go before the pending ones (replies before the next page). */
    public ApiReading asking(List<ApiRequest> requests, boolean first) {
        List<ApiRequest> queue = new ArrayList<>();
        if (first) {
            queue.addAll(requests);
            queue.addAll(pending);
        } else {
            queue.addAll(pending);
            queue.addAll(requests);
        }
        return new ApiReading(source, queue, comments, postAuthors, commentsState, truncated, hidden, requestsMade,
                failure, retryAt, notes, context);
    }

    public ApiReading asking(ApiRequest request) {
        return asking(List.of(request), false);
    }

    public ApiReading withPostAuthors(List<PostAuthor> authors) {
        return new ApiReading(source, pending, comments, authors, commentsState, truncated, hidden, requestsMade,
                failure, retryAt, notes, context);
    }

    public ApiReading withCommentsState(CommentsState state) {
        return new ApiReading(source, pending, comments, postAuthors, state, truncated, hidden, requestsMade,
                failure, retryAt, notes, context);
    }

    public ApiReading truncated(String why) {
        return new ApiReading(source, pending, comments, postAuthors, commentsState, true, hidden, requestsMade,
                failure, retryAt, add(notes, why), context);
    }

    public ApiReading withHidden(int count) {
        return new ApiReading(source, pending, comments, postAuthors, commentsState, truncated, hidden + count,
                requestsMade, failure, retryAt, notes, context);
    }

    public ApiReading noting(String note) {
        return new ApiReading(source, pending, comments, postAuthors, commentsState, truncated, hidden, requestsMade,
                failure, retryAt, add(notes, note), context);
    }

    /**
     * Stops the reading. Before any comment was read the post's comments are unreadable; after some were, they
     * are kept and the reading is only truncated (the next check reads the rest).
     */
    public ApiReading failing(ReadFailure why, Instant retryAfter) {
        if (!comments.isEmpty()) {
            return new ApiReading(source, List.of(), comments, postAuthors, commentsState, true, hidden,
                    requestsMade, null, retryAfter, add(notes, "stopped: " + why.kind() + ": " + why.message()),
                    context);
        }
        return new ApiReading(source, List.of(), comments, postAuthors, commentsState, truncated, hidden,
                requestsMade, why, retryAfter, notes, context);
    }

    /** Ends the reading with what it has (nothing more to ask). */
    public ApiReading finished() {
        return new ApiReading(source, List.of(), comments, postAuthors, commentsState, truncated, hidden,
                requestsMade, failure, retryAt, notes, context);
    }

    public ApiReading withContext(Object value) {
        return new ApiReading(source, pending, comments, postAuthors, commentsState, truncated, hidden, requestsMade,
                failure, retryAt, notes, value);
    }

    /** The context as {@code type}, or null when there is none of that type. */
    public <T> T context(Class<T> type) {
        return type.isInstance(context) ? type.cast(context) : null;
    }

    /** The primary author as the API states it, or {@link PostAuthor#UNKNOWN}. */
    public PostAuthor postAuthor() {
        return postAuthors.isEmpty() ? PostAuthor.UNKNOWN : postAuthors.get(0);
    }

    /** The reading as the comment model's page: comments undecided, the API's primary author as page author. */
    public CommentPage toPage() {
        if (failure != null) {
            return CommentPage.failed(source, failure.kind(), failure.message());
        }
        return new CommentPage(source, comments, commentsState, truncated, 0, postAuthor(), FeedPaging.NONE, null);
    }

    private static List<String> add(List<String> list, String item) {
        List<String> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }
}
