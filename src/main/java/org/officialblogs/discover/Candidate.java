package org.officialblogs.discover;

import java.time.Instant;
import java.util.List;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.Level;

/**
 * A stored candidate: who, which address, from which source, what the check found ({@link #evidence()}, null before
 * the first check) and what moderators decided.
 */
public record Candidate(
        long id, String personKey, String url, LinkKind kind, String feedHint, CandidateSource source,
        List<String> sourceUrls, String sourceFile, String wikidataId, String name, String office, String country,
        String region, Level level, Branch branch, String positionId, boolean positionKnown,
        List<String> otherPositions, String party, String inOfficeFrom, String inOfficeTo, String language,
        CandidateStatus status, Instant checkedAt, Evidence evidence, EvidenceStrength strength, Instant decidedAt,
        String decidedBy, String rejectReason, Long officialId, Long blogId, long firstRunId, long lastRunId,
        Instant createdAt, Instant updatedAt) {

    public Candidate {
        sourceUrls = List.copyOf(sourceUrls);
        otherPositions = List.copyOf(otherPositions);
    }

    public String countryName() {
        return Countries.name(country);
    }

    /** The Wikidata item's page, or null. */
    public String wikidataUrl() {
        return wikidataId == null ? null : WikidataIds.page(wikidataId);
    }
}
