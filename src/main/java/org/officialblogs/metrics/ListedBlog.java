package org.officialblogs.metrics;

import java.time.Instant;
import java.util.Objects;
import org.officialblogs.registry.ListingStatus;

/**
 * A listed blog as the recompute reads it: its registry status, what the crawler knows, and the official's fields
 * that the rankings page filters and sorts on.
 *
 * @param blogId the blog
 * @param officialId its official
 * @param listingStatus the registry's status: lead, active, dormant or offline
 * @param crawled whether the blog has a crawl_state row
 * @param lastCrawlSuccessAt the last successful crawl, {@code null} when none
 * @param unreachable the crawler's verdict that repeated failures make the blog unreachable
 * @param official the official's name, office and jurisdiction
 * @param repliesMeasurable whether the blog's replies can be measured: "measurable", or why not
 *     ("not_on_platform", "service_not_measured", "not_readable")
 * @param repliesReason the crawler's reason in words, or null for a blog read from its own pages
 */
public record ListedBlog(long blogId, long officialId, ListingStatus listingStatus, boolean crawled,
                         Instant lastCrawlSuccessAt, boolean unreachable, OfficialKeys official,
                         String repliesMeasurable, String repliesReason) {

    /** The verdict of a blog whose replies are measured. */
    public static final String MEASURABLE = "measurable";

    /** The official's fields the rankings page filters and sorts on. */
    public record OfficialKeys(String name, String office, String country, String countryName, String region,
                               String locality, String level, String branch) {}

    public ListedBlog {
        Objects.requireNonNull(listingStatus, "listingStatus");
        Objects.requireNonNull(official, "official");
        repliesMeasurable = repliesMeasurable == null ? MEASURABLE : repliesMeasurable;
    }

    public boolean repliesMeasured() {
        return MEASURABLE.equals(repliesMeasurable);
    }

    /**
     * The blog's reachability for {@link MeasuredStatus#of}, first match wins: a registry lead is LEAD, a registry
     * offline blog OFFLINE, a blog the crawler marked unreachable UNREACHABLE, a blog without a successful crawl
     * NOT_CRAWLED_YET, else OK.
     */
    public Reachability reachability() {
        if (listingStatus == ListingStatus.LEAD) {
            return Reachability.LEAD;
        }
        if (listingStatus == ListingStatus.OFFLINE) {
            return Reachability.OFFLINE;
        }
        if (unreachable) {
            return Reachability.UNREACHABLE;
        }
        if (!crawled || lastCrawlSuccessAt == null) {
            return Reachability.NOT_CRAWLED_YET;
        }
        return Reachability.OK;
    }
}
