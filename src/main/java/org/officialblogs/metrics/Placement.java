package org.officialblogs.metrics;

/**
 * Where a blog stands in the lists: its rank (ranked blogs only), its place in the whole ordered list, and how its
 * rank moved since the previous day's ranking.
 *
 * @param rank competition rank for an ACTIVE or SLOWING blog, {@code null} for the others
 * @param position 1-based place among all listed blogs: ranked blogs first in rank order, then the others (see
 *     {@link Placements}); unique, and the last tie-break of every sort on the public pages
 * @param previousRank the blog's rank in the previous day's snapshot, {@code null} when it was not ranked then
 * @param movement change since then for a ranked blog, {@code null} for an unranked one
 */
public record Placement(Integer rank, int position, Integer previousRank, Movement movement) {

    public Placement {
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1: " + position);
        }
        if ((rank == null) != (movement == null)) {
            throw new IllegalArgumentException("a rank and a movement go together: " + rank + ", " + movement);
        }
    }

    /** True when the blog is in the ranking. */
    public boolean isRanked() {
        return rank != null;
    }
}
