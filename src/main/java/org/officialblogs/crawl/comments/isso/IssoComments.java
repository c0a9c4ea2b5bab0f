package org.officialblogs.crawl.comments.isso;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.PlainText;
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.ReadFailure;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.api.ApiAnswer;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.ApiStep;
import org.officialblogs.crawl.comments.api.ApiUrls;
import org.officialblogs.crawl.comments.api.CommentApi;

/**
 * Reads one thread from an Isso server: {@code ENDPOINT/?uri=PATH&sort=oldest&limit=N&offset=O}, each top-level
 * comment with all its replies (no {@code nested_limit}); the next page is asked while {@code hidden_replies} says
 * top-level comments were left out. An Isso without {@code offset} (before 0.13) answers the same page again, which
 * ends the reading as truncated; one that answers 404 for a thread nobody commented on yet means no comments.
 *
 * <p>Per comment: {@code id}, {@code parent}, {@code created} (Unix seconds), {@code mode} (1 published, 2 awaiting
 * moderation, 4 deleted but kept for its replies), {@code author} (a name typed in a form, or null). Isso has no
 * accounts: names decide.
 */
public final class IssoComments implements CommentApi {
    private static final String SERVICE = "Isso";

    private final URI endpoint;
    private final String threadUri;
    private final int limit;

    /**
     * @param endpoint  the Isso server ({@code data-isso}, or the embed script's address without
     *                  {@code /js/embed.min.js})
     * @param threadUri the thread's id: the page's {@code data-isso-id}, else its path
     */
    public IssoComments(URI endpoint, String threadUri, int limit) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.threadUri = Objects.requireNonNull(threadUri, "threadUri");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public ApiReading start() {
        return ApiReading.start(CommentSourceKind.ISSO_API, page(0));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        ApiReading next = step.reading();
        if (!step.readable()) {
            if (step.json().failure().kind() == ReadFailureKind.NOT_FOUND && next.comments().isEmpty()) {
                return next.noting("no thread yet: Isso answered 404");
            }
            return step.failed();
        }
        JsonNode replies = step.json().json().get("replies");
        if (replies == null || !replies.isArray()) {
            return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                    SERVICE + " answered without a thread"), null);
        }
        Set<String> seen = new HashSet<>();
        next.comments().forEach(c -> seen.add(c.id()));
        List<Comment> fresh = new ArrayList<>();
        boolean nestedHidden = flatten(replies, seen, fresh);
        next = next.withComments(fresh);
        if (nestedHidden) {
            next = next.truncated("Isso left out replies");
        }
        int offset = Integer.parseInt(step.request().key()) + replies.size();
        if (step.json().json().path("hidden_replies").asInt(0) > 0) {
            if (fresh.isEmpty()) {
                return next.truncated("Isso answered the same page again (no offset support)");
            }
            next = next.asking(page(offset));
        }
        return next;
    }

    /** Adds the comments not seen yet, each reply after its parent; true when a comment says replies are hidden. */
    private static boolean flatten(JsonNode top, Set<String> seen, List<Comment> out) {
        boolean hidden = false;
        Deque<JsonNode> stack = new ArrayDeque<>();
        for (int i = top.size() - 1; i >= 0; i--) {
            stack.push(top.get(i));
        }
        while (!stack.isEmpty()) {
            JsonNode node = stack.pop();
            String id = node.path("id").isIntegralNumber() ? Long.toString(node.path("id").asLong()) : null;
            if (id == null || !seen.add(id)) {
                continue;
            }
            int mode = node.path("mode").asInt(1);
            if (mode == 2) {
                continue; // awaiting moderation: not public
            }
            JsonNode parent = node.path("parent");
            Set<PlatformFlag> flags = mode == 4 ? EnumSet.of(PlatformFlag.CONTENT_REMOVED) : Set.of();
            double created = node.path("created").asDouble(0);
            out.add(Comment.undecided(CommentSourceKind.ISSO_API, id,
                    parent.isIntegralNumber() ? Long.toString(parent.asLong()) : null,
                    created > 0 ? Instant.ofEpochMilli(Math.round(created * 1000)) : null,
                    PlainText.name(node.path("author").asText(null)), null, null, flags));
            hidden |= node.path("hidden_replies").asInt(0) > 0;
            JsonNode children = node.path("replies");
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return hidden;
    }

    private ApiRequest page(int offset) {
        return ApiRequest.get("comments", Integer.toString(offset), ApiUrls.withQuery(ApiUrls.under(endpoint, ""),
                "uri", threadUri, "sort", "oldest", "limit", Integer.toString(limit),
                "offset", Integer.toString(offset)));
    }
}
