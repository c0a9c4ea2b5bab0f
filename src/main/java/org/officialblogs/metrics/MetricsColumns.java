package org.officialblogs.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.officialblogs.db.Coded;
import org.officialblogs.db.Columns;

/**
 * How metric values are written in the columns of blog_metrics and metrics_snapshot: shared by the store that
 * writes them and the page queries that read them, so the two cannot drift apart.
 */
public final class MetricsColumns {

    private MetricsColumns() {}

    /** Case-, accent- and punctuation-insensitive form used for sorting and searching. */
    public static String sortKey(String text) {
        if (text == null) {
            return "";
        }
        String d = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Weekly post counts as stored in a strip column: comma-separated, oldest first. */
    public static String strip(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The weekly post counts of a strip column; empty for NULL or an empty strip. */
    public static List<Integer> parseStrip(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    /** The movement of stored direction and places columns; {@code null} when the direction is NULL. */
    public static Movement movement(String direction, int places) {
        return direction == null ? null : new Movement(Coded.of(Movement.Direction.class, direction), places);
    }

    /** The placement of a blog_metrics row (rank, position, previous_rank, movement, movement_places). */
    public static Placement placement(ResultSet rs) throws SQLException {
        return new Placement(Columns.integer(rs, "rank"), rs.getInt("position"), Columns.integer(rs, "previous_rank"),
                movement(rs.getString("movement"), rs.getInt("movement_places")));
    }
}
