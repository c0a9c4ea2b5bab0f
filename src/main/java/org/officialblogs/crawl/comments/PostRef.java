package org.officialblogs.crawl.comments;

import java.net.URI;
import java.util.Objects;

/**
 * A post whose comments are to be read, as much as the crawler knows of it.
 *
 * @param url            the post's page URL
 * @param platformPostId the platform's own id (WordPress "17725", Ghost "6552759b77a92e0001fe1d5c", Substack
 *                       "83156610"), or null
 * @param title          the post's title (giscus and utterances can map threads by title), or null
 * @param threadId       a thread id the post page names for its comment service (Isso {@code data-isso-id},
 *                       Commento {@code data-page-id}, Remark42's {@code url}), or null to use the service's default
 */
public record PostRef(URI url, String platformPostId, String title, String threadId) {
    public PostRef {
        Objects.requireNonNull(url, "url");
    }

    public static PostRef of(URI url) {
        return new PostRef(url, null, null, null);
    }

    public PostRef withPlatformPostId(String id) {
        return new PostRef(url, id, title, threadId);
    }

    public PostRef withTitle(String newTitle) {
        return new PostRef(url, platformPostId, newTitle, threadId);
    }

    public PostRef withThreadId(String id) {
        return new PostRef(url, platformPostId, title, id);
    }
}
