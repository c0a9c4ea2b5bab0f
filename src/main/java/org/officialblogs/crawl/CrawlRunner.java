package org.officialblogs.crawl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.priority.Urgency;
import org.officialblogs.priority.VisitorsFirst;

/**
 * Crawls many blogs at once: a pool of workers, each running one blog's chain of requests (the fetcher keeps one
 * request at a time per host, the delay between them and the global limit on requests in flight), the blogs with
 * the longest chains started first, a blog never crawled twice at the same time (claimed in the database, see
 * {@link CrawlClaims}, so not by two processes either), and a summary at the end. The
 * schedule itself lives in the database, so a crash loses nothing but the crawls in flight.
 */
public final class CrawlRunner implements AutoCloseable {

    /** Called after each blog, from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void blogDone(int finished, int total, CrawlOutcome outcome);

        Progress NONE = (finished, total, outcome) -> { };
    }

    /** What a run did, for the command line and the log. */
    public record Summary(int blogs, int fetched, int notModified, int failed, int newPosts, int commentChecks,
                          Map<String, Integer> failedByKind, Duration elapsed) {

        public String text() {
            String kinds = failedByKind.isEmpty() ? "" : " (" + failedByKind.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
            return "crawled " + blogs + " blog" + (blogs == 1 ? "" : "s") + " in " + seconds(elapsed) + ": fetched "
                    + fetched + ", not modified " + notModified + ", new posts " + newPosts + ", comment checks "
                    + commentChecks + ", failed " + failed + kinds;
        }

        private static String seconds(Duration d) {
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
    }

    /** From this many blogs in one run, metrics are recomputed once at the end instead of after each blog. */
    static final int BATCH_RECOMPUTE_FROM = 50;

    private final CrawlDao dao;
    private final CrawlService service;
    private final MetricsService metrics;
    private final Clock clock;
    private final ExecutorService workers;
    private final CrawlClaims claims;

    public CrawlRunner(CrawlDao dao, CrawlService service, MetricsService metrics, Clock clock, int workers,
                       CrawlClaims claims, VisitorsFirst visitors) {
        this.dao = dao;
        this.claims = claims;
        this.service = service;
        this.metrics = metrics;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        int size = Math.max(1, workers);
        // threads are made as blogs come and leave when idle: a worker mostly waits out a host's delay, so the pool
        // is large, and it costs nothing between runs
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    // every worker crawls in the background: it yields the processors to visitors at each request
                    Thread t = new Thread(visitors.bind(r), "crawl-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    /** Crawls the blogs that are due now (new blogs get a schedule first), at most {@code limit}. */
    public Summary runDue(int limit, Progress progress) {
        claims.releaseDeadProcessesOnce();
        Instant now = clock.instant();
        dao.scheduleNewBlogs(now);
        return run(dao.due(now, limit), progress);
    }

    /** Crawls every crawlable blog, due or not. */
    public Summary runAll(Progress progress) {
        dao.scheduleNewBlogs(clock.instant());
        return run(dao.all(), progress);
    }

    /** Crawls one blog now; empty when it is not crawlable (no address, a lead, rejected) or already being crawled. */
    public Optional<CrawlOutcome> runOne(long blogId) {
        dao.scheduleNewBlogs(clock.instant());
        Optional<CrawlTarget> target = dao.target(blogId);
        if (target.isEmpty() || claims.claim(List.of(target.get())).isEmpty()) return Optional.empty();
        try {
            return Optional.of(service.crawl(target.get()));
        } finally {
            claims.release(target.get());
        }
    }

    /**
     * Crawls the given blogs with the worker pool and waits for all of them. Each blog's metrics are recomputed
     * after its crawl; in a large run (a first crawl, {@code crawl --all}) every blog's metrics and the ranks are
     * recomputed once at the end instead, which gives the same result without re-ranking all blogs per blog, and
     * only if a crawl changed what they are computed from ({@link CrawlOutcome#changesMetrics()}): a run of 304s and
     * of blogs long gone answering 410 again leaves them as they are.
     * The blogs start longest chain first (see {@link CrawlOrder}), so the run ends close to its longest chain.
     */
    public Summary run(List<CrawlTarget> targets, Progress progress) {
        long start = System.nanoTime();
        // only blogs this process could claim: another process (a node, a crawl command) may hold the rest
        Map<Long, Integer> lastRequests = dao.requestsOfLastCrawl();
        int firstCrawlUrgency = service.mostRequestsOfACrawl();
        List<CrawlTarget> ordered = claims.claim(CrawlOrder.longestFirst(targets, lastRequests));
        boolean perBlog = targets.size() < BATCH_RECOMPUTE_FROM;
        AtomicInteger finished = new AtomicInteger();
        List<Future<CrawlOutcome>> futures = new ArrayList<>();
        for (CrawlTarget t : ordered) {
            futures.add(workers.submit(() -> {
                try {
                    Urgency.set(CrawlOrder.initialUrgency(t, lastRequests, firstCrawlUrgency));
                    CrawlOutcome o = service.crawl(t, perBlog);
                    VisitorsFirst.paceBoundThread(); // the time spent on the blog's last response and its writes
                    progress.blogDone(finished.incrementAndGet(), targets.size(), o);
                    return o;
                } finally {
                    Urgency.clear();
                    claims.release(t);
                }
            }));
        }
        int fetched = 0, notModified = 0, failed = 0, newPosts = 0, checks = 0;
        boolean changed = false;
        Map<String, Integer> byKind = new TreeMap<>();
        for (Future<CrawlOutcome> f : futures) {
            CrawlOutcome o;
            try {
                o = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                failed++;
                byKind.merge(FailureKind.INTERNAL_ERROR.code(), 1, Integer::sum);
                continue;
            }
            switch (o.result()) {
                case FETCHED -> fetched++;
                case NOT_MODIFIED -> notModified++;
                case FAILED -> {
                    failed++;
                    byKind.merge(o.failureKind(), 1, Integer::sum);
                }
            }
            newPosts += o.newPosts();
            checks += o.commentChecks();
            changed |= o.changesMetrics();
        }
        if (!perBlog && changed) {
            metrics.recomputeAll(clock.instant());
        }
        return new Summary(futures.size(), fetched, notModified, failed, newPosts, checks, byKind,
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
