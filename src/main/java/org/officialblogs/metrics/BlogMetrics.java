package org.officialblogs.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * All measurements of one blog at one moment.
 *
 * @param asOf the "now" they were computed for
 * @param zone the zone whose local dates define days and weeks
 * @param posting posting frequency
 * @param responsiveness conversation with readers
 */
public record BlogMetrics(Instant asOf, ZoneId zone, PostingMetrics posting, ResponsivenessMetrics responsiveness) {

    public BlogMetrics {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(responsiveness, "responsiveness");
    }
}
