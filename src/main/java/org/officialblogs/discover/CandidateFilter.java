package org.officialblogs.discover;

import org.officialblogs.registry.Level;

/** Which candidates a moderator looks at: a status and, optionally, a country, level, source and evidence strength. */
public record CandidateFilter(CandidateStatus status, String country, Level level, CandidateSource source,
                              EvidenceStrength strength) {

    public static CandidateFilter pending() {
        return new CandidateFilter(CandidateStatus.PENDING, null, null, null, null);
    }
}
