package org.officialblogs.crawl.comments.ghost;

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
 * A Ghost site whose native comments are on: its pages load Ghost's comments script, whose data attributes name
 * the site, the Content API and its browser key, and who may comment ("all" or "paid"; reading is public).
 *
 * @param site            {@code data-ghost-comments}
 * @param contentApi      {@code data-api}, or null
 * @param contentKey      {@code data-key}, or null
 * @param commentsEnabled {@code data-comments-enabled}, or null
 */
public record GhostSite(URI site, URI contentApi, String contentKey, String commentsEnabled, String evidence)
        implements CommentSystem {
    public static final String SITE = "site";
    public static final String CONTENT_API = "content_api";
    public static final String CONTENT_KEY = "content_key";
    public static final String COMMENTS_ENABLED = "comments_enabled";

    public GhostSite {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public CommentService service() {
        return CommentService.GHOST;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(SITE, site.toString());
        if (contentApi != null) {
            settings.put(CONTENT_API, contentApi.toString());
        }
        if (contentKey != null) {
            settings.put(CONTENT_KEY, contentKey);
        }
        if (commentsEnabled != null) {
            settings.put(COMMENTS_ENABLED, commentsEnabled);
        }
        return settings;
    }

    /** Needs Ghost's post id: the page's {@code data-post-id} or the feed item's guid. */
    @Override
    public Optional<CommentApi> forPost(PostRef post) {
        if (!GhostComments.isGhostId(post.platformPostId())) {
            return Optional.empty();
        }
        return Optional.of(new GhostComments(site, post.platformPostId(), contentApi, contentKey, 100));
    }
}
