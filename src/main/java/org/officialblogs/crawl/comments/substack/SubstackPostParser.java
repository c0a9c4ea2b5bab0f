package org.officialblogs.crawl.comments.substack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.officialblogs.crawl.comments.PlainText;
import org.officialblogs.crawl.comments.PostAuthor;

/**
 * Reads Substack posts from JSON: a single post ({@code /api/v1/posts/SLUG}), an archive page (an array of posts,
 * {@code /api/v1/archive}), or an object holding one under {@code post} (a page's preloaded state).
 */
public final class SubstackPostParser {

    private SubstackPostParser() {
    }

    /** The post in {@code json}, or null when it holds none with an id. */
    public static SubstackPost post(JsonNode json) {
        JsonNode node = json.has("post") && json.get("post").isObject() ? json.get("post") : json;
        return node.isObject() ? read(node) : null;
    }

    /** The posts of an archive page, in its order; entries without an id are skipped. */
    public static List<SubstackPost> posts(JsonNode json) {
        List<SubstackPost> posts = new ArrayList<>();
        JsonNode list = json.isArray() ? json : json.path("posts");
        for (JsonNode node : list) {
            SubstackPost post = node.isObject() ? read(node) : null;
            if (post != null) {
                posts.add(post);
            }
        }
        return posts;
    }

    private static SubstackPost read(JsonNode node) {
        long id = node.path("id").asLong(0);
        if (id <= 0) {
            return null;
        }
        List<PostAuthor> bylines = new ArrayList<>();
        for (JsonNode byline : node.path("publishedBylines")) {
            long userId = byline.path("id").asLong(0);
            String handle = PlainText.id(byline.path("handle").asText(null));
            bylines.add(new PostAuthor(PlainText.name(byline.path("name").asText(null)),
                    handle == null ? null : "https://substack.com/@" + handle,
                    userId > 0 ? Long.toString(userId) : null));
        }
        JsonNode count = node.get("comment_count");
        return new SubstackPost(id, PlainText.id(node.path("slug").asText(null)), bylines,
                text(node, "audience"), text(node, "write_comment_permissions"),
                count != null && count.canConvertToInt() ? count.asInt() : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : PlainText.id(value.asText());
    }
}
