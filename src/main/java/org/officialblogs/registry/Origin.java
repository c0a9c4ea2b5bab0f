package org.officialblogs.registry;

import org.officialblogs.db.Coded;

/** Where a registry entry came from: part of every entry's provenance. */
public enum Origin implements Coded {
    SEED, IMPORT, SUBMISSION, MODERATOR;

    public static Origin fromCode(String code) {
        return Coded.of(Origin.class, code);
    }
}
