package org.officialblogs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.db.Database;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * MetricsService and MetricsStore against a real SQLite file: stored numbers, ranks, movement, snapshots, read back
 * the way the pages read them.
 */
class MetricsServiceTest {

    static final Instant DAY_1 = Methodology.EXAMPLE_NOW;            // Sunday 16 June 2024, 12:00 UTC
    static final Instant DAY_2 = DAY_1.plus(Duration.ofDays(1));

    @TempDir
    Path dir;
    Database database;
    MetricsFixture fixture;
    MetricsReadDao dao;
    MetricsService service;
    /** Blog id per worked example name. */
    final Map<String, Long> examples = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh(dir);
        fixture = new MetricsFixture(database);
        MetricsStore store = new MetricsStore(database.jdbi(), MetricsSettings.defaults());
        dao = new MetricsReadDao(database.jdbi(), MetricsSettings.defaults());
        service = new MetricsService(store, MetricsSettings.defaults());
        int n = 0;
        for (WorkedExample example : Methodology.examples()) {
            n++;
            long blog = fixture.blog("Example " + n, "FI", "https://example" + n + ".example.fi/");
            fixture.crawled(blog, DAY_1.minus(Duration.ofHours(1)));
            fixture.posts(blog, example.published(), example.replies());
            examples.put(example.name(), blog);
        }
    }

    long example(String name) {
        return examples.get(name);
    }

    StoredMetrics stored(long blogId) {
        return dao.metricsOf(blogId).orElseThrow();
    }

    @Test
    void recomputeStoresTheHandComputedNumbersOfEveryWorkedExample() {
        MetricsService.RecomputeReport report = service.recomputeAll(DAY_1);
        assertThat(report.blogs()).isEqualTo(7);
        assertThat(report.ranked()).isEqualTo(7);
        assertThat(report.day()).isEqualTo(LocalDate.of(2024, 6, 16));
        assertThat(report.postsRead()).isEqualTo(Methodology.examples().stream()
                .mapToLong(e -> e.published().size()).sum());
        for (WorkedExample example : Methodology.examples()) {
            StoredMetrics m = stored(example(example.name()));
            assertThat(m.status()).as(example.name()).isEqualTo(example.expected().status());
            assertThat(m.score().points()).as(example.name()).isEqualTo(example.expected().points());
            assertThat(m.score().notEnoughDataYet()).as(example.name()).isEqualTo(example.expected().notEnoughDataYet());
            for (WorkedExample.ExpectedComponent c : example.expected().components()) {
                assertThat(m.score().component(c.part()).points()).as(example.name() + " " + c.part())
                        .isCloseTo(c.points(), within(1e-9));
            }
        }
    }

    @Test
    void theWeeklyBlogsStoredMeasurementsMatchTheHandCount() {
        service.recomputeAll(DAY_1);
        // 52 posts, one every 7 days at 09:00, the newest 2 days before 16 June 2024
        StoredMetrics m = stored(example("Weekly, answers most readers"));
        PostingMetrics p = m.metrics().posting();
        assertThat(p.postsLast7Days()).isEqualTo(1);          // 2 days ago
        assertThat(p.postsLast30Days()).isEqualTo(4);         // 2, 9, 16, 23 days ago
        assertThat(p.postsLast90Days()).isEqualTo(13);        // 2 .. 86 days ago
        assertThat(p.postsLast365Days()).isEqualTo(52);
        assertThat(p.postsPerWeekLast90Days()).isCloseTo(13 * 7 / 90.0, within(1e-12));
        assertThat(p.weeksWithPostLast12()).isEqualTo(12);
        assertThat(p.weeksWithPostLast52()).isEqualTo(52);
        assertThat(p.weeklyPostsLast12()).containsOnly(1).hasSize(12);
        assertThat(p.lastPostAt()).contains(Instant.parse("2024-06-14T09:00:00Z"));
        assertThat(p.daysSinceLastPost()).hasValue(2);
        assertThat(p.medianGapDays()).hasValue(7.0);
        ResponsivenessMetrics r = m.metrics().responsiveness();
        assertThat(r.judgedPosts()).isEqualTo(50);            // the 2 posts younger than 14 days wait
        assertThat(r.postsTooRecent()).isEqualTo(2);
        assertThat(r.judgedPostsWithReaderComments()).isEqualTo(50);
        assertThat(r.judgedPostsReplied()).isEqualTo(40);     // every fifth post unanswered
        assertThat(r.replyRate()).hasValue(0.8);
        assertThat(r.replyRateInterval().lower()).isCloseTo(0.670, within(0.001));
        assertThat(r.replyRateInterval().upper()).isCloseTo(0.888, within(0.001));
        assertThat(r.medianTimeToFirstReply()).contains(Duration.ofHours(3));
        assertThat(r.readerComments()).isEqualTo(150);
        assertThat(r.readerCommentsAnswered()).isEqualTo(120);
        assertThat(m.shownReplyRate()).hasValue(0.8);
        assertThat(m.score().components()).extracting(ScoreComponent::explanation)
                .anySatisfy(t -> assertThat(t).contains("Replied on 40 of 50 judged posts"));
        assertThat(m.metrics().asOf()).isEqualTo(DAY_1);
    }

    @Test
    void ranksFollowTheScoresAndNonRankedBlogsAreListedApartInStatusOrder() {
        long dormant = fixture.blog("Dormant Dora", "FI", "https://dora.example.fi/");
        fixture.crawled(dormant, DAY_1);
        fixture.posts(dormant, List.of(DAY_1.minus(Duration.ofDays(120))), List.of());
        long unreachable = fixture.blog("Unreachable Una", "FI", "https://una.example.fi/");
        fixture.failing(unreachable, DAY_1, "timeout", "read timed out", 9, true);
        long offline = fixture.blog("Offline Olli", "FI", "https://olli.example.fi/");
        fixture.crawled(offline, DAY_1);
        fixture.posts(offline, List.of(DAY_1.minus(Duration.ofDays(3))), List.of());
        fixture.setStatus(offline, "offline");
        long neverCrawled = fixture.blog("New Nina", "FI", "https://nina.example.fi/");
        long failingOnce = fixture.blog("Failing Fred", "FI", "https://fred.example.fi/");
        fixture.failing(failingOnce, DAY_1, "http", "HTTP 503", 1, false);
        long lead = fixture.blog("Lead Leo", "FI", null);
        long pending = fixture.blog("Pending Pia", "FI", "https://pia.example.fi/");
        fixture.setStatus(pending, "pending");

        service.recomputeAll(DAY_1);

        // 89.6, 89.0, 72.5, 69.5, 65.0, 57.3, 36.4
        List<String> byRank = List.of("Weekly, comments closed on some posts", "Weekly, answers most readers",
                "Weekly, comments closed", "Twenty posts a week, never answers", "Weekly, comments open, never answers",
                "New blog, too few posts to judge", "A burst, then silence");
        for (int i = 0; i < byRank.size(); i++) {
            Placement p = stored(example(byRank.get(i))).placement();
            assertThat(p.rank()).as(byRank.get(i)).isEqualTo(i + 1);
            assertThat(p.position()).isEqualTo(i + 1);
            assertThat(p.movement()).isEqualTo(new Movement(Movement.Direction.NEW, 0));
        }
        assertThat(stored(dormant).status()).isEqualTo(MeasuredStatus.DORMANT);
        assertThat(stored(unreachable).status()).isEqualTo(MeasuredStatus.UNREACHABLE);
        assertThat(stored(offline).status()).isEqualTo(MeasuredStatus.OFFLINE);
        assertThat(stored(neverCrawled).status()).isEqualTo(MeasuredStatus.NO_DATA);
        assertThat(stored(failingOnce).status()).isEqualTo(MeasuredStatus.NO_DATA);
        assertThat(stored(lead).status()).isEqualTo(MeasuredStatus.LEAD);
        assertThat(dao.metricsOf(pending)).isEmpty();
        // listed apart: no rank, positions after the ranked blogs in status order (two NO_DATA by blog id)
        assertThat(List.of(dormant, unreachable, offline, neverCrawled, failingOnce, lead))
                .extracting(id -> stored(id).placement())
                .allSatisfy(p -> assertThat(p.rank()).isNull())
                .extracting(Placement::position).containsExactly(8, 9, 10, 11, 12, 13);
        // the offline blog posted 3 days ago, but its posting data is not ranked
        assertThat(stored(offline).metrics().posting().daysSinceLastPost()).hasValue(3);

        var ranked = dao.rankings(new MetricsReadDao.RankingFilter(Listing.RANKED, null, null, null, null, null,
                RankingSort.RANK, false, 1, 50));
        assertThat(ranked.total()).isEqualTo(7);
        assertThat(ranked.listingTotals()).containsEntry(Listing.RANKED, 7).containsEntry(Listing.HISTORICAL, 6);
        assertThat(ranked.rows()).extracting(MetricsReadDao.RankingRow::blogId)
                .containsExactlyElementsOf(byRank.stream().map(this::example).toList());
    }

    @Test
    void movementComparesWithThePreviousDaysSnapshot() {
        service.recomputeAll(DAY_1);
        // overnight the official who never answered replies on every post
        long ignoring = example("Weekly, comments open, never answers");
        answerEveryPost(ignoring);

        service.recomputeAll(DAY_2);

        // hand-computed for 17 June: 45 + 30 + 15 + 5 = 95.0; the others keep their scores except the burst, whose
        // last post is now 41 days old: 7.5 + 15 + 15 × 49/84 + 5 = 36.25, shown 36.3
        assertThat(stored(ignoring).score().points()).isEqualTo(95.0);
        assertThat(stored(example("A burst, then silence")).score().points()).isEqualTo(36.3);
        Map<String, Movement> expected = new LinkedHashMap<>();
        expected.put("Weekly, comments open, never answers", new Movement(Movement.Direction.UP, 4));
        expected.put("Weekly, comments closed on some posts", new Movement(Movement.Direction.DOWN, 1));
        expected.put("Weekly, answers most readers", new Movement(Movement.Direction.DOWN, 1));
        expected.put("Weekly, comments closed", new Movement(Movement.Direction.DOWN, 1));
        expected.put("Twenty posts a week, never answers", new Movement(Movement.Direction.DOWN, 1));
        expected.put("New blog, too few posts to judge", new Movement(Movement.Direction.SAME, 0));
        expected.put("A burst, then silence", new Movement(Movement.Direction.SAME, 0));
        int rank = 0;
        for (var e : expected.entrySet()) {
            Placement p = stored(example(e.getKey())).placement();
            assertThat(p.rank()).as(e.getKey()).isEqualTo(++rank);
            assertThat(p.movement()).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(stored(ignoring).placement().previousRank()).isEqualTo(5);

        // the history keeps one row per day
        assertThat(dao.history(ignoring, 10)).extracting(MetricsReadDao.Snapshot::day, MetricsReadDao.Snapshot::rank,
                MetricsReadDao.Snapshot::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 6, 17), 1, 95.0),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 6, 16), 5, 65.0));
    }

    @Test
    void recomputingOneBlogMovesTheOthersAndKeepsOneSnapshotRowPerBlogAndDay() {
        service.recomputeAll(DAY_1);
        long ignoring = example("Weekly, comments open, never answers");
        answerEveryPost(ignoring);

        // the crawler's call after crawling one blog, the next day, before any nightly run
        StoredMetrics m = service.recompute(ignoring, DAY_2).orElseThrow();

        assertThat(m.score().points()).isEqualTo(95.0);
        assertThat(m.placement().rank()).isEqualTo(1);
        assertThat(m.placement().movement()).isEqualTo(new Movement(Movement.Direction.UP, 4));
        // the other blogs were not recomputed, but the new score pushed them down a place
        Placement first = stored(example("Weekly, comments closed on some posts")).placement();
        assertThat(first.rank()).isEqualTo(2);
        assertThat(first.movement()).isEqualTo(new Movement(Movement.Direction.DOWN, 1));
        assertThat(stored(example("Weekly, comments closed on some posts")).metrics().asOf()).isEqualTo(DAY_1);
        // today had no snapshot yet, so every blog got one (a complete day for tomorrow's movement)
        assertThat(snapshotRows("2024-06-17")).isEqualTo(7);

        // re-running the same day replaces rows instead of adding them, and changes nothing
        service.recompute(ignoring, DAY_2.plus(Duration.ofHours(2)));
        service.recomputeAll(DAY_2.plus(Duration.ofHours(3)));
        service.recomputeAll(DAY_2.plus(Duration.ofHours(3)));
        assertThat(snapshotRows("2024-06-17")).isEqualTo(7);
        assertThat(snapshotRows("2024-06-16")).isEqualTo(7);
        assertThat(stored(ignoring).placement().movement()).isEqualTo(new Movement(Movement.Direction.UP, 4));
        assertThat(dao.history(ignoring, 10)).hasSize(2).first()
                .satisfies(s -> assertThat(s.rank()).isEqualTo(1));
        Integer snapshotRank = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT rank FROM metrics_snapshot WHERE day = '2024-06-17' AND blog_id = :id")
                .bind("id", example("A burst, then silence")).mapTo(Integer.class).one());
        assertThat(snapshotRank).isEqualTo(7);
    }

    @Test
    void aBlogThatIsNoLongerListedLosesItsRowAndTheOthersCloseUp() {
        service.recomputeAll(DAY_1);
        long second = example("Weekly, answers most readers");
        fixture.setStatus(second, "rejected");

        assertThat(service.recompute(second, DAY_1.plus(Duration.ofHours(1)))).isEmpty();

        assertThat(dao.metricsOf(second)).isEmpty();
        assertThat(stored(example("Weekly, comments closed")).placement().rank()).isEqualTo(2);
        fixture.setStatus(example("Weekly, comments closed"), "pending");
        assertThat(service.recomputeAll(DAY_1.plus(Duration.ofHours(2))).removed()).isEqualTo(1);
        assertThat(stored(example("Twenty posts a week, never answers")).placement().rank()).isEqualTo(2);
    }

    @Test
    void recomputeWithoutPreviousSnapshotAndWithoutBlogsIsHarmless() {
        Database empty = TestDatabases.fresh(dir.resolve("empty"));
        MetricsService emptyService = new MetricsService(new MetricsStore(empty.jdbi(), MetricsSettings.defaults()),
                MetricsSettings.defaults());
        MetricsService.RecomputeReport report = emptyService.recomputeAll(DAY_1);
        assertThat(report.blogs()).isZero();
        assertThat(report.postsRead()).isZero();
        assertThat(emptyService.recompute(42, DAY_1)).isEmpty();
    }

    private void answerEveryPost(long blogId) {
        database.jdbi().useHandle(h -> h.execute("""
                UPDATE post_comments SET first_official_reply_at = first_reader_comment_at + 3 * 3600 * 1000,
                    reader_comments_answered = reader_comments, official_comments = 1
                WHERE post_id IN (SELECT id FROM post WHERE blog_id = ?)
                """, blogId));
    }

    private int snapshotRows(String day) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM metrics_snapshot WHERE day = :d")
                .bind("d", day).mapTo(Integer.class).one());
    }
}
