package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.Objects;

/**
 * A URL that may serve the blog's feed.
 *
 * @param url         absolute http(s) URL
 * @param type        the declared media type (e.g. {@code application/rss+xml}), or null for a guessed path
 * @param title       the link's title, or null
 * @param commentFeed true when it looks like a comments feed (site-wide or per post), not the posts feed
 */
public record FeedCandidate(URI url, String type, String title, boolean commentFeed) {

    public FeedCandidate {
        Objects.requireNonNull(url, "url");
    }
}
