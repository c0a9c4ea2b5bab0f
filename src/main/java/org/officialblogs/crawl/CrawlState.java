package org.officialblogs.crawl;

import java.time.Instant;

/** A blog's crawl schedule and health, as stored; shown on the blog's page and in the data. */
public record CrawlState(
        long blogId, Instant nextAttemptAt, Instant lastAttemptAt, Instant lastSuccessAt, Integer lastHttpStatus,
        String etag, String lastModified, String failureKind, String failureMessage, int consecutiveFailures,
        Instant failingSince, boolean unreachable, boolean backfillDone, String redirectTarget, int redirectCount,
        Integer ttlMinutes, String feedTitle, String feedFormat, Long intervalSeconds, Integer postsSeenLast) {

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
