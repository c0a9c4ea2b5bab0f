package org.officialblogs.crawl.comments.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PostAuthor;

/**
 * Reads a WordPress REST post ({@code /wp/v2/posts/ID}, or the one-element array of {@code /wp/v2/posts?slug=})
 * for what reply detection needs: the post's id, its author's user id and whether comments are open.
 */
public final class WordPressRestPostParser {

    /**
     * What a REST post says.
     *
     * @param id            the post id, or null
     * @param author        the author's user id as {@link PostAuthor#userId()}, or {@link PostAuthor#UNKNOWN}
     *                      (some sites strip the field)
     * @param commentsState from {@code comment_status}
     */
    public record RestPost(Long id, PostAuthor author, CommentsState commentsState) {
    }

    private WordPressRestPostParser() {
    }

    /** The post in {@code json}, or null when it holds none (an empty slug search, an error object). */
    public static RestPost read(JsonNode json) {
        JsonNode post = json.isArray() ? (json.isEmpty() ? null : json.get(0)) : json;
        if (post == null || !post.isObject() || post.hasNonNull("code")) {
            return null;
        }
        long id = post.path("id").asLong(0);
        long author = post.path("author").asLong(0);
        String status = post.path("comment_status").asText("");
        CommentsState state = switch (status) {
            case "open" -> CommentsState.OPEN;
            case "closed" -> CommentsState.CLOSED;
            default -> CommentsState.UNKNOWN;
        };
        return new RestPost(id > 0 ? id : null,
                author > 0 ? new PostAuthor(null, null, Long.toString(author)) : PostAuthor.UNKNOWN, state);
    }
}
