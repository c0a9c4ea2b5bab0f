package org.officialblogs.crawl.comments.remark42;

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
 * Reads one thread from a Remark42 server: {@code HOST/api/v1/find?site=SITE&url=URL&sort=+time&format=plain
 * &limit=N}, oldest first, flat with parent ids; while {@code info.count_left} is positive the next page is asked
 * with {@code offset_id} set to {@code info.last_comment}.
 *
 * <p>Per comment: {@code id}, {@code pid} ("" at top level), {@code time}, {@code delete} (text and votes cleared,
 * kept for its replies), {@code user} ({@code name}, {@code id} such as "github_1a2b..." or "anonymous_..."). A
 * signed-in user's id is kept as the comment's account reference; names decide (the site's admins are marked
 * {@code admin}, but an admin may be staff as well as the official). {@code info.read_only} closes the thread.
 */
public final class Remark42Comments implements CommentApi {
    private static final String SERVICE = "Remark42";

    private final URI host;
    private final String siteId;
    private final String pageUrl;
    private final int limit;

    /**
     * @param host    the Remark42 server ({@code remark_config.host})
     * @param siteId  {@code remark_config.site_id} ("remark" by default)
     * @param pageUrl the thread's URL: {@code remark_config.url}, else the page's origin and path
     */
    public Remark42Comments(URI host, String siteId, String pageUrl, int limit) {
        this.host = Objects.requireNonNull(host, "host");
        this.siteId = Objects.requireNonNull(siteId, "siteId");
        this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public ApiReading start() {
        return ApiReading.start(CommentSourceKind.REMARK42_API, page(null));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        if (!step.readable()) {
            return step.failed();
        }
        ApiReading next = step.reading();
        JsonNode list = step.json().json().get("comments");
        if (list == null || !list.isArray()) {
            return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                    SERVICE + " answered without a comment list"), null);
        }
        List<Comment> comments = new ArrayList<>();
        for (JsonNode node : list) {
            Comment comment = comment(node);
            if (comment != null) {
                comments.add(comment);
            }
        }
        JsonNode info = step.json().json().path("info");
        next = next.withComments(comments).withCommentsState(info.path("read_only").asBoolean(false)
                ? CommentsState.CLOSED : CommentsState.OPEN);
        String last = PlainText.id(info.path("last_comment").asText(null));
        if (info.path("count_left").asInt(0) > 0 && last != null && !comments.isEmpty()) {
            next = next.asking(page(last));
        }
        return next;
    }

    private static Comment comment(JsonNode node) {
        String id = PlainText.id(node.path("id").asText(null));
        if (!node.isObject() || id == null) {
            return null;
        }
        String parent = PlainText.id(node.path("pid").asText(""));
        JsonNode user = node.path("user");
        String userId = PlainText.id(user.path("id").asText(null));
        boolean account = userId != null && !userId.startsWith("anonymous_") && !userId.equals("deleted");
        Set<PlatformFlag> flags = node.path("delete").asBoolean(false) ? EnumSet.of(PlatformFlag.CONTENT_REMOVED)
                : Set.of();
        String name = PlainText.name(user.path("name").asText(null));
        return Comment.undecided(CommentSourceKind.REMARK42_API, id, parent, CommentDates.iso(
                node.path("time").asText(null), ZoneOffset.UTC), "deleted".equals(userId) ? null : name, null,
                account ? userId : null, flags);
    }

    private ApiRequest page(String offsetId) {
        return ApiRequest.get("comments", offsetId == null ? "first" : offsetId, ApiUrls.withQuery(
                ApiUrls.under(host, "api/v1/find"), "site", siteId, "url", pageUrl, "sort", "+time",
                "format", "plain", "limit", Integer.toString(limit), "offset_id", offsetId));
    }
}
