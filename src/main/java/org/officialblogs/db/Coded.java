package org.officialblogs.db;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum written as a lower-case code (its name: {@code NO_DATA} is {@code no_data}) in the database, URLs, CSV and
 * JSON, and shown to people by its label. Enums implement it instead of each writing its own code and parser.
 */
public interface Coded {

    /** The constant's name; every implementation is an enum, which supplies it. */
    String name();

    /** The code stored and exchanged: the name in lower case. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What people read: the code with spaces for underscores, capitalised; enums with a better sentence override it. */
    default String label() {
        String words = code().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The constant whose code is {@code text}, ignoring case and surrounding space; empty for null or unknown text. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.code().equalsIgnoreCase(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant of a stored code, which the schema's CHECK constraints keep valid.
     *
     * @throws IllegalArgumentException for a code no constant has
     */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        return parse(type, code).orElseThrow(() -> new IllegalArgumentException(
                "no " + type.getSimpleName() + " has the code '" + code + "'"));
    }
}
