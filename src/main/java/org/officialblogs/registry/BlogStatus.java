package org.officialblogs.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * A blog's place in the registry. LEAD: no address known yet; PENDING: submitted, awaiting a moderator;
 * ACTIVE: listed and crawled; DORMANT: listed, no longer posting; OFFLINE: the address is gone; REJECTED.
 */
public enum BlogStatus {
    LEAD("Lead (no address yet)"), PENDING("Pending review"), ACTIVE("Listed"), DORMANT("Dormant"),
    OFFLINE("Offline"), REJECTED("Rejected");

    private final String label;

    BlogStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BlogStatus> parse(String s) {
        if (s == null) return Optional.empty();
        for (BlogStatus b : values()) if (b.code().equalsIgnoreCase(s.strip())) return Optional.of(b);
        return Optional.empty();
    }
}
