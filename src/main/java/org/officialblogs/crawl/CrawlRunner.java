package org.officialblogs.crawl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.priority.InProgressLimit;
import org.officialblogs.priority.Urgency;
import org.officialblogs.priority.VisitorsFirst;

/**
 * Crawls many blogs at once: a pool of workers, each running one blog's chain of requests (the fetcher keeps one
 * request at a time per host, the delay between them and the global limit on requests in flight), the blogs with
 * the longest chains started first, fewer blogs in progress while the site answers visitors (see
 * {@link InProgressLimit}), a blog never crawled twice at the same time (claimed in the database, see
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
    private final InProgressLimit inProgress;
    private final CrawlClaims claims;

    /**
     * @param workers             blogs in progress at once on a quiet site (each on a worker thread of its own)
     * @param workersWhileServing blogs in progress at once while the site answers visitors (see {@link InProgressLimit})
     */
    public CrawlRunner(CrawlDao dao, CrawlService service, MetricsService metrics, Clock clock, int workers,
                       int workersWhileServing, CrawlClaims claims, VisitorsFirst visitors) {
        this.dao = dao;
        this.claims = claims;
        this.service = service;
        this.metrics = metrics;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        int size = Math.max(1, workers);
        this.inProgress = new InProgressLimit(visitors, size, Math.max(1, workersWhileServing));
        // threads are made as blogs start, an idle one is used again first, and they leave after 30 s idle: a worker
        // mostly waits out a host's delay, so there may be many, and none between runs; the limit on blogs in
        // progress bounds them, so the pool itself need not
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    // every worker crawls in the background: it yields the processors to visitors at each request
                    Thread t = new Thread(visitors.bind(r), "crawl-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
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
        for (int i = 0; i < ordered.size(); i++) {
            CrawlTarget t = ordered.get(i);
            Future<CrawlOutcome> started = start(() -> {
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
            });
            if (started == null) {
                // stopped while waiting to start more: the blogs not started are given back, the others end below
                ordered.subList(i, ordered.size()).forEach(claims::release);
                break;
            }
            futures.add(started);
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

    /** Blogs this runner's runs are crawling now, on its workers ({@link #runOne} is not counted: it runs on the caller). */
    public int inProgress() {
        return inProgress.inProgress();
    }

    /**
     * Starts a blog's crawl on a worker once the limit on blogs in progress lets it; null when the runner was
     * interrupted or closed meanwhile.
     */
    private Future<CrawlOutcome> start(Callable<CrawlOutcome> crawl) {
        try {
            inProgress.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return workers.submit(() -> {
                try {
                    return crawl.call();
                } finally {
                    inProgress.leave();
                }
            });
        } catch (RejectedExecutionException e) {
            inProgress.leave();
            return null;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
