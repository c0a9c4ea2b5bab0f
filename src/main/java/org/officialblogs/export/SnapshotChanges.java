package org.officialblogs.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The difference between the two latest daily metrics snapshots: blogs per measured status on each day, and how
 * many blogs appeared or left.
 *
 * @param latest the newest snapshot day, null when there is none yet
 * @param previous the day before it that has a snapshot, null when there is only one
 */
public record SnapshotChanges(LocalDate latest, LocalDate previous, Map<String, Integer> latestByStatus,
                              Map<String, Integer> previousByStatus, int blogsAdded, int blogsGone) {

    public static final SnapshotChanges NONE = new SnapshotChanges(null, null, Map.of(), Map.of(), 0, 0);

    /** One compared number. */
    public record Line(String what, int now, Integer before) {
        /** The change as "+3", "−2" or "no change"; empty without a previous snapshot. */
        public String delta() {
            if (before == null) return "";
            int d = now - before;
            return d == 0 ? "no change" : d > 0 ? "+" + d : "\u2212" + (-d);
        }
    }

    /** The compared numbers: all blogs, then each status present on either day. */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        if (latest == null) return out;
        out.add(new Line("blogs measured", sum(latestByStatus), previous == null ? null : sum(previousByStatus)));
        for (String status : new TreeSet<>(union())) {
            out.add(new Line("status " + status, latestByStatus.getOrDefault(status, 0),
                    previous == null ? null : previousByStatus.getOrDefault(status, 0)));
        }
        return out;
    }

    private java.util.Set<String> union() {
        java.util.Set<String> s = new java.util.HashSet<>(latestByStatus.keySet());
        s.addAll(previousByStatus.keySet());
        return s;
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }
}
