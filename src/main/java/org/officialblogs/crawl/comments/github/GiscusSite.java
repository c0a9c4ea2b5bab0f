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
 * A blog whose comments are GitHub Discussions shown by giscus ({@code <script src="https://giscus.app/client.js"
 * data-repo=... data-mapping=...>}).
 *
 * @param origin   the giscus server
 * @param repo     {@code data-repo}, "owner/name"
 * @param category {@code data-category}, or null
 * @param mapping  {@code data-mapping}: pathname (default), url, title, og:title, specific, number
 * @param term     {@code data-term} (the specific term, or the discussion number), or null
 * @param strict   {@code data-strict="1"}: the term is matched by its hash in the discussion body
 */
public record GiscusSite(URI origin, String repo, String category, String mapping, String term, boolean strict,
        String evidence) implements CommentSystem {
    public static final String ORIGIN = "origin";
    public static final String REPO = "repo";
    public static final String CATEGORY = "category";
    public static final String MAPPING = "mapping";
    public static final String TERM = "term";
    public static final String STRICT = "strict";

    public GiscusSite {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.GISCUS;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ORIGIN, origin.toString());
        settings.put(REPO, repo);
        if (category != null) {
            settings.put(CATEGORY, category);
        }
        if (mapping != null) {
            settings.put(MAPPING, mapping);
        }
        if (term != null) {
            settings.put(TERM, term);
        }
        settings.put(STRICT, Boolean.toString(strict));
        return settings;
    }

    /** Empty when the mapping needs what the post lacks (a title) or a discussion number is not a number. */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        if ("number".equals(mapping)) {
            if (term == null || !term.strip().matches("\\d{1,9}")) {
                return Optional.empty();
            }
            return Optional.of(new GiscusComments(origin, repo, category, null, Integer.valueOf(term.strip()),
                    strict, 100));
        }
        String t = GitHubTerms.term(mapping, term, post);
        return t == null ? Optional.empty()
                : Optional.of(new GiscusComments(origin, repo, category, t, null, strict, 100));
    }
}
