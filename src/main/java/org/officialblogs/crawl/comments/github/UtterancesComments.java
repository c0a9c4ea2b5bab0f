package org.officialblogs.crawl.comments.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * Reads the GitHub issue behind an utterances widget from GitHub's public REST API, as the widget does:
 * <ol>
 *   <li>{@code search/issues?q="TERM" type:issue in:title repo:OWNER/NAME&sort=created&order=asc}, the issue titled
 *       the term (else the first whose title contains it, as the widget picks); none found means no comments yet.
 *       Skipped for an {@code issue-number} widget.</li>
 *   <li>{@code repos/OWNER/NAME/issues/N/comments?per_page=100&page=P}, P = 1, 2, ... while pages are full</li>
 * </ol>
 * Without a token GitHub allows 60 requests an hour (10 searches a minute) per address: a 403 or 429 then stops the
 * reading as rate limited or refused, keeping what was read. Comments are flat; {@code author_association} OWNER is
 * the repository's owner ({@link PlatformFlag#BY_REPOSITORY_OWNER}); a locked issue is closed.
 */
public final class UtterancesComments implements CommentApi {
    private static final String SERVICE = "GitHub";
    private static final int PER_PAGE = 100;

    private final URI api;
    private final String repo;
    private final String term;
    private final Integer issueNumber;

    /**
     * @param api         GitHub's REST API root ({@code https://api.github.com/})
     * @param repo        the widget's {@code repo}, "owner/name"
     * @param term        the page's search term; null when {@code issueNumber} is given
     * @param issueNumber the widget's {@code issue-number}, or null
     */
    public UtterancesComments(URI api, String repo, String term, Integer issueNumber) {
        this.api = Objects.requireNonNull(api, "api");
        this.repo = Objects.requireNonNull(repo, "repo");
        if (term == null && issueNumber == null) {
            throw new IllegalArgumentException("a term or an issue number is needed");
        }
        this.term = term;
        this.issueNumber = issueNumber;
    }

    @Override
    public ApiReading start() {
        if (issueNumber != null) {
            return ApiReading.start(CommentSourceKind.GITHUB_ISSUES_API, comments(issueNumber, 1));
        }
        String q = "\"" + term.replace("\"", "") + "\" type:issue in:title repo:" + repo;
        return ApiReading.start(CommentSourceKind.GITHUB_ISSUES_API, ApiRequest.get("search", term,
                ApiUrls.withQuery(ApiUrls.under(api, "search/issues"), "q", q, "sort", "created", "order", "asc")));
    }

    @Override
    public ApiReading read(ApiReading reading, ApiAnswer answer) {
        ApiStep step = ApiStep.of(reading, answer, SERVICE);
        if (!step.readable()) {
            return step.failed();
        }
        ApiRequest request = step.request();
        ApiReading next = step.reading();
        if (request.purpose().equals("search")) {
            JsonNode items = step.json().json().path("items");
            if (!items.isArray()) {
                return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                        SERVICE + " answered the issue search without items"), null);
            }
            JsonNode issue = pick(items);
            if (issue == null) {
                return next.noting("no issue yet for \"" + term + "\"");
            }
            next = next.withCommentsState(issue.path("locked").asBoolean(false) ? CommentsState.CLOSED
                    : CommentsState.OPEN);
            return next.asking(comments(issue.path("number").asInt(), 1));
        }
        JsonNode list = step.json().json();
        if (!list.isArray()) {
            return next.failing(new ReadFailure(ReadFailureKind.UNEXPECTED_FORMAT,
                    SERVICE + " answered without a comment list"), null);
        }
        Set<String> seen = new HashSet<>();
        next.comments().forEach(c -> seen.add(c.id()));
        List<Comment> comments = new ArrayList<>();
        for (JsonNode node : list) {
            long id = node.path("id").asLong(0);
            if (!node.isObject() || id <= 0 || !seen.add(Long.toString(id))) {
                continue;
            }
            Set<PlatformFlag> flags = "OWNER".equals(node.path("author_association").asText(""))
                    ? EnumSet.of(PlatformFlag.BY_REPOSITORY_OWNER) : Set.of();
            String login = PlainText.id(node.path("user").path("login").asText(null));
            comments.add(Comment.undecided(CommentSourceKind.GITHUB_ISSUES_API, Long.toString(id), null,
                    CommentDates.iso(node.path("created_at").asText(null), ZoneOffset.UTC), login, null, login, flags));
        }
        next = next.withComments(comments);
        String[] key = request.key().split(":");
        if (comments.isEmpty() && !list.isEmpty()) {
            return next.truncated("GitHub answered the same comments again");
        }
        if (list.size() >= PER_PAGE) {
            next = next.asking(comments(Integer.parseInt(key[0]), Integer.parseInt(key[1]) + 1));
        }
        return next;
    }

    /**
     * The issue titled exactly the term, else the first whose title contains it (ignoring case), else the first;
     * null when there is none.
     */
    private JsonNode pick(JsonNode items) {
        String wanted = term.toLowerCase(Locale.ROOT);
        for (JsonNode item : items) {
            if (item.path("title").asText("").strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return item;
            }
        }
        for (JsonNode item : items) {
            if (item.path("title").asText("").toLowerCase(Locale.ROOT).contains(wanted)) {
                return item;
            }
        }
        return items.isEmpty() ? null : items.get(0);
    }

    private ApiRequest comments(int issue, int page) {
        return ApiRequest.get("comments", issue + ":" + page, ApiUrls.withQuery(
                ApiUrls.under(api, "repos/" + repo + "/issues/" + issue + "/comments"),
                "per_page", Integer.toString(PER_PAGE), "page", Integer.toString(page)));
    }
}
