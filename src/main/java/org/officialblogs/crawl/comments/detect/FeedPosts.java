package org.officialblogs.crawl.comments.detect;

import java.net.URI;
import java.util.Objects;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.ghost.GhostComments;
import org.officialblogs.crawl.feed.Platform;

/**
 * A post as its feed item was stored, made a {@link PostRef} for the comment APIs; pure. Feeds give most of what
 * the APIs need: WordPress's {@code ?p=ID} guid (already kept as the platform post id), Ghost's guid (the post id
 * itself, 24 hex digits), Substack's {@code /p/SLUG} link (the post id then comes from the API).
 */
public final class FeedPosts {

    private FeedPosts() {
    }

    /**
     * @param platform       the blog's platform
     * @param url            the item's link
     * @param guid           the item's id as stored
     * @param platformPostId the platform post id the feed reader derived (WordPress, Blogger, Medium), or null
     * @param title          the item's title, or null
     */
    public static PostRef postRef(Platform platform, URI url, String guid, String platformPostId, String title) {
        Objects.requireNonNull(url, "url");
        String id = platformPostId;
        if (id == null && platform == Platform.GHOST && guid != null && GhostComments.isGhostId(guid.strip())) {
            id = guid.strip();
        }
        return new PostRef(url, id, title, null);
    }
}
