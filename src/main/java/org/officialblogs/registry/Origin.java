package org.officialblogs.registry;

import java.util.Locale;

/** Where a registry entry came from: part of every entry's provenance. */
public enum Origin {
    SEED, IMPORT, SUBMISSION, MODERATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Origin fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
