package org.officialblogs.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Places every listed blog: the ranked ones (ACTIVE, SLOWING) by {@link Ranking}, then the others, which are listed
 * apart, by status ({@link #historicalOrder}: dormant, unreachable, offline, no data, lead), then the most recent last
 * post, then the lower blog id. Pure: the same candidates and previous ranks always give the same placements.
 */
public final class Placements {

    private static final Comparator<RankingCandidate> HISTORICAL = Comparator
            .comparingInt((RankingCandidate c) -> historicalOrder(c.status()))
            .thenComparing(RankingCandidate::lastPostAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparingLong(RankingCandidate::blogId);

    private Placements() {
    }

    /**
     * @param candidates every listed blog once, with its status and shown score
     * @param previousRanks rank by blog id in the previous day's snapshot (unranked blogs absent)
     * @return the placement of every candidate, by blog id
     */
    public static Map<Long, Placement> assign(Collection<RankingCandidate> candidates,
                                              Map<Long, Integer> previousRanks) {
        Objects.requireNonNull(previousRanks, "previousRanks");
        List<RankedBlog> ranked = Ranking.rank(candidates, previousRanks);
        Map<Long, Placement> placements = new HashMap<>(candidates.size() * 2);
        for (RankedBlog blog : ranked) {
            placements.put(blog.blogId(), new Placement(blog.rank(), blog.position(),
                    previousRanks.get(blog.blogId()), blog.movement()));
        }
        List<RankingCandidate> others = new ArrayList<>();
        for (RankingCandidate candidate : candidates) {
            if (!candidate.status().isRanked()) {
                others.add(candidate);
            }
        }
        others.sort(HISTORICAL);
        int position = ranked.size();
        for (RankingCandidate candidate : others) {
            placements.put(candidate.blogId(),
                    new Placement(null, ++position, previousRanks.get(candidate.blogId()), null));
        }
        return placements;
    }

    /**
     * The order of statuses in the lists: ranked statuses first (ACTIVE 0, SLOWING 1), then DORMANT, UNREACHABLE,
     * OFFLINE, NO_DATA, LEAD: from blogs that did post to entries we know least about.
     */
    public static int historicalOrder(MeasuredStatus status) {
        return switch (status) {
            case ACTIVE -> 0;
            case SLOWING -> 1;
            case DORMANT -> 2;
            case UNREACHABLE -> 3;
            case OFFLINE -> 4;
            case NO_DATA -> 5;
            case LEAD -> 6;
        };
    }
}
