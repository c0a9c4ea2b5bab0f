package org.officialblogs.crawl.comments;

import java.util.List;
import java.util.Objects;
import org.officialblogs.crawl.read.ReadFailure;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.metrics.CommentsState;

/**
 * What one comment source yielded: the comments (undecided), whether comments are open, and any failure.
 *
 * @param source           the kind of source that was read
 * @param comments         in document order; empty on failure
 * @param commentsState    OPEN / CLOSED / UNKNOWN as the source shows it
 * @param truncated        true when the source held more comments than the cap and the rest were not read
 * @param pingbacksIgnored pingbacks and trackbacks seen and left out (they are not readers' comments)
 * @param pageAuthor       the post's author as the source itself states it, or {@link PostAuthor#UNKNOWN}
 * @param paging           OpenSearch numbers (Blogger feeds), or {@link FeedPaging#NONE}
 * @param failure          null when the source was read
 */
public record CommentPage(
        CommentSourceKind source,
        List<Comment> comments,
        CommentsState commentsState,
        boolean truncated,
        int pingbacksIgnored,
        PostAuthor pageAuthor,
        FeedPaging paging,
        ReadFailure failure) {

    public CommentPage {
        Objects.requireNonNull(source, "source");
        comments = List.copyOf(comments);
        Objects.requireNonNull(commentsState, "commentsState");
        pageAuthor = pageAuthor == null ? PostAuthor.UNKNOWN : pageAuthor;
        paging = paging == null ? FeedPaging.NONE : paging;
    }

    public static CommentPage failed(CommentSourceKind source, ReadFailureKind kind, String message) {
        return new CommentPage(source, List.of(), CommentsState.UNKNOWN, false, 0, PostAuthor.UNKNOWN,
                FeedPaging.NONE, new ReadFailure(kind, message));
    }

    public boolean readable() {
        return failure == null;
    }
}
