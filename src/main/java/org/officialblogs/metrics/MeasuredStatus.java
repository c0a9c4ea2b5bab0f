package org.officialblogs.metrics;

import java.util.Objects;
import org.officialblogs.db.Coded;

/**
 * A blog's measured status, from its {@link Reachability} and its posting data: what the rankings show and sort on.
 * Not the registry's {@code ListingStatus}, which says whether and how a blog is listed at all.
 *
 * <p><b>Precedence</b>, first match wins:
 * <ol>
 *   <li>{@link #LEAD}: the blog is a LEAD (no blog address yet);</li>
 *   <li>{@link #OFFLINE}: the blog is OFFLINE (gone);</li>
 *   <li>{@link #UNREACHABLE}: the blog is UNREACHABLE (the data may be stale, so the blog is not ranked on
 *       it; the crawler decides how many failures make a blog unreachable);</li>
 *   <li>{@link #NO_DATA}: no successful crawl yet, or no dated post (not in the future) at all;</li>
 *   <li>{@link #ACTIVE}: the last post is in the last 30 local days (0-29 days since the last post, i.e. "today"
 *       counts as day 1 of 30);</li>
 *   <li>{@link #SLOWING}: the last post is 30-89 days before today (the 31st to 90th day counting today as day 1);</li>
 *   <li>{@link #DORMANT}: no post in the last 90 local days.</li>
 * </ol>
 * Crawler problems come first because the posting data of a blog we cannot reach is not current.
 */
public enum MeasuredStatus implements Coded {
    ACTIVE(true),
    SLOWING(true),
    DORMANT(false),
    UNREACHABLE(false),
    OFFLINE(false),
    LEAD(false),
    NO_DATA(false);

    /** Days since the last post below which a blog is ACTIVE. */
    public static final int ACTIVE_WITHIN_DAYS = 30;
    /** Days since the last post below which a blog is at least SLOWING. */
    public static final int SLOWING_WITHIN_DAYS = 90;

    private final boolean ranked;

    MeasuredStatus(boolean ranked) {
        this.ranked = ranked;
    }

    /** True for the statuses that get a rank: ACTIVE and SLOWING, the blogs with a post in the last 90 days. */
    public boolean isRanked() {
        return ranked;
    }

    /** The status of a blog with this reachability and these posting metrics. */
    public static MeasuredStatus of(Reachability reachability, PostingMetrics posting) {
        Objects.requireNonNull(reachability, "reachability");
        Objects.requireNonNull(posting, "posting");
        return switch (reachability) {
            case LEAD -> LEAD;
            case OFFLINE -> OFFLINE;
            case UNREACHABLE -> UNREACHABLE;
            case NOT_CRAWLED_YET -> NO_DATA;
            case OK -> fromPosting(posting);
        };
    }

    private static MeasuredStatus fromPosting(PostingMetrics posting) {
        if (posting.daysSinceLastPost().isEmpty()) {
            return NO_DATA;
        }
        int days = posting.daysSinceLastPost().getAsInt();
        if (days < ACTIVE_WITHIN_DAYS) {
            return ACTIVE;
        }
        return days < SLOWING_WITHIN_DAYS ? SLOWING : DORMANT;
    }
}
