package org.officialblogs.crawl.feed;

/** OpenSearch response elements of a feed page (Blogger prints them); each null when absent. */
public record OpenSearchCounts(Integer totalResults, Integer startIndex, Integer itemsPerPage) {
}
