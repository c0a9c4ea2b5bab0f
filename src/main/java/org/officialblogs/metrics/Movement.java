package org.officialblogs.metrics;

import java.util.Objects;
import org.officialblogs.db.Coded;

/**
 * How a blog's rank changed since the previous snapshot.
 *
 * @param direction up, down, same or new
 * @param places how many places (0 for SAME and NEW)
 */
public record Movement(Direction direction, int places) {

    /** The kinds of movement. A blog unranked in the previous snapshot is NEW. */
    public enum Direction implements Coded { UP, DOWN, SAME, NEW }

    public Movement {
        Objects.requireNonNull(direction, "direction");
        boolean needsPlaces = direction == Direction.UP || direction == Direction.DOWN;
        if (needsPlaces ? places < 1 : places != 0) {
            throw new IllegalArgumentException(direction + " with " + places + " places");
        }
    }

    /** Movement from {@code previousRank} (null when unranked before) to {@code rank}; smaller rank is better. */
    public static Movement between(Integer previousRank, int rank) {
        if (previousRank == null) {
            return new Movement(Direction.NEW, 0);
        }
        if (previousRank > rank) {
            return new Movement(Direction.UP, previousRank - rank);
        }
        if (previousRank < rank) {
            return new Movement(Direction.DOWN, rank - previousRank);
        }
        return new Movement(Direction.SAME, 0);
    }

    /** "UP 3", "DOWN 1", "SAME", "NEW". */
    public String label() {
        return places == 0 ? direction.name() : direction.name() + " " + places;
    }
}
