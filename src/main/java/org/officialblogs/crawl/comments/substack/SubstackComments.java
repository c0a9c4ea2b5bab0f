package org.officialblogs.crawl.comments.substack;

import java.net.URI;
import java.util.Objects;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.HtmlCommentOptions;
import org.officialblogs.crawl.comments.ReadFailure;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.api.ApiAnswer;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.ApiStep;
import org.officialblogs.crawl.comments.api.ApiUrls;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.JsonAnswer;

/**
 * Reads one Substack post's comments from the publication's public JSON.
 *
 * <ol>
 *   <li>{@code api/v1/posts/SLUG}, unless the post is known already (an archive page or the post page's preloaded
 *       state gave it): the post id, its bylines (whose accounts are the official's), its audience and who may
 *       comment</li>
 *   <li>{@code api/v1/post/ID/comments?token=&all_comments=true&sort=oldest_first}: the whole tree, oldest first;
 *       when the answer says {@code more}, the next batch is asked with {@code last_comment_at} set to the last
 *       top-level comment's date</li>
 * </ol>
 *
 * Comments that only paying subscribers can read are said so ({@link ReadFailureKind#PAID_ONLY}): the comments
 * request is refused (401/403) on a post for paying readers, or it lists none of the comments the post counts.
 */
public final class SubstackComments implements CommentApi {
    private static final String SERVICE = "Substack";

    private final URI publication;
    private final String slug;
    private final SubstackPost known;
    private final SubstackCommentsParser parser = new SubstackCommentsParser(HtmlCommentOptions.DEFAULT_MAX_COMMENTS);

    /**
     * @param publication the publication's address ({@code https://name.substack.com/} or its own domain)
     * @param slug        the post's slug, used when {@code known} is null
     * @param known       the post as already read, or null to read it first
     */
    public SubstackComments(URI publication, String slug, SubstackPost known) {
        this.publication = ApiUrls.origin(Objects.requireNonNull(publication, "publication"));
        this.slug = slug;
        this.known = known;
    }

    @Override
    public ApiReading start() {
        if (known != null) {
            return withPost(ApiReading.start(CommentSourceKind.SUBSTACK_API, comments(known.id(), null)), known);
        }
        if (slug == null || slug.isBlank()) {
            return ApiReading.impossible(CommentSourceKind.SUBSTACK_API, new ReadFailure(ReadFailureKind.NOT_FOUND,
                    "the Substack post's slug is not known"));
        }
        return ApiReading.start(CommentSourceKind.SUBSTACK_API,
                ApiRequest.get("post", slug, ApiUrls.under(publication, "api/v1/posts/" + ApiUrls.encode(slug))));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        ApiReading next = step.reading();
        if (step.request().purpose().equals("post")) {
            if (!step.readable()) {
                return step.failed();
            }
            SubstackPost post = SubstackPostParser.post(step.json().json());
            if (post == null) {
                return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                        SERVICE + " answered without a post for " + slug), null);
            }
            return withPost(next, post).asking(comments(post.id(), null));
        }
        return readComments(next, answer, step.json(), next.context(SubstackPost.class));
    }

    private ApiReading readComments(ApiReading reading, ApiAnswer answer, JsonAnswer json, SubstackPost post) {
        if (!json.readable()) {
            ReadFailure failure = json.failure();
            boolean refused = failure.kind() == ReadFailureKind.UNAUTHORIZED
                    || failure.kind() == ReadFailureKind.FORBIDDEN;
            if (refused && post.forPayingReaders()) {
                failure = new ReadFailure(ReadFailureKind.PAID_ONLY,
                        "the post is for paying subscribers and Substack refuses its comments to others ("
                                + failure.message() + ")");
            }
            return reading.failing(failure, answer.retryAt());
        }
        SubstackCommentsParser.Thread thread = parser.read(json.json(), post.bylineUserIds());
        if (thread == null) {
            return reading.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                    SERVICE + " answered without a comment list"), null);
        }
        if (thread.comments().isEmpty() && reading.comments().isEmpty() && post.forPayingReaders()
                && post.commentCount() != null && post.commentCount() > 0) {
            return reading.failing(new ReadFailure(ReadFailureKind.PAID_ONLY, "Substack counts "
                    + post.commentCount() + " comments on this post for paying subscribers but lists none"), null);
        }
        ApiReading next = reading.withComments(thread.comments()).withHidden(thread.hidden());
        if (thread.partial()) {
            next = next.truncated("Substack listed fewer replies than it counts");
        }
        if (thread.more() && thread.lastTopLevel() != null && !thread.comments().isEmpty()) {
            next = next.asking(comments(post.id(), thread.lastTopLevel()));
        }
        return next;
    }

    private ApiRequest comments(long postId, String after) {
        URI url = ApiUrls.withQuery(ApiUrls.under(publication, "api/v1/post/" + postId + "/comments"),
                "token", "", "all_comments", "true", "sort", "oldest_first", "last_comment_at", after);
        return ApiRequest.get("comments", Long.toString(postId), url);
    }

    private static ApiReading withPost(ApiReading reading, SubstackPost post) {
        CommentsState state = "none".equals(post.writeCommentPermissions()) ? CommentsState.CLOSED
                : post.writeCommentPermissions() == null ? CommentsState.UNKNOWN : CommentsState.OPEN;
        return reading.withPostAuthors(post.bylines()).withCommentsState(state).withContext(post);
    }
}
