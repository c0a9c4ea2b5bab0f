package org.officialblogs.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The crawler's health for moderators: how many blogs are crawled, due, failing (by failure kind) and
 * unreachable, and the failing blogs themselves with their last success and next attempt.
 *
 * @param failingByKind failing blogs per stored failure kind, most frequent first
 */
public record CrawlHealth(int scheduled, int dueNow, int failing, int unreachable, Instant lastSuccessAt,
                          Map<String, Integer> failingByKind, List<FailingBlog> blogs, int blogsTotal) {

    /** One failing blog, as the health page lists it. */
    public record FailingBlog(long blogId, long officialId, String officialName, String address, String failureKind,
                              String failureMessage, int consecutiveFailures, Instant failingSince,
                              Instant lastSuccessAt, Instant nextAttemptAt, boolean unreachable, String blogStatus) {}
}
