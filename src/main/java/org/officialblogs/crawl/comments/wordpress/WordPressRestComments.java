package org.officialblogs.crawl.comments.wordpress;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.ReadFailure;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.WordPressRestCommentsParser;
import org.officialblogs.crawl.comments.api.ApiAnswer;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.ApiUrls;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.JsonAnswer;

/**
 * Reads one post's comments from the WordPress REST API: the comment list in pages of {@code perPage}, oldest
 * first, then the post itself for its author's user id and comment status. A post known only by its slug is looked
 * up first. WordPress answers 400 for a page past the last one, which ends the list when the count is an exact
 * multiple of the page size.
 *
 * <p>Requests ({@code _fields} keeps answers small; WordPress 4.9.8+ honours it, older versions ignore it):
 * <ol>
 *   <li>{@code wp/v2/posts?slug=SLUG&_fields=id,author,comment_status} when the id is unknown</li>
 *   <li>{@code wp/v2/comments?post=ID&per_page=N&page=P&orderby=id&order=asc&_fields=...}, P = 1, 2, ...</li>
 *   <li>{@code wp/v2/posts/ID?_fields=id,author,comment_status}</li>
 * </ol>
 */
public final class WordPressRestComments implements CommentApi {
    /** The most WordPress serves per page. */
    public static final int MAX_PER_PAGE = 100;
    private static final String SERVICE = "The WordPress REST API";
    private static final String POST_FIELDS = "id,author,comment_status";
    private static final String COMMENT_FIELDS = "id,parent,author,author_name,date_gmt,type";

    private final URI apiRoot;
    private final Long postId;
    private final String slug;
    private final int perPage;
    private final WordPressRestCommentsParser parser = new WordPressRestCommentsParser();

    /**
     * @param apiRoot the site's REST root ({@code <link rel="https://api.w.org/">}): {@code https://x.org/wp-json/}
     *                or {@code https://x.org/?rest_route=/}
     * @param postId  the post id, or null to look the post up by {@code slug}
     */
    public WordPressRestComments(URI apiRoot, Long postId, String slug, int perPage) {
        this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
        this.postId = postId;
        this.slug = slug == null || slug.isBlank() ? null : slug;
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be 1.." + MAX_PER_PAGE + ": " + perPage);
        }
        this.perPage = perPage;
    }

    @Override
    public ApiReading start() {
        if (postId != null) {
            return ApiReading.start(CommentSourceKind.WORDPRESS_REST, comments(postId, 1)).asking(post(postId));
        }
        if (slug != null) {
            return ApiReading.start(CommentSourceKind.WORDPRESS_REST, ApiRequest.get("post-by-slug", slug,
                    ApiUrls.withQuery(route("wp/v2/posts"), "slug", slug, "_fields", POST_FIELDS)));
        }
        return ApiReading.impossible(CommentSourceKind.WORDPRESS_REST, new ReadFailure(ReadFailureKind.NOT_FOUND,
                "neither the post's WordPress id nor its slug is known"));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiRequest request = reading.next().orElseThrow();
        ApiReading next = reading.answered();
        return switch (request.purpose()) {
            case "post-by-slug" -> readPostBySlug(next, answer);
            case "post" -> readPost(next, answer);
            default -> readComments(next, answer, Integer.parseInt(request.key().substring(request.key()
                    .indexOf(':') + 1)), Long.parseLong(request.key().substring(0, request.key().indexOf(':'))));
        };
    }

    private ApiReading readPostBySlug(ApiReading reading, ApiAnswer answer) {
        JsonAnswer json = JsonAnswer.of(answer, SERVICE);
        if (!json.readable()) {
            return reading.failing(json.failure(), answer.retryAt());
        }
        WordPressRestPostParser.RestPost post = WordPressRestPostParser.read(json.json());
        if (post == null || post.id() == null) {
            return reading.failing(new ReadFailure(ReadFailureKind.NOT_FOUND,
                    SERVICE + " knows no post with the slug " + slug), null);
        }
        return withPost(reading, post).asking(comments(post.id(), 1));
    }

    private ApiReading readPost(ApiReading reading, ApiAnswer answer) {
        JsonAnswer json = JsonAnswer.of(answer, SERVICE);
        WordPressRestPostParser.RestPost post = json.readable() ? WordPressRestPostParser.read(json.json()) : null;
        if (post == null) {
            // the comments were read; only the author's id is missing, and names still decide
            return reading.noting("post author unknown: " + (json.readable() ? "no post in the answer"
                    : json.failure().message()));
        }
        return withPost(reading, post);
    }

    private static ApiReading withPost(ApiReading reading, WordPressRestPostParser.RestPost post) {
        ApiReading r = reading.withCommentsState(post.commentsState());
        return post.author().isUnknown() ? r : r.withPostAuthors(List.of(post.author()));
    }

    private ApiReading readComments(ApiReading reading, ApiAnswer answer, int page, long id) {
        ReadFailure problem = JsonAnswer.problem(answer, SERVICE);
        if (problem != null) {
            if (page > 1 && problem.kind() == ReadFailureKind.CLIENT_ERROR) {
                // rest_comment_invalid_page_number: the previous page was the last
                return reading;
            }
            return reading.failing(problem, answer.retryAt());
        }
        CommentPage read = parser.parse(answer.body());
        if (!read.readable()) {
            return reading.failing(read.failure(), null);
        }
        ApiReading next = reading.withComments(read.comments());
        if (read.truncated()) {
            return next.truncated("more comments on page " + page + " than the parser keeps");
        }
        int seen = read.comments().size() + read.pingbacksIgnored();
        return seen >= perPage ? next.asking(List.of(comments(id, page + 1)), true) : next;
    }

    private ApiRequest comments(long id, int page) {
        return ApiRequest.get("comments", id + ":" + page, ApiUrls.withQuery(route("wp/v2/comments"),
                "post", Long.toString(id), "per_page", Integer.toString(perPage), "page", Integer.toString(page),
                "orderby", "id", "order", "asc", "_fields", COMMENT_FIELDS));
    }

    private ApiRequest post(long id) {
        return ApiRequest.get("post", Long.toString(id), ApiUrls.withQuery(route("wp/v2/posts/" + id),
                "_fields", POST_FIELDS));
    }

    /** A route under the REST root, in the root's own form (pretty {@code /wp-json/} or {@code ?rest_route=}). */
    URI route(String route) {
        String root = apiRoot.toString();
        if (root.contains("rest_route=")) {
            String base = root.substring(0, root.indexOf("rest_route="));
            return URI.create(base + "rest_route=/" + route);
        }
        return ApiUrls.under(apiRoot, route);
    }
}
