package org.officialblogs.registry;

import java.time.Instant;

/** One blog of an official; a LEAD has neither site nor feed address yet. */
public record Blog(
        long id, long officialId, String siteUrl, String feedUrl, String platform, String language,
        Authorship authorship, String activeYears, ListingStatus status, String notes, Origin origin, String originRef,
        Instant createdAt, Instant updatedAt) {

    /** The address people should visit: the site, else the feed. */
    public String address() {
        return siteUrl != null ? siteUrl : feedUrl;
    }
}
