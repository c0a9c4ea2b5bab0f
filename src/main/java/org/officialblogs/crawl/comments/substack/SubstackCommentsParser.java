package org.officialblogs.crawl.comments.substack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentDates;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.PlainText;
import org.officialblogs.crawl.comments.PlatformFlag;

/**
 * Reads Substack's comment tree ({@code /api/v1/post/ID/comments}): {@code comments}, each with its
 * {@code children}, flattened with every reply after its parent.
 *
 * <p>Per comment: {@code id}, {@code date}, {@code user_id}, {@code name}, {@code deleted}, {@code status},
 * {@code children_count}. Every commenter has a Substack account ({@link PlatformFlag#BY_REGISTERED_USER}); one
 * whose user id is among the post's bylines gets {@link PlatformFlag#BY_POST_BYLINE}. A deleted comment (or one a
 * moderator removed) stays in the tree as a mark with no body that its replies hang from:
 * {@link PlatformFlag#CONTENT_REMOVED}. {@code automod_hidden_comments} are counted, not read.
 */
public final class SubstackCommentsParser {

    /**
     * One answer read.
     *
     * @param comments     undecided, each reply after its parent
     * @param hidden       comments Substack's automatic moderation holds back from readers
     * @param partial      a comment lists fewer children than its {@code children_count}, or the cap was reached
     * @param more         the answer says more top-level comments follow ({@code more: true})
     * @param lastTopLevel the date of the last top-level comment, as sent, for asking for the next batch
     */
    public record Thread(List<Comment> comments, int hidden, boolean partial, boolean more, String lastTopLevel) {
    }

    private record Pending(JsonNode node, String parentId) {
    }

    private final int maxComments;

    public SubstackCommentsParser(int maxComments) {
        if (maxComments < 1) {
            throw new IllegalArgumentException("maxComments must be positive: " + maxComments);
        }
        this.maxComments = maxComments;
    }

    /**
     * @param bylineUserIds the post's byline user ids (see {@link SubstackPost#bylineUserIds()})
     * @return the thread, or null when {@code json} is not a comment tree
     */
    public Thread read(JsonNode json, Set<String> bylineUserIds) {
        Objects.requireNonNull(bylineUserIds, "bylineUserIds");
        JsonNode top = json.isArray() ? json : json.get("comments");
        if (top == null || !top.isArray()) {
            return null;
        }
        List<Comment> comments = new ArrayList<>();
        boolean partial = false;
        String lastTopLevel = null;
        // depth-first with an explicit stack: threads can nest deeper than a call stack should
        Deque<Pending> stack = new ArrayDeque<>();
        for (int i = top.size() - 1; i >= 0; i--) {
            stack.push(new Pending(top.get(i), null));
        }
        for (JsonNode node : top) {
            String date = node.path("date").asText(null);
            lastTopLevel = date == null ? lastTopLevel : date;
        }
        while (!stack.isEmpty()) {
            Pending item = stack.pop();
            JsonNode node = item.node();
            long id = node.path("id").asLong(0);
            if (!node.isObject() || id <= 0) {
                continue;
            }
            if (comments.size() == maxComments) {
                partial = true;
                break;
            }
            String parent = item.parentId() != null ? item.parentId() : ancestor(node);
            comments.add(comment(node, Long.toString(id), parent, bylineUserIds));
            JsonNode children = node.path("children");
            int listed = children.isArray() ? children.size() : 0;
            if (node.path("children_count").asInt(listed) > listed) {
                partial = true;
            }
            for (int i = listed - 1; i >= 0; i--) {
                stack.push(new Pending(children.get(i), Long.toString(id)));
            }
        }
        JsonNode hidden = json.path("automod_hidden_comments");
        return new Thread(comments, hidden.isArray() ? hidden.size() : 0, partial,
                json.path("more").asBoolean(false), lastTopLevel);
    }

    private static Comment comment(JsonNode node, String id, String parent, Set<String> bylineUserIds) {
        long user = node.path("user_id").asLong(0);
        String userId = user > 0 ? Long.toString(user) : null;
        Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
        if (userId != null) {
            flags.add(PlatformFlag.BY_REGISTERED_USER);
            if (bylineUserIds.contains(userId)) {
                flags.add(PlatformFlag.BY_POST_BYLINE);
            }
        }
        String status = node.path("status").asText("");
        if (node.path("deleted").asBoolean(false) || (!status.isEmpty() && !status.equals("published"))) {
            flags.add(PlatformFlag.CONTENT_REMOVED);
        }
        String handle = PlainText.id(node.path("handle").asText(null));
        Instant published = CommentDates.iso(node.path("date").asText(null), ZoneOffset.UTC);
        return Comment.undecided(CommentSourceKind.SUBSTACK_API, id, parent, published,
                PlainText.name(node.path("name").asText(null)),
                handle == null ? null : "https://substack.com/@" + handle, userId, flags);
    }

    /** A reply served outside its parent's {@code children}: the last id of its {@code ancestor_path}. */
    private static String ancestor(JsonNode node) {
        String path = node.path("ancestor_path").asText("");
        if (path.isBlank()) {
            return null;
        }
        String[] ids = path.split("\\.");
        return PlainText.id(ids[ids.length - 1]);
    }
}
