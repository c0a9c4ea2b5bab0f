package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What an HTML page says about its blog's feeds and platform.
 *
 * @param feeds      feeds the page links with {@code <link rel="alternate">}, posts feeds before comment feeds,
 *                   otherwise in page order; empty when the page links none (then try {@link #commonPaths})
 * @param commonPaths well-known feed paths for this site, platform-specific ones first; to try when
 *                   {@code feeds} is empty or all its candidates fail
 * @param generators the page's {@code <meta name="generator">} values, in page order
 * @param canonicalUrl the page's {@code <link rel="canonical">} (absolute), or null
 * @param platform   the platform recognised from the page and its URL
 */
public record DiscoveredPage(
        List<FeedCandidate> feeds,
        List<FeedCandidate> commonPaths,
        List<String> generators,
        URI canonicalUrl,
        PlatformMatch platform) {

    public DiscoveredPage {
        feeds = List.copyOf(feeds);
        commonPaths = List.copyOf(commonPaths);
        generators = List.copyOf(generators);
        Objects.requireNonNull(platform, "platform");
    }
}
