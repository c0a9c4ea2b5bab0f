package org.officialblogs.crawl.comments.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.officialblogs.crawl.comments.PlainText;
import org.officialblogs.crawl.comments.PostAuthor;

/**
 * Reads the post's staff authors from Ghost's Content API ({@code /ghost/api/content/posts/ID/?include=authors}):
 * the primary author first, then the others. A staff author is not a comment account (staff comment as members),
 * so only the name and author page are kept: the official's comments are recognised by the primary author's name.
 */
public final class GhostPostAuthorsParser {

    private GhostPostAuthorsParser() {
    }

    /** The post's authors, the primary first; empty when the answer names none. */
    public static List<PostAuthor> read(JsonNode json) {
        JsonNode post = json.path("posts").path(0);
        List<PostAuthor> authors = new ArrayList<>();
        String primaryId = PlainText.id(post.path("primary_author").path("id").asText(null));
        JsonNode primary = post.path("primary_author");
        if (primary.isObject()) {
            add(authors, primary);
        }
        for (JsonNode author : post.path("authors")) {
            String id = PlainText.id(author.path("id").asText(null));
            if (author.isObject() && (id == null || !id.equals(primaryId))) {
                add(authors, author);
            }
        }
        return authors;
    }

    private static void add(List<PostAuthor> authors, JsonNode author) {
        String name = PlainText.name(author.path("name").asText(null));
        if (name != null) {
            authors.add(new PostAuthor(name, PlainText.httpUrl(author.path("url").asText(null)), null));
        }
    }
}
