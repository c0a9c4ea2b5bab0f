package org.officialblogs.registry;

import java.util.Locale;
import java.util.Optional;

/** The level of government an office belongs to. */
public enum Level {
    INTERNATIONAL("International"), NATIONAL("National"), REGIONAL("Regional"), LOCAL("Local");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> parse(String s) {
        if (s == null) return Optional.empty();
        for (Level l : values()) if (l.code().equalsIgnoreCase(s.strip())) return Optional.of(l);
        return Optional.empty();
    }
}
