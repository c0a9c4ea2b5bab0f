package org.officialblogs.registry;

import java.util.Locale;
import java.util.Optional;

/** Who writes a blog, as far as the sources tell. */
public enum Authorship {
    SELF("Written by the official"), SHARED("Shared with staff or guests"), UNKNOWN("Unknown");

    private final String label;

    Authorship(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Authorship> parse(String s) {
        if (s == null || s.isBlank()) return Optional.of(UNKNOWN);
        for (Authorship a : values()) if (a.code().equalsIgnoreCase(s.strip())) return Optional.of(a);
        return Optional.empty();
    }
}
