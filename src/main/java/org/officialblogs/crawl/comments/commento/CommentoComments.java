package org.officialblogs.crawl.comments.commento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentDates;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.CommentsState;
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
 * Reads one page's comments from a Commento (or Commento++) server: one {@code POST ORIGIN/api/comment/list} with
 * {@code {"commenterToken": "anonymous", "domain": HOST, "path": PATH}}, the request its embed script makes for
 * every visitor. The answer holds all approved comments (flat, {@code parentHex} "root" at top level) and the
 * {@code commenters} they name; {@code success: false} carries the server's reason ("this domain is not registered").
 *
 * <p>Per comment: {@code commentHex}, {@code parentHex}, {@code commenterHex} ("anonymous" for a guest),
 * {@code creationDate}, {@code deleted}. A commenter's name comes from {@code commenters}; a signed-in commenter's
 * hex is kept as the account reference. Names decide ({@code isModerator} marks the domain's moderators, who may be
 * staff as well as the official). {@code isFrozen} closes the thread.
 */
public final class CommentoComments implements CommentApi {
    private static final String SERVICE = "Commento";

    private final URI origin;
    private final String domain;
    private final String path;

    /**
     * @param origin the Commento server (its embed script's origin; {@code https://commento.io} for the hosted one)
     * @param domain the blog's host as the page sees it ({@code parent.location.host})
     * @param path   the page's {@code data-page-id}, else its path
     */
    public CommentoComments(URI origin, String domain, String path) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    public ApiReading start() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("commenterToken", "anonymous");
        body.put("domain", domain);
        body.put("path", path);
        return ApiReading.start(CommentSourceKind.COMMENTO_API, ApiRequest.postJson("comments", path,
                ApiUrls.under(origin, "api/comment/list"), body.toString()));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        if (!step.readable()) {
            return step.failed();
        }
        ApiReading next = step.reading();
        JsonNode root = step.json().json();
        if (!root.path("success").asBoolean(false)) {
            String message = PlainText.name(root.path("message").asText(null));
            return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT, SERVICE + " refused the list: "
                    + (message == null ? "no reason given" : message)), null);
        }
        JsonNode commenters = root.path("commenters");
        List<Comment> comments = new ArrayList<>();
        for (JsonNode node : root.path("comments")) {
            String id = PlainText.id(node.path("commentHex").asText(null));
            if (!node.isObject() || id == null) {
                continue;
            }
            String parent = PlainText.id(node.path("parentHex").asText("root"));
            String commenter = PlainText.id(node.path("commenterHex").asText("anonymous"));
            boolean account = commenter != null && !commenter.equals("anonymous");
            JsonNode who = commenter == null ? JsonNodeFactory.instance.objectNode() : commenters.path(commenter);
            Set<PlatformFlag> flags = node.path("deleted").asBoolean(false) || who.path("deleted").asBoolean(false)
                    ? EnumSet.of(PlatformFlag.CONTENT_REMOVED) : Set.of();
            String name = account ? PlainText.name(who.path("name").asText(null)) : null;
            comments.add(Comment.undecided(CommentSourceKind.COMMENTO_API, id,
                    parent == null || parent.equals("root") ? null : parent,
                    CommentDates.iso(node.path("creationDate").asText(null), ZoneOffset.UTC), name, null,
                    account ? commenter : null, flags));
        }
        return next.withComments(comments).withCommentsState(root.path("isFrozen").asBoolean(false)
                ? CommentsState.CLOSED : CommentsState.OPEN);
    }
}
