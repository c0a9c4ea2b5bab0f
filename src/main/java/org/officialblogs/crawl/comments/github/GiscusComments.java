package org.officialblogs.crawl.comments.github;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Reads the GitHub Discussion behind a giscus widget through the giscus server's public endpoint,
 * {@code ORIGIN/api/discussions?repo=R&term=T&category=C&strict=S&first=N[&after=CURSOR]} (or {@code number=}),
 * the request its widget makes for every visitor: GitHub's own GraphQL API needs a token, the giscus server reads it
 * with its app's token within that app's rate limit. Pages follow {@code pageInfo.endCursor} while
 * {@code hasNextPage}; each comment carries its last 100 replies.
 *
 * <p>Per comment and reply: {@code id}, {@code createdAt}, {@code author.login}, {@code authorAssociation} (OWNER:
 * {@link PlatformFlag#BY_REPOSITORY_OWNER}), {@code deletedAt} and {@code isMinimized} (deleted or hidden by a
 * maintainer: {@link PlatformFlag#CONTENT_REMOVED}), a reply's {@code replyToId}. No discussion yet (404, or
 * {@code discussion: null}) means no comments; a locked discussion is closed.
 */
public final class GiscusComments implements CommentApi {
    private static final String SERVICE = "giscus";

    private final URI origin;
    private final String repo;
    private final String category;
    private final String term;
    private final Integer number;
    private final boolean strict;
    private final int pageSize;

    /**
     * @param origin the giscus server (the widget script's origin, {@code https://giscus.app} by default)
     * @param term   the discussion's search term; null when {@code number} is given
     * @param number the discussion's number (the "number" mapping), or null
     */
    public GiscusComments(URI origin, String repo, String category, String term, Integer number, boolean strict,
            int pageSize) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.repo = Objects.requireNonNull(repo, "repo");
        this.category = category;
        this.term = term;
        this.number = number;
        if (term == null && number == null) {
            throw new IllegalArgumentException("a term or a discussion number is needed");
        }
        this.strict = strict;
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be 1..100: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public ApiReading start() {
        return ApiReading.start(CommentSourceKind.GISCUS_API, page(null));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        ApiReading next = step.reading();
        if (!step.readable()) {
            if (step.json().failure().kind() == ReadFailureKind.NOT_FOUND && next.comments().isEmpty()) {
                return next.noting("no discussion yet: giscus answered 404");
            }
            return step.failed();
        }
        if (!step.json().json().has("discussion")) {
            return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                    SERVICE + " answered without a discussion"), null);
        }
        JsonNode discussion = step.json().json().get("discussion");
        if (discussion.isNull()) {
            return next.noting("no discussion yet");
        }
        next = next.withCommentsState(discussion.path("locked").asBoolean(false) ? CommentsState.CLOSED
                : CommentsState.OPEN);
        List<Comment> comments = new ArrayList<>();
        boolean partial = false;
        for (JsonNode node : discussion.path("comments")) {
            Comment comment = comment(node, null);
            if (comment == null) {
                continue;
            }
            comments.add(comment);
            int served = 0;
            for (JsonNode reply : node.path("replies")) {
                Comment r = comment(reply, comment.id());
                if (r != null) {
                    comments.add(r);
                    served++;
                }
            }
            partial |= node.path("replyCount").asInt(served) > served;
        }
        next = next.withComments(comments);
        if (partial) {
            next = next.truncated("giscus serves a comment's last 100 replies only");
        }
        JsonNode pageInfo = discussion.path("pageInfo");
        String cursor = pageInfo.path("endCursor").asText(null);
        if (pageInfo.path("hasNextPage").asBoolean(false) && cursor != null && !comments.isEmpty()) {
            next = next.asking(page(cursor));
        }
        return next;
    }

    private static Comment comment(JsonNode node, String threadParent) {
        String id = PlainText.id(node.path("id").asText(null));
        if (!node.isObject() || id == null) {
            return null;
        }
        String parent = threadParent;
        String replyTo = PlainText.id(node.path("replyToId").asText(null));
        if (threadParent != null && replyTo != null) {
            parent = replyTo;
        }
        Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
        if (!node.path("deletedAt").isNull() && !node.path("deletedAt").isMissingNode()
                || node.path("isMinimized").asBoolean(false)) {
            flags.add(PlatformFlag.CONTENT_REMOVED);
        }
        if ("OWNER".equals(node.path("authorAssociation").asText(""))) {
            flags.add(PlatformFlag.BY_REPOSITORY_OWNER);
        }
        String login = PlainText.id(node.path("author").path("login").asText(null));
        return Comment.undecided(CommentSourceKind.GISCUS_API, id, parent,
                CommentDates.iso(node.path("createdAt").asText(null), ZoneOffset.UTC), login, null, login, flags);
    }

    private ApiRequest page(String after) {
        URI url = ApiUrls.withQuery(ApiUrls.under(origin, "api/discussions"), "repo", repo,
                "term", number == null ? term : null, "number", number == null ? null : number.toString(),
                "category", category, "strict", Boolean.toString(strict), "first", Integer.toString(pageSize),
                "after", after);
        return ApiRequest.get("comments", after == null ? "first" : after, url);
    }
}
