package org.officialblogs.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ranks blogs by score.
 *
 * <p>Only blogs whose status {@link MeasuredStatus#isRanked() is ranked} (ACTIVE, SLOWING) take part; the others are
 * left out of the result. Order: score descending, then more recent last post, then lower blog id, so the list is
 * the same whatever the input order. Rank numbers are competition ranks ("1, 2, 2, 4"): blogs with the same shown
 * score share a rank, because a rank must not claim a difference the score does not show; the tie-breaks only
 * order them in the list. Movement compares rank numbers with the previous snapshot's.
 */
public final class Ranking {

    private static final Comparator<RankingCandidate> ORDER = Comparator
            .comparingDouble(RankingCandidate::points).reversed()
            .thenComparing(RankingCandidate::lastPostAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparingLong(RankingCandidate::blogId);

    private Ranking() {
    }

    /**
     * @param candidates blogs with their status and shown score; blog ids must be unique
     * @param previousRanks rank by blog id in the previous snapshot (blogs unranked then are absent)
     * @return ranked blogs, best first
     */
    public static List<RankedBlog> rank(Collection<RankingCandidate> candidates, Map<Long, Integer> previousRanks) {
        Objects.requireNonNull(previousRanks, "previousRanks");
        Set<Long> seen = new HashSet<>();
        List<RankingCandidate> ranked = new ArrayList<>();
        for (RankingCandidate candidate : candidates) {
            if (!seen.add(candidate.blogId())) {
                throw new IllegalArgumentException("blog " + candidate.blogId() + " offered twice to the ranking");
            }
            if (candidate.status().isRanked()) {
                ranked.add(candidate);
            }
        }
        ranked.sort(ORDER);

        List<RankedBlog> result = new ArrayList<>(ranked.size());
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
            RankingCandidate candidate = ranked.get(i);
            if (i == 0 || Double.compare(candidate.points(), ranked.get(i - 1).points()) != 0) {
                rank = i + 1;
            }
            result.add(new RankedBlog(candidate.blogId(), rank, i + 1, candidate.points(), candidate.lastPostAt(),
                    Movement.between(previousRanks.get(candidate.blogId()), rank)));
        }
        return List.copyOf(result);
    }

    /** Ranks without a previous snapshot: every blog is NEW. */
    public static List<RankedBlog> rank(Collection<RankingCandidate> candidates) {
        return rank(candidates, Map.of());
    }
}
