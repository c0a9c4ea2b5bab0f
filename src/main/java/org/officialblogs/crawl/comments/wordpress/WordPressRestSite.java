package org.officialblogs.crawl.comments.wordpress;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.CommentSystem;

/**
 * A WordPress site whose REST API is announced ({@code <link rel="https://api.w.org/" href="...">}): its comments
 * can be read there when its feeds and pages show no authorship.
 *
 * @param apiRoot the announced REST root
 */
public record WordPressRestSite(URI apiRoot, String evidence) implements CommentSystem {
    public static final String API_ROOT = "api_root";
    private static final Pattern NUMERIC = Pattern.compile("\\d{1,19}");
    private static final Pattern LAST_SEGMENT = Pattern.compile("/([^/?#]+)/?(?:[?#].*)?$");

    public WordPressRestSite {
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.WORDPRESS_REST;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(API_ROOT, apiRoot.toString());
    }

    /** The post's numeric id when known, else its slug (the permalink's last path segment). */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        Long id = post.platformPostId() != null && NUMERIC.matcher(post.platformPostId()).matches()
                ? Long.valueOf(post.platformPostId()) : null;
        String slug = null;
        if (id == null) {
            Matcher m = LAST_SEGMENT.matcher(post.url().getPath() == null ? "" : post.url().getPath());
            slug = m.find() ? m.group(1) : null;
        }
        if (id == null && slug == null) {
            return Optional.empty();
        }
        return Optional.of(new WordPressRestComments(apiRoot, id, slug, WordPressRestComments.MAX_PER_PAGE));
    }
}
