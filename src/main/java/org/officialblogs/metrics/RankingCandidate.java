package org.officialblogs.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * A blog offered to the ranking.
 *
 * @param blogId the blog's id (the last tie-break: lower first)
 * @param status its status; only {@link MeasuredStatus#isRanked() ranked} statuses get a rank
 * @param points its score as shown, {@link Score#points()} (equal shown scores share a rank)
 * @param lastPostAt its newest post, {@code null} when none (sorts after any date)
 */
public record RankingCandidate(long blogId, MeasuredStatus status, double points, Instant lastPostAt) {

    public RankingCandidate {
        Objects.requireNonNull(status, "status");
        if (Double.isNaN(points)) {
            throw new IllegalArgumentException("points must be a number for blog " + blogId);
        }
    }
}
