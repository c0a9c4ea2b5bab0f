package org.officialblogs.registry;

import java.time.Instant;

/**
 * Looks at a blog address before a submission is saved: which feed it has, on what platform, how many posts and
 * how recent. The crawler's feed discovery implements this ({@code crawl.FeedPreviewer}); tests may give fixed
 * answers. An implementation never throws: what it could not find is a {@link Preview} with a message.
 */
public interface BlogPreviewer {

    /**
     * What the check found. {@code feedUrl} is null when no feed was found, and {@code message} then says in plain
     * words what could not be found; {@code postCount} and {@code latestPostAt} are null when unknown.
     */
    record Preview(String feedUrl, String platform, Integer postCount, Instant latestPostAt, String message) {

        public static Preview notFound(String message) {
            return new Preview(null, null, null, null, message);
        }

        public boolean feedFound() {
            return feedUrl != null;
        }
    }

    Preview preview(String address);
}
