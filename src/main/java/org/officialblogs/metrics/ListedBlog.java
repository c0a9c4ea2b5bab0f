package org.officialblogs.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * A listed blog as the recompute reads it: its registry status, what the crawler knows, and the official's fields
 * that the rankings page filters and sorts on.
 *
 * @param blogId the blog
 * @param officialId its official
 * @param registryStatus the registry's status code (lead, active, dormant, offline)
 * @param crawled whether the blog has a crawl_state row
 * @param lastCrawlSuccessAt the last successful crawl, {@code null} when none
 * @param unreachable the crawler's verdict that repeated failures make the blog unreachable
 * @param official the official's name, office and jurisdiction
 */
public record ListedBlog(long blogId, long officialId, String registryStatus, boolean crawled,
                         Instant lastCrawlSuccessAt, boolean unreachable, OfficialKeys official) {

    /** The official's fields the rankings page filters and sorts on. */
    public record OfficialKeys(String name, String office, String country, String countryName, String region,
                               String locality, String level, String branch) {}

    public ListedBlog {
        Objects.requireNonNull(registryStatus, "registryStatus");
        Objects.requireNonNull(official, "official");
    }

    /**
     * The crawler's state for {@link BlogStatus#of}, first match wins: a registry lead is LEAD, a registry offline
     * blog OFFLINE, a blog the crawler marked unreachable UNREACHABLE, a blog without a successful crawl
     * NOT_CRAWLED_YET, else OK.
     */
    public CrawlState crawlState() {
        if ("lead".equals(registryStatus)) {
            return CrawlState.LEAD;
        }
        if ("offline".equals(registryStatus)) {
            return CrawlState.OFFLINE;
        }
        if (unreachable) {
            return CrawlState.UNREACHABLE;
        }
        if (!crawled || lastCrawlSuccessAt == null) {
            return CrawlState.NOT_CRAWLED_YET;
        }
        return CrawlState.OK;
    }
}
