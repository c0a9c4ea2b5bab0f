package org.officialblogs.metrics;

/** The two lists of the rankings page: the ranking itself, and the dormant and historical blogs listed apart. */
public enum Listing {
    /** ACTIVE and SLOWING blogs, by rank. */
    RANKED,
    /** DORMANT, UNREACHABLE, OFFLINE, NO_DATA and LEAD blogs: not mixed into the ranking. */
    HISTORICAL;

    /** The list a status belongs to. */
    public static Listing of(MeasuredStatus status) {
        return status.isRanked() ? RANKED : HISTORICAL;
    }
}
