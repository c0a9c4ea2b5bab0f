package org.officialblogs.registry;

import java.util.Optional;
import org.officialblogs.db.Coded;

/** The level of government an office belongs to; its label is the capitalised code ("National"). */
public enum Level implements Coded {
    INTERNATIONAL, NATIONAL, REGIONAL, LOCAL;

    public static Optional<Level> parse(String s) {
        return Coded.parse(Level.class, s);
    }
}
