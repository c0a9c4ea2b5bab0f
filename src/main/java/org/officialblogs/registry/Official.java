package org.officialblogs.registry;

import java.time.Instant;

/** A public official as stored in the registry. */
public record Official(
        long id, String name, String office, String country, String region, String locality, Level level,
        Branch branch, String party, String wikidataId, String inOfficeFrom, String inOfficeTo, Origin origin,
        String originRef, Instant createdAt, Instant updatedAt) {

    public String countryName() {
        return Countries.name(country);
    }

    /** "Region, Locality" or whichever is known, after the country name. */
    public String jurisdiction() {
        StringBuilder s = new StringBuilder(countryName());
        if (region != null && !region.isBlank()) s.append(" · ").append(region);
        if (locality != null && !locality.isBlank()) s.append(" · ").append(locality);
        return s.toString();
    }
}
