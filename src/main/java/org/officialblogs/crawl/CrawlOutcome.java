package org.officialblogs.crawl;

import org.officialblogs.db.Coded;

/**
 * What one crawl of one blog came to.
 *
 * @param result          fetched (a feed was read), not modified (304), or failed
 * @param failureKind     lower-case failure kind (as stored) when failed, else null
 * @param message         what went wrong, or a short note on success
 * @param newPosts        posts seen for the first time, history pages included
 * @param commentChecks   posts whose comments were read
 * @param httpStatus      status of the feed's (or the discovery page's) last response; null when none arrived
 * @param changesMetrics  whether the crawl changed what the blog's metrics are computed from: a feed read or comments
 *                        checked, a blog offline or unreachable coming back, or a failure that took the blog offline
 *                        or made it unreachable. A 304 without comment checks from a blog that was reachable, and a
 *                        failure that leaves the blog as reachable as it was (a blog already gone answering 410
 *                        again), change nothing a recompute reads.
 */
public record CrawlOutcome(long blogId, Result result, String failureKind, String message, int newPosts,
                           int commentChecks, Integer httpStatus, boolean changesMetrics) {

    /** The three ways a crawl ends. */
    public enum Result implements Coded { FETCHED, NOT_MODIFIED, FAILED }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
