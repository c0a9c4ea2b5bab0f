package org.officialblogs.registry;

import java.util.Optional;
import org.officialblogs.db.Coded;

/** Who writes a blog, as far as the sources tell. */
public enum Authorship implements Coded {
    SELF("Written by the official"), SHARED("Shared with staff or guests"), UNKNOWN("Unknown");

    private final String label;

    Authorship(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** An empty value means UNKNOWN. */
    public static Optional<Authorship> parse(String s) {
        return s == null || s.isBlank() ? Optional.of(UNKNOWN) : Coded.parse(Authorship.class, s);
    }
}
