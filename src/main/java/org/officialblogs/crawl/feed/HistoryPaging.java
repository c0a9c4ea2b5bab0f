package org.officialblogs.crawl.feed;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.officialblogs.registry.HttpUrls;

/**
 * Finds the next page of a feed's history for backfill. Feeds list only their newest posts (WordPress 10,
 * Blogger 25, Ghost 15, Medium 10), so older posts come from paging: RFC 5005 links when the feed prints them,
 * else WordPress {@code ?paged=N}, else Blogger {@code start-index}/{@code max-results}, else nothing.
 * Pure: URL arithmetic only; the caller fetches, reads the page, and asks again until the answer is empty.
 */
public final class HistoryPaging {

    /** Blogger's own page size. */
    public static final int BLOGGER_DEFAULT_PAGE_SIZE = 25;
    /** The largest max-results this crawler asks Blogger for (fewer requests, still a modest response). */
    public static final int BLOGGER_MAX_PAGE_SIZE = 150;

    private final int bloggerPageSize;

    public HistoryPaging() {
        this(BLOGGER_DEFAULT_PAGE_SIZE);
    }

    /** @param bloggerPageSize max-results to ask Blogger for when the feed URL names none (1..150) */
    public HistoryPaging(int bloggerPageSize) {
        if (bloggerPageSize < 1 || bloggerPageSize > BLOGGER_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("bloggerPageSize must be 1.." + BLOGGER_MAX_PAGE_SIZE
                    + ", was " + bloggerPageSize);
        }
        this.bloggerPageSize = bloggerPageSize;
    }

    /**
     * The page to fetch after {@code page}, which was read from {@code pageUrl}; empty when the history ends
     * (an empty page, Blogger's total reached) or the platform offers no paging.
     */
    public Optional<NextPage> nextPage(URI pageUrl, Platform platform, ParsedFeed page) {
        if (page.items().isEmpty() || !HttpUrls.isHttp(pageUrl)) {
            return Optional.empty();
        }
        FeedLinks links = page.links();
        if (isNew(links.prevArchive(), pageUrl)) {
            return Optional.of(new NextPage(links.prevArchive(), PagingMethod.RFC5005_PREV_ARCHIVE));
        }
        if (isNew(links.next(), pageUrl)) {
            return Optional.of(new NextPage(links.next(), PagingMethod.RFC5005_NEXT));
        }
        if (platform == Platform.WORDPRESS && servedBySite(pageUrl, page)) {
            int current = positiveInt(queryParameter(pageUrl, "paged"), 1);
            return Optional.of(new NextPage(wordPressPage(pageUrl, current + 1), PagingMethod.WORDPRESS_PAGED));
        }
        if (platform == Platform.BLOGGER && pageUrl.getRawPath() != null && pageUrl.getRawPath().contains("/feeds/")) {
            int start = positiveInt(queryParameter(pageUrl, "start-index"), 1);
            int size = Math.min(positiveInt(queryParameter(pageUrl, "max-results"), bloggerPageSize),
                    BLOGGER_MAX_PAGE_SIZE);
            // Advance by what was served, not by what was asked: a page may hold fewer, and skipping is worse
            // than overlapping (ids de-duplicate).
            int nextStart = start + page.items().size();
            OpenSearchCounts counts = page.openSearch();
            if (counts != null && counts.totalResults() != null && nextStart > counts.totalResults()) {
                return Optional.empty();
            }
            return Optional.of(new NextPage(bloggerPage(pageUrl, nextStart, size), PagingMethod.BLOGGER_START_INDEX));
        }
        return Optional.empty();
    }

    /** {@code feedUrl} with {@code paged=page}, other query parameters kept. */
    public static URI wordPressPage(URI feedUrl, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based, was " + page);
        }
        return withQueryParameters(feedUrl, Map.of("paged", Integer.toString(page)));
    }

    /** {@code feedUrl} with {@code start-index} (1-based) and {@code max-results}, other parameters kept. */
    public static URI bloggerPage(URI feedUrl, int startIndex, int maxResults) {
        if (startIndex < 1 || maxResults < 1) {
            throw new IllegalArgumentException("start-index and max-results are positive, were " + startIndex
                    + " and " + maxResults);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("start-index", Integer.toString(startIndex));
        parameters.put("max-results", Integer.toString(maxResults));
        return withQueryParameters(feedUrl, parameters);
    }

    /**
     * Sets parameters: each replaces the first earlier occurrence in place and drops later duplicates; other
     * parameters keep their order and raw encoding; missing ones are appended. The fragment is dropped.
     */
    static URI withQueryParameters(URI uri, Map<String, String> parameters) {
        List<String> parts = new ArrayList<>();
        Set<String> pending = new LinkedHashSet<>(parameters.keySet());
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                String name = decode(part.contains("=") ? part.substring(0, part.indexOf('=')) : part);
                if (!parameters.containsKey(name)) {
                    parts.add(part);
                } else if (pending.remove(name)) {
                    parts.add(encode(name) + "=" + encode(parameters.get(name)));
                }
            }
        }
        for (String name : pending) {
            parts.add(encode(name) + "=" + encode(parameters.get(name)));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        sb.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        sb.append('?').append(String.join("&", parts));
        return URI.create(sb.toString());
    }

    static String queryParameter(URI uri, String name) {
        String rawQuery = uri.getRawQuery();
        if (rawQuery == null) {
            return null;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && decode(part.substring(0, eq)).equals(name)) {
                return decode(part.substring(eq + 1));
            }
        }
        return null;
    }

    /**
     * {@code ?paged} is WordPress's own parameter: a proxy serving the feed (FeedBurner, FeedPress) ignores it,
     * so page only when the feed comes from the blog's own host.
     */
    private static boolean servedBySite(URI pageUrl, ParsedFeed page) {
        URI site = page.siteUrl();
        return site == null || site.getHost() == null || bareHost(site).equals(bareHost(pageUrl));
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean isNew(URI link, URI current) {
        return link != null && HttpUrls.isHttp(link) && !link.normalize().equals(current.normalize());
    }

    private static int positiveInt(String value, int fallback) {
        Integer parsed = FeedElements.integer(value);
        return parsed == null || parsed < 1 ? fallback : parsed;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
