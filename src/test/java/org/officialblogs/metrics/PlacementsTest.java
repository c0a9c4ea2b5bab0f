package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementsTest {

    static final Instant T = Instant.parse("2024-06-16T12:00:00Z");

    @Test
    void rankedBlogsComeFirstThenTheOthersByStatusThenLastPost() {
        List<RankingCandidate> candidates = List.of(
                new RankingCandidate(1, MeasuredStatus.LEAD, 15.0, null),
                new RankingCandidate(2, MeasuredStatus.DORMANT, 10.0, T.minusSeconds(86_400 * 200)),
                new RankingCandidate(3, MeasuredStatus.ACTIVE, 70.0, T),
                new RankingCandidate(4, MeasuredStatus.DORMANT, 12.0, T.minusSeconds(86_400 * 100)),
                new RankingCandidate(5, MeasuredStatus.SLOWING, 70.0, T.minusSeconds(86_400 * 40)),
                new RankingCandidate(6, MeasuredStatus.NO_DATA, 15.0, null),
                new RankingCandidate(7, MeasuredStatus.OFFLINE, 80.0, T),
                new RankingCandidate(8, MeasuredStatus.UNREACHABLE, 60.0, T));

        Map<Long, Placement> p = Placements.assign(candidates, Map.of(5L, 1, 7L, 2));

        // equal scores share rank 1; the more recent last post is listed first
        assertThat(p.get(3L)).isEqualTo(new Placement(1, 1, null, new Movement(Movement.Direction.NEW, 0)));
        assertThat(p.get(5L)).isEqualTo(new Placement(1, 2, 1, new Movement(Movement.Direction.SAME, 0)));
        // an offline blog keeps its previous rank for the record but is not ranked, whatever its score
        assertThat(p.get(7L)).isEqualTo(new Placement(null, 6, 2, null));
        assertThat(List.of(4L, 2L, 8L, 7L, 6L, 1L)).extracting(id -> p.get(id).position())
                .containsExactly(3, 4, 5, 6, 7, 8);
    }

    @Test
    void theOrderOfTheInputDoesNotMatter() {
        List<RankingCandidate> a = List.of(new RankingCandidate(1, MeasuredStatus.DORMANT, 0, null),
                new RankingCandidate(2, MeasuredStatus.DORMANT, 0, null), new RankingCandidate(3, MeasuredStatus.ACTIVE, 50, T));
        List<RankingCandidate> b = List.of(a.get(2), a.get(1), a.get(0));
        assertThat(Placements.assign(a, Map.of())).isEqualTo(Placements.assign(b, Map.of()));
        assertThat(Placements.assign(a, Map.of()).get(1L).position()).isEqualTo(2);
    }
}
