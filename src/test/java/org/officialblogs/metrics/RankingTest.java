package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final Instant JUNE_10 = Instant.parse("2024-06-10T09:00:00Z");
    private static final Instant JUNE_12 = Instant.parse("2024-06-12T09:00:00Z");

    private static final List<RankingCandidate> CANDIDATES = List.of(
            new RankingCandidate(1, MeasuredStatus.ACTIVE, 80.0, JUNE_10),
            new RankingCandidate(2, MeasuredStatus.ACTIVE, 80.0, JUNE_12),
            new RankingCandidate(3, MeasuredStatus.SLOWING, 80.0, JUNE_12),
            new RankingCandidate(4, MeasuredStatus.ACTIVE, 90.0, JUNE_10),
            new RankingCandidate(5, MeasuredStatus.DORMANT, 95.0, JUNE_10),   // not ranked
            new RankingCandidate(6, MeasuredStatus.NO_DATA, 15.0, null),      // not ranked
            new RankingCandidate(7, MeasuredStatus.SLOWING, 60.0, JUNE_10),
            new RankingCandidate(8, MeasuredStatus.UNREACHABLE, 99.0, JUNE_12)); // not ranked

    @Test
    void competitionRanksWithDeterministicTieBreaks() {
        List<RankedBlog> ranking = Ranking.rank(CANDIDATES);

        // 90 first; three at 80 share rank 2, ordered by last post (12th before 10th), then id (2 before 3);
        // 60 is rank 5 ("1, 2, 2, 2, 5"); dormant, no-data and unreachable blogs are left out
        assertThat(ranking).extracting(RankedBlog::blogId).containsExactly(4L, 2L, 3L, 1L, 7L);
        assertThat(ranking).extracting(RankedBlog::rank).containsExactly(1, 2, 2, 2, 5);
        assertThat(ranking).extracting(RankedBlog::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(ranking).extracting(RankedBlog::points).containsExactly(90.0, 80.0, 80.0, 80.0, 60.0);
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<RankedBlog> expected = Ranking.rank(CANDIDATES);
        List<RankingCandidate> shuffled = new ArrayList<>(CANDIDATES);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(shuffled, random);
            assertThat(Ranking.rank(shuffled)).isEqualTo(expected);
        }
    }

    @Test
    void movementAgainstThePreviousSnapshot() {
        // previously: 2 was first, 4 and 3 shared second, 7 was third, 1 was unranked
        Map<Long, Integer> previous = Map.of(2L, 1, 4L, 2, 3L, 2, 7L, 3);
        List<RankedBlog> ranking = Ranking.rank(CANDIDATES, previous);

        assertThat(ranking).extracting(blog -> blog.movement().label())
                .containsExactly("UP 1", "DOWN 1", "SAME", "NEW", "DOWN 2");
        assertThat(ranking.get(0).movement()).isEqualTo(new Movement(Movement.Direction.UP, 1));
        assertThat(ranking.get(3).movement()).isEqualTo(new Movement(Movement.Direction.NEW, 0));
    }

    @Test
    void withoutASnapshotEveryBlogIsNew() {
        assertThat(Ranking.rank(CANDIDATES)).extracting(blog -> blog.movement().direction())
                .containsOnly(Movement.Direction.NEW);
    }

    @Test
    void emptyInputGivesAnEmptyRanking() {
        assertThat(Ranking.rank(List.of())).isEmpty();
        assertThat(Ranking.rank(List.of(new RankingCandidate(1, MeasuredStatus.LEAD, 0.0, null)))).isEmpty();
    }

    @Test
    void aBlogOfferedTwiceIsRejected() {
        List<RankingCandidate> twice = List.of(
                new RankingCandidate(1, MeasuredStatus.ACTIVE, 50.0, JUNE_10),
                new RankingCandidate(1, MeasuredStatus.ACTIVE, 60.0, JUNE_12));
        assertThatThrownBy(() -> Ranking.rank(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blog 1");
    }

    @Test
    void movementNeedsPlacesOnlyForUpAndDown() {
        assertThat(Movement.between(5, 2)).isEqualTo(new Movement(Movement.Direction.UP, 3));
        assertThat(Movement.between(2, 5).label()).isEqualTo("DOWN 3");
        assertThat(Movement.between(4, 4).label()).isEqualTo("SAME");
        assertThat(Movement.between(null, 1).label()).isEqualTo("NEW");
        assertThatThrownBy(() -> new Movement(Movement.Direction.UP, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Movement(Movement.Direction.SAME, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
