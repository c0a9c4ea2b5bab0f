package org.officialblogs.crawl.comments;

/**
 * OpenSearch paging numbers a comment feed states (Blogger); each is null when absent. Counts are hints.
 *
 * @param totalResults {@code openSearch:totalResults}
 * @param startIndex   {@code openSearch:startIndex}, 1-based
 * @param itemsPerPage {@code openSearch:itemsPerPage}
 */
public record FeedPaging(Integer totalResults, Integer startIndex, Integer itemsPerPage) {
    public static final FeedPaging NONE = new FeedPaging(null, null, null);
}
