package org.officialblogs.discover;

import java.util.Locale;
import java.util.Optional;

/**
 * A candidate's place in moderation. PENDING waits for a moderator; APPROVED is listed in the registry; REJECTED
 * is not proposed again unless stronger evidence comes; LISTED was already in the registry when it was found.
 */
public enum CandidateStatus {
    PENDING("Waiting"), APPROVED("Approved"), REJECTED("Rejected"), LISTED("Already listed");

    private final String label;

    CandidateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CandidateStatus> parse(String code) {
        if (code == null) return Optional.empty();
        for (CandidateStatus s : values()) if (s.code().equalsIgnoreCase(code.strip())) return Optional.of(s);
        return Optional.empty();
    }
}
