package org.officialblogs.metrics;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders a visitor can sort the rankings by. Every order breaks ties by list position (rank order), so the
 * list is the same on every request; missing values (no reply data, no post) come last in both directions.
 */
public enum RankingSort {
    RANK("rank", false),
    NAME("name", false),
    OFFICE("office", false),
    JURISDICTION("jurisdiction", false),
    POSTS_PER_WEEK("ppw", true),
    CONSISTENCY("weeks", true),
    REPLY_RATE("reply", true),
    REPLY_TIME("delay", false),
    LAST_POST("last", true),
    SCORE("score", true),
    MOVEMENT("movement", true),
    STATUS("status", false);

    private final String key;
    private final boolean descendingByDefault;

    RankingSort(String key, boolean descendingByDefault) {
        this.key = key;
        this.descendingByDefault = descendingByDefault;
    }

    /** The value of the {@code sort} URL parameter. */
    public String key() {
        return key;
    }

    /** The direction a first click sorts in: the "best" end first (most posts, highest reply rate, fastest). */
    public boolean descendingByDefault() {
        return descendingByDefault;
    }

    public static Optional<RankingSort> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (RankingSort s : values()) {
            if (s.key.equals(k)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
