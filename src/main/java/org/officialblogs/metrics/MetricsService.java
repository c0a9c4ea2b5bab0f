package org.officialblogs.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes and stores every listed blog's metrics, score and rank, and the day's snapshot.
 *
 * <p>The crawler calls {@link #recompute(long, Instant)} after each crawl of a blog (whatever its outcome: a
 * failure can make a blog unreachable); a nightly job calls {@link #recomputeAll(Instant)}. Both are safe to call
 * from several threads: the writes of one call happen in one transaction, and SQLite queues writers.
 *
 * <p>Movement compares ranks with the latest snapshot day before today (the local date of {@code now} in the
 * settings' zone). Each call writes today's snapshot rows of the blogs it changed (all of them when today has none
 * yet), replacing rows written earlier the same day, so re-running gives the same snapshot.
 */
public final class MetricsService {

    private static final Logger log = LoggerFactory.getLogger(MetricsService.class);

    /** What a full recompute did. */
    public record RecomputeReport(LocalDate day, int blogs, long postsRead, int ranked, int removed) {}

    private final MetricsStore store;
    private final MetricsSettings settings;
    private final BlogMetricsCalculator calculator;

    public MetricsService(MetricsStore store, MetricsSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calculator = new BlogMetricsCalculator(settings);
    }

    /**
     * Recomputes every listed blog from one pass over the posts, ranks them all against the previous day's
     * snapshot, replaces blog_metrics and writes today's snapshot, all in one transaction.
     */
    public RecomputeReport recomputeAll(Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        Map<Long, ListedBlog> listed = new HashMap<>();
        for (ListedBlog blog : store.listedBlogs()) {
            listed.put(blog.blogId(), blog);
        }
        Map<Long, Computed> computed = new HashMap<>(listed.size() * 2);
        long posts = store.scanPostFacts((blogId, facts) -> {
            ListedBlog blog = listed.get(blogId);
            if (blog != null) {
                computed.put(blogId, compute(blog, facts, now));
            }
        });
        for (ListedBlog blog : listed.values()) {
            computed.computeIfAbsent(blog.blogId(), id -> compute(blog, MetricsStore.PostFacts.NONE, now));
        }
        List<RankingCandidate> candidates = computed.values().stream().map(Computed::candidate).toList();

        RecomputeReport report = store.inTransaction(tx -> {
            Map<Long, Placement> placements = Placements.assign(candidates, tx.ranksBefore(today));
            List<MetricsStore.MetricsWrite> rows = new ArrayList<>(computed.size());
            for (Computed c : computed.values()) {
                rows.add(c.write(placements.get(c.blog().blogId())));
            }
            int removed = tx.deleteUnlisted();
            tx.upsert(rows);
            tx.refreshFacets();
            tx.snapshotAll(today);
            tx.analyze();
            int ranked = (int) placements.values().stream().filter(Placement::isRanked).count();
            return new RecomputeReport(today, rows.size(), posts, ranked, removed);
        });
        log.info("metrics recomputed day={} blogs={} posts={} ranked={} removed={}", report.day(), report.blogs(),
                report.postsRead(), report.ranked(), report.removed());
        return report;
    }

    /**
     * Recomputes one blog after a crawl: its metrics from its posts, reply facts and crawl state, then the ranks of
     * all blogs (one blog's new score can move others), writing only the rows whose placement changed and their
     * snapshot rows for today.
     *
     * @return the blog's stored metrics; empty when the blog is not listed (pending, rejected or deleted), in which
     *     case any row it had is removed
     */
    public Optional<StoredMetrics> recompute(long blogId, Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        Optional<ListedBlog> blog = store.listedBlog(blogId);
        Computed computed = blog.map(b -> compute(b, store.postFactsOf(blogId), now)).orElse(null);

        return store.inTransaction(tx -> {
            List<RankingCandidate> candidates = new ArrayList<>();
            for (RankingCandidate c : tx.candidates()) {
                if (c.blogId() != blogId) {
                    candidates.add(c);
                }
            }
            if (computed != null) {
                candidates.add(computed.candidate());
            } else {
                tx.delete(blogId);
            }
            Map<Long, Placement> stored = tx.placements();
            Map<Long, Placement> placements = Placements.assign(candidates, tx.ranksBefore(today));
            Map<Long, Placement> changed = new HashMap<>();
            placements.forEach((id, p) -> {
                if (id != blogId && !p.equals(stored.get(id))) {
                    changed.put(id, p);
                }
            });
            StoredMetrics result = null;
            if (computed != null) {
                MetricsStore.MetricsWrite row = computed.write(placements.get(blogId));
                tx.upsert(List.of(row));
                result = row.metrics();
            }
            tx.updatePlacements(changed);
            tx.refreshFacets();
            if (!tx.hasSnapshot(today)) {
                tx.snapshotAll(today);
            } else {
                Set<Long> ids = new HashSet<>(changed.keySet());
                if (computed != null) {
                    ids.add(blogId);
                }
                tx.snapshot(today, ids);
            }
            log.debug("metrics recomputed blogId={} status={} placementsChanged={}", blogId,
                    result == null ? "unlisted" : result.status(), changed.size());
            return Optional.ofNullable(result);
        });
    }

    private Computed compute(ListedBlog blog, MetricsStore.PostFacts facts, Instant now) {
        BlogMetrics metrics = calculator.compute(facts.published(), facts.replies(), now);
        MeasuredStatus status = MeasuredStatus.of(blog.reachability(), metrics.posting());
        return new Computed(blog, metrics, status, ScoreFormula.score(metrics,
                blog.repliesMeasured() ? null : blog.repliesReason() == null ? "" : blog.repliesReason()));
    }

    /** One blog's fresh numbers, before placement. */
    private record Computed(ListedBlog blog, BlogMetrics metrics, MeasuredStatus status, Score score) {

        RankingCandidate candidate() {
            return new RankingCandidate(blog.blogId(), status, score.points(),
                    metrics.posting().lastPostAt().orElse(null));
        }

        MetricsStore.MetricsWrite write(Placement placement) {
            return new MetricsStore.MetricsWrite(blog,
                    new StoredMetrics(blog.blogId(), blog.officialId(), status, metrics, score, placement,
                            blog.repliesMeasurable(), blog.repliesMeasured() ? null : blog.repliesReason()));
        }
    }
}
