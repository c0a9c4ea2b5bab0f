package org.officialblogs.crawl.comments.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentDates;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.PlainText;
import org.officialblogs.crawl.comments.PlatformFlag;

/**
 * Reads an answer of Ghost's Members comments API: {@code comments} (top-level comments with their first replies
 * inline, or one comment's replies) and {@code meta.pagination}.
 *
 * <p>Per comment: {@code id}, {@code parent_id}, {@code in_reply_to_id} (the reply a reply answers, in Ghost 5.100+),
 * {@code status}, {@code created_at}, {@code member} ({@code id}, {@code name}; null for a deleted member) and
 * {@code count.replies}. A comment whose status is not "published" (hidden by a moderator, deleted) is served
 * without its text: {@link PlatformFlag#CONTENT_REMOVED}. Members are not accounts the official can be recognised by
 * (the API says nothing of staff), so the member id is kept only as the comment's account reference.
 */
public final class GhostCommentsParser {

    /**
     * One answer read.
     *
     * @param comments       undecided, each reply after its parent
     * @param repliesMissing ids of comments with more replies than the answer carries inline
     * @param nextPage       {@code meta.pagination.next}, or null on the last page
     */
    public record Answer(List<Comment> comments, List<String> repliesMissing, Integer nextPage) {
    }

    private GhostCommentsParser() {
    }

    /**
     * @param parentId for an answer of the replies endpoint, the comment whose replies these are; else null
     * @return the answer, or null when {@code json} holds no comment list
     */
    public static Answer read(JsonNode json, String parentId) {
        JsonNode list = json.get("comments");
        if (list == null || !list.isArray()) {
            return null;
        }
        List<Comment> comments = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode node : list) {
            String id = PlainText.id(node.path("id").asText(null));
            if (!node.isObject() || id == null) {
                continue;
            }
            comments.add(comment(node, id, parentId));
            JsonNode replies = node.path("replies");
            int inline = 0;
            for (JsonNode reply : replies) {
                String replyId = PlainText.id(reply.path("id").asText(null));
                if (reply.isObject() && replyId != null) {
                    comments.add(comment(reply, replyId, id));
                    inline++;
                }
            }
            if (parentId == null && node.path("count").path("replies").asInt(0) > inline) {
                missing.add(id);
            }
        }
        JsonNode next = json.path("meta").path("pagination").path("next");
        return new Answer(comments, missing, next.canConvertToInt() && next.asInt() > 0 ? next.asInt() : null);
    }

    private static Comment comment(JsonNode node, String id, String threadParent) {
        // a reply to a reply names the reply it answers; else it answers the comment it hangs under
        String parent = firstId(node.path("in_reply_to_id"), node.path("parent_id"));
        if (parent == null) {
            parent = threadParent;
        }
        Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
        if (!node.path("status").asText("published").equals("published")) {
            flags.add(PlatformFlag.CONTENT_REMOVED);
        }
        JsonNode member = node.path("member");
        String memberId = member.isObject() ? PlainText.id(member.path("id").asText(null)) : null;
        String name = member.isObject() ? PlainText.name(member.path("name").asText(null)) : null;
        return Comment.undecided(CommentSourceKind.GHOST_MEMBERS_API, id, parent,
                CommentDates.iso(node.path("created_at").asText(null), ZoneOffset.UTC), name, null,
                memberId == null ? null : "member:" + memberId, flags);
    }

    private static String firstId(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual()) {
                String id = PlainText.id(candidate.asText());
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }
}
