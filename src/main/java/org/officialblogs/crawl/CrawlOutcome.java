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
 */
public record CrawlOutcome(long blogId, Result result, String failureKind, String message, int newPosts,
                           int commentChecks, Integer httpStatus) {

    /** The three ways a crawl ends. */
    public enum Result implements Coded { FETCHED, NOT_MODIFIED, FAILED }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
