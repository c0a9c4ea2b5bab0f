package org.officialblogs.registry;

import java.util.Optional;
import org.officialblogs.db.Coded;

/**
 * A blog's place in the registry. LEAD: no address known yet; PENDING: submitted, awaiting a moderator;
 * ACTIVE: listed and crawled; DORMANT: listed, no longer posting; OFFLINE: the address is gone; REJECTED.
 * Not the measured status of the rankings ({@code metrics.MeasuredStatus}), which the crawl and the posts decide.
 * The database's views {@code listed_blog} and {@code crawlable_blog} (V7) select the same sets as
 * {@link #isListed()} and {@link #isCrawlable()}.
 */
public enum ListingStatus implements Coded {
    LEAD("Lead (no address yet)"), PENDING("Pending review"), ACTIVE("Listed"), DORMANT("Dormant"),
    OFFLINE("Offline"), REJECTED("Rejected");

    private final String label;

    ListingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Shown to the public, measured and exported: everything but PENDING and REJECTED. */
    public boolean isListed() {
        return this != PENDING && this != REJECTED;
    }

    /** Listed with an address, so the crawler reads it: ACTIVE, DORMANT or OFFLINE. */
    public boolean isCrawlable() {
        return isListed() && this != LEAD;
    }

    public static Optional<ListingStatus> parse(String s) {
        return Coded.parse(ListingStatus.class, s);
    }
}
