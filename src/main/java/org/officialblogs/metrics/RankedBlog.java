package org.officialblogs.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * A blog's place in the ranking.
 *
 * @param blogId the blog
 * @param rank competition rank: 1 + the number of blogs with a strictly higher score ("1, 2, 2, 4")
 * @param position 1-based place in the ordered list, unique (ties ordered by the tie-breaks)
 * @param points the score ranked on
 * @param lastPostAt the newest post, as given
 * @param movement change of {@code rank} since the previous snapshot
 */
public record RankedBlog(long blogId, int rank, int position, double points, Instant lastPostAt, Movement movement) {

    public RankedBlog {
        Objects.requireNonNull(movement, "movement");
    }
}
