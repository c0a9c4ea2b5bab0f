package org.officialblogs.crawl;

import java.time.Instant;

/** One fetch attempt, for the crawl log. */
public record CrawlLogEntry(Long blogId, Instant at, String purpose, String url, Integer httpStatus, Long bytes,
                            Long durationMs, Integer itemsSeen, Integer newItems, String failureKind, String error) {}
