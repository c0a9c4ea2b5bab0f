package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a platform can be recognised by, strongest first: declared generators (feed generator, HTML
 * {@code <meta name="generator">}), URLs (feed, page, site), item ids, and URLs of resources a page loads.
 */
public record PlatformClues(List<String> generators, List<URI> urls, List<String> itemIds, List<String> resourceUrls) {

    public PlatformClues {
        generators = List.copyOf(generators.stream().filter(Objects::nonNull).toList());
        urls = List.copyOf(urls.stream().filter(Objects::nonNull).toList());
        itemIds = List.copyOf(itemIds.stream().filter(Objects::nonNull).toList());
        resourceUrls = List.copyOf(resourceUrls.stream().filter(Objects::nonNull).toList());
    }

    /** Clues from a URL alone (a registry entry before anything was fetched). */
    public static PlatformClues ofUrl(URI url) {
        return new PlatformClues(List.of(), url == null ? List.of() : List.of(url), List.of(), List.of());
    }

    /** Clues from a feed fetched from {@code feedUrl}: its generator, its links and its first item ids. */
    public static PlatformClues ofFeed(URI feedUrl, ParsedFeed feed) {
        List<URI> urls = new ArrayList<>();
        urls.add(feedUrl);
        urls.add(feed.links().self());
        urls.add(feed.siteUrl());
        List<String> ids = feed.items().stream().limit(5).map(FeedItem::id).toList();
        List<String> generators = feed.generator() == null ? List.of() : List.of(feed.generator());
        return new PlatformClues(generators, urls, ids, List.of());
    }

    /** The union of two sets of clues, this one's first. */
    public PlatformClues and(PlatformClues other) {
        return new PlatformClues(concat(generators, other.generators), concat(urls, other.urls),
                concat(itemIds, other.itemIds), concat(resourceUrls, other.resourceUrls));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
