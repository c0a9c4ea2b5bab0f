package org.officialblogs.web;

import java.time.Clock;
import java.time.Duration;
import org.officialblogs.auth.RateLimitDao;
import org.officialblogs.auth.RateLimiter;

/**
 * Per client address: {@code perHour} submissions (a form, an API call, or a bulk upload sent for review each count
 * one, a duplicate too) and six times as many checks (previews and bulk dry runs), since a preview makes the server
 * fetch a stranger's address. Each attempt is counted atomically once its fields are valid, before anything is
 * fetched. The counts live in the database, shared by every web node.
 */
record SubmissionLimits(RateLimiter submissions, RateLimiter previews) {

    static SubmissionLimits perHour(int perHour, RateLimitDao counts, Clock clock) {
        return new SubmissionLimits(RateLimiter.shared("submission", perHour, Duration.ofHours(1), counts, clock),
                RateLimiter.shared("submission.check", perHour * 6, Duration.ofHours(1), counts, clock));
    }

    String message(RateLimiter limiter, RateLimiter.Decision d) {
        String what = limiter == previews ? "checks" : "submissions";
        return "Too many " + what + " from your address: we accept " + limiter.max() + " an hour. Please try again in "
                + d.retryAfterMinutes() + (d.retryAfterMinutes() == 1 ? " minute" : " minutes")
                + ". Nothing was saved; what you typed is still below.";
    }
}
