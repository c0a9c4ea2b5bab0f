package org.officialblogs.crawl.comments.ghost;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PostAuthor;
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
 * Reads one Ghost post's native comments from the Members comments API, which answers without sign-in.
 *
 * <ol>
 *   <li>{@code members/api/comments/post/ID/?limit=N&page=P}: top-level comments, each with its first replies
 *       inline; P follows {@code meta.pagination.next}. Ghost before the post route answers 404 there and is asked
 *       {@code members/api/comments/?filter=post_id:'ID'} instead.</li>
 *   <li>{@code members/api/comments/CID/replies/?limit=N&page=P} for each comment with more replies than inline</li>
 *   <li>{@code CONTENT_API/posts/ID/?key=KEY&include=authors} when the page publishes the Content API key (a key
 *       for browsers, printed in every page that loads Ghost's comments): the post's staff authors, the primary
 *       first, whose name then recognises the official</li>
 * </ol>
 */
public final class GhostComments implements CommentApi {
    private static final String SERVICE = "The Ghost comments API";
    private static final Pattern GHOST_ID = Pattern.compile("[0-9a-f]{24}");

    private final URI site;
    private final String postId;
    private final URI contentApi;
    private final String contentKey;
    private final int limit;

    /**
     * @param site       the site's address (the comments script's {@code data-ghost-comments})
     * @param postId     Ghost's post id (the script's {@code data-post-id}, or the feed item's guid)
     * @param contentApi the Content API root ({@code data-api}), or null
     * @param contentKey the Content API key ({@code data-key}), or null
     */
    public GhostComments(URI site, String postId, URI contentApi, String contentKey, int limit) {
        this.site = Objects.requireNonNull(site, "site");
        this.postId = postId;
        this.contentApi = contentApi;
        this.contentKey = contentKey == null || contentKey.isBlank() ? null : contentKey;
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100: " + limit);
        }
        this.limit = limit;
    }

    /** Whether {@code id} has the form of a Ghost object id (24 hex digits). */
    public static boolean isGhostId(String id) {
        return id != null && GHOST_ID.matcher(id).matches();
    }

    @Override
    public ApiReading start() {
        if (!isGhostId(postId)) {
            return ApiReading.impossible(CommentSourceKind.GHOST_MEMBERS_API, new ReadFailure(
                    ReadFailureKind.NOT_FOUND, "the Ghost post id is not known"));
        }
        ApiReading reading = ApiReading.start(CommentSourceKind.GHOST_MEMBERS_API, page(1));
        if (contentApi != null && contentKey != null) {
            reading = reading.asking(ApiRequest.get("authors", postId, ApiUrls.withQuery(
                    ApiUrls.under(contentApi, "posts/" + postId + "/"), "key", contentKey, "include", "authors")));
        }
        return reading;
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        ApiRequest request = step.request();
        ApiReading next = step.reading();
        JsonAnswer json = step.json();
        if (request.purpose().equals("authors")) {
            List<PostAuthor> authors = json.readable() ? GhostPostAuthorsParser.read(json.json()) : List.of();
            return authors.isEmpty() ? next.noting("post authors unknown: " + (json.readable()
                    ? "no authors in the answer" : json.failure().message())) : next.withPostAuthors(authors);
        }
        if (!json.readable()) {
            boolean firstPage = request.purpose().equals("comments") && request.key().equals("1");
            if (firstPage && json.failure().kind() == ReadFailureKind.NOT_FOUND) {
                return next.asking(List.of(filteredPage(1)), true);
            }
            return step.failed();
        }
        String parent = request.purpose().equals("replies") ? request.key().substring(0, request.key().indexOf(':'))
                : null;
        GhostCommentsParser.Answer read = GhostCommentsParser.read(json.json(), parent);
        if (read == null) {
            return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                    SERVICE + " answered without a comment list"), null);
        }
        // the replies endpoint repeats the replies already served inline
        Set<String> seen = new HashSet<>();
        next.comments().forEach(c -> seen.add(c.id()));
        List<Comment> fresh = read.comments().stream().filter(c -> seen.add(c.id())).toList();
        next = next.withComments(fresh).withCommentsState(CommentsState.OPEN);
        List<ApiRequest> replies = read.repliesMissing().stream().map(id -> replies(id, 1)).toList();
        next = next.asking(replies, true);
        if (read.nextPage() != null) {
            ApiRequest following = switch (request.purpose()) {
                case "replies" -> replies(parent, read.nextPage());
                case "filtered" -> filteredPage(read.nextPage());
                default -> page(read.nextPage());
            };
            next = next.asking(List.of(following), request.purpose().equals("replies"));
        }
        return next;
    }

    private ApiRequest page(int page) {
        return ApiRequest.get("comments", Integer.toString(page), ApiUrls.withQuery(
                ApiUrls.under(site, "members/api/comments/post/" + postId + "/"), "limit", Integer.toString(limit),
                "page", Integer.toString(page)));
    }

    private ApiRequest filteredPage(int page) {
        return ApiRequest.get("filtered", Integer.toString(page), ApiUrls.withQuery(
                ApiUrls.under(site, "members/api/comments/"), "filter", "post_id:'" + postId + "'",
                "limit", Integer.toString(limit), "page", Integer.toString(page)));
    }

    private ApiRequest replies(String commentId, int page) {
        return ApiRequest.get("replies", commentId + ":" + page, ApiUrls.withQuery(
                ApiUrls.under(site, "members/api/comments/" + commentId + "/replies/"),
                "limit", Integer.toString(limit), "page", Integer.toString(page)));
    }
}
