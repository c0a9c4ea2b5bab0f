package org.officialblogs.discover;

import java.util.Locale;
import java.util.Optional;

/** Where candidates come from: the Wikidata Query Service, or a Popolo file. */
public enum CandidateSource {
    WIKIDATA("Wikidata"), POPOLO("Popolo file");

    private final String label;

    CandidateSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CandidateSource> parse(String code) {
        if (code == null) return Optional.empty();
        for (CandidateSource s : values()) if (s.code().equalsIgnoreCase(code.strip())) return Optional.of(s);
        return Optional.empty();
    }
}
