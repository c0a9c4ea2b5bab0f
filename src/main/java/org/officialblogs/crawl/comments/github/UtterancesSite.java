package org.officialblogs.crawl.comments.github;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.CommentSystem;

/**
 * A blog whose comments are GitHub issues shown by utterances ({@code <script src="https://utteranc.es/client.js"
 * repo=... issue-term=...>}).
 *
 * @param api         GitHub's REST API root
 * @param repo        "owner/name"
 * @param issueTerm   {@code issue-term}: pathname, url, title, og:title, or a specific term; null with a number
 * @param issueNumber {@code issue-number}, or null
 */
public record UtterancesSite(URI api, String repo, String issueTerm, Integer issueNumber, String evidence)
        implements CommentSystem {
    /** GitHub's public REST API. */
    public static final URI GITHUB_API = URI.create("https://api.github.com/");
    public static final String API = "api";
    public static final String REPO = "repo";
    public static final String ISSUE_TERM = "issue_term";
    public static final String ISSUE_NUMBER = "issue_number";

    public UtterancesSite {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.UTTERANCES;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(API, api.toString());
        settings.put(REPO, repo);
        if (issueTerm != null) {
            settings.put(ISSUE_TERM, issueTerm);
        }
        if (issueNumber != null) {
            settings.put(ISSUE_NUMBER, issueNumber.toString());
        }
        return settings;
    }

    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        if (issueNumber != null) {
            return Optional.of(new UtterancesComments(api, repo, null, issueNumber));
        }
        String mapping = switch (issueTerm == null ? "pathname" : issueTerm) {
            case "pathname", "url", "title", "og:title" -> issueTerm == null ? "pathname" : issueTerm;
            default -> "specific";
        };
        String term = GitHubTerms.term(mapping, issueTerm, post);
        return term == null ? Optional.empty() : Optional.of(new UtterancesComments(api, repo, term, null));
    }
}
