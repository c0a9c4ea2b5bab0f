package org.officialblogs.crawl.comments;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Builds the page URLs of a Blogger comment feed; pure. Blogger pages with {@code start-index} (1-based) and
 * {@code max-results} (25 by default) and states {@code openSearch:totalResults}.
 */
public final class BloggerCommentPaging {
    public static final int DEFAULT_MAX_RESULTS = 25;
    /** Blogger serves at most this many entries per request, whatever is asked. */
    public static final int LARGEST_MAX_RESULTS = 500;

    private BloggerCommentPaging() {
    }

    /**
     * The feed URL with {@code start-index} and {@code max-results} set (replacing any present), other query
     * parameters kept in order.
     */
    public static URI pageUrl(URI feedUrl, int startIndex, int maxResults) {
        Objects.requireNonNull(feedUrl, "feedUrl");
        if (startIndex < 1) {
            throw new IllegalArgumentException("start-index is 1-based: " + startIndex);
        }
        if (maxResults < 1 || maxResults > LARGEST_MAX_RESULTS) {
            throw new IllegalArgumentException("max-results must be 1.." + LARGEST_MAX_RESULTS + ": " + maxResults);
        }
        StringBuilder query = new StringBuilder();
        String raw = feedUrl.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals("start-index") && !name.equals("max-results")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("start-index=").append(startIndex).append("&max-results=").append(maxResults);
        if (feedUrl.getScheme() == null || feedUrl.getRawAuthority() == null) {
            throw new IllegalArgumentException("not an absolute feed URL: " + feedUrl);
        }
        String path = feedUrl.getRawPath() == null ? "" : feedUrl.getRawPath();
        return URI.create(feedUrl.getScheme() + "://" + feedUrl.getRawAuthority() + path + "?" + query);
    }

    /** The start index of the page after the one described, or empty when that page was the last. */
    public static OptionalInt nextStartIndex(FeedPaging page, int entriesOnPage) {
        if (page.totalResults() == null || entriesOnPage <= 0) {
            return OptionalInt.empty();
        }
        int start = page.startIndex() == null ? 1 : page.startIndex();
        int next = start + entriesOnPage;
        return next <= page.totalResults() ? OptionalInt.of(next) : OptionalInt.empty();
    }

    /**
     * Every page after the first that is needed to read {@code totalResults} comments, at most {@code maxPages}
     * of them (bounded work on a post with a hundred thousand comments).
     */
    public static List<URI> followingPages(URI feedUrl, FeedPaging firstPage, int maxResults, int maxPages) {
        List<URI> pages = new ArrayList<>();
        if (firstPage.totalResults() == null) {
            return pages;
        }
        int start = firstPage.startIndex() == null ? 1 : firstPage.startIndex();
        int perPage = firstPage.itemsPerPage() == null ? DEFAULT_MAX_RESULTS : firstPage.itemsPerPage();
        for (int next = start + perPage; next <= firstPage.totalResults() && pages.size() < maxPages;
                next += maxResults) {
            pages.add(pageUrl(feedUrl, next, maxResults));
        }
        return pages;
    }
}
