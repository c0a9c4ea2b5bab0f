package org.officialblogs.crawl.comments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.officialblogs.crawl.read.LenientDates;
import org.officialblogs.crawl.read.MarkupText;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.json.Json;
import org.officialblogs.metrics.CommentsState;

/**
 * Reads a WordPress REST comment list ({@code /wp-json/wp/v2/comments?post=ID}) from bytes.
 *
 * <p>Fields used: {@code id}, {@code parent} (0 = top level), {@code author} (the user id, 0 for guests),
 * {@code author_name}, {@code date_gmt} (UTC without a zone), and {@code type} when present (only "comment" is
 * kept; pingbacks and trackbacks are counted as ignored). A registered commenter gets
 * {@link PlatformFlag#BY_REGISTERED_USER} and the user id, which {@link ReplyDetector} compares with the post's
 * author id that the caller reads from the REST post.
 */
public final class WordPressRestCommentsParser {
    private final ObjectMapper mapper;
    private final int maxComments;

    public WordPressRestCommentsParser() {
        this(HtmlCommentOptions.DEFAULT_MAX_COMMENTS);
    }

    public WordPressRestCommentsParser(int maxComments) {
        if (maxComments < 1) {
            throw new IllegalArgumentException("maxComments must be positive: " + maxComments);
        }
        this.maxComments = maxComments;
        // bounded nesting and strings (the body is untrusted): the house mapper reads that way
        this.mapper = Json.mapper();
    }

    /** Never throws for bad input: failures come back in {@link CommentPage#failure()}. */
    public CommentPage parse(byte[] body) {
        CommentSourceKind kind = CommentSourceKind.WORDPRESS_REST;
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return CommentPage.failed(kind, ReadFailureKind.EMPTY, "the body is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return CommentPage.failed(kind, ReadFailureKind.MALFORMED, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return CommentPage.failed(kind, ReadFailureKind.MALFORMED, "unreadable JSON: " + e.getMessage());
        }
        if (root.isObject() && root.hasNonNull("code")) {
            // WordPress reports errors as {"code": "rest_post_invalid_id", "message": ..., "data": {"status": 404}}
            return CommentPage.failed(kind, ReadFailureKind.UNEXPECTED_FORMAT, "WordPress REST error "
                    + MarkupText.name(root.path("code").asText()) + ": " + MarkupText.name(root.path("message")
                    .asText()));
        }
        if (!root.isArray()) {
            return CommentPage.failed(kind, ReadFailureKind.UNEXPECTED_FORMAT,
                    "expected a JSON array of comments, got " + root.getNodeType());
        }
        List<Comment> comments = new ArrayList<>();
        int pingbacks = 0;
        boolean truncated = false;
        for (JsonNode node : root) {
            if (!node.isObject()) {
                continue;
            }
            String type = node.path("type").asText("comment");
            if (!type.isEmpty() && !type.equals("comment")) {
                pingbacks++;
                continue;
            }
            long id = node.path("id").asLong(0);
            if (id <= 0) {
                continue;
            }
            if (comments.size() == maxComments) {
                truncated = true;
                break;
            }
            long parent = node.path("parent").asLong(0);
            long author = node.path("author").asLong(0);
            Instant published = LenientDates.iso(node.path("date_gmt").asText(null), ZoneOffset.UTC);
            Set<PlatformFlag> flags = author > 0 ? EnumSet.of(PlatformFlag.BY_REGISTERED_USER) : Set.of();
            comments.add(Comment.undecided(kind, Long.toString(id), parent > 0 ? Long.toString(parent) : null,
                    published, MarkupText.name(node.path("author_name").asText(null)), null,
                    author > 0 ? Long.toString(author) : null, flags));
        }
        return new CommentPage(kind, comments, CommentsState.UNKNOWN, truncated, pingbacks, PostAuthor.UNKNOWN,
                FeedPaging.NONE, null);
    }
}
