package org.officialblogs.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.officialblogs.priority.VisitorsFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app tells its operator at /metrics, in the Prometheus text format: HTTP requests by route template and
 * status, JVM memory, threads and GC, and numbers read from the database at scrape time (crawl outcomes of the last
 * 24 hours, crawls due, blogs by status, the last successful crawl). Close it with the app.
 */
public final class OperationalMetrics implements AutoCloseable {

    /** The Prometheus text exposition format that {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** How far back crawl outcomes are counted. */
    public static final Duration OUTCOME_WINDOW = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(OperationalMetrics.class);

    // Fixed buckets, not a percentile histogram: a dozen series per route keeps a scrape small, and these bounds
    // bracket what the pages do (a few ms) up to what a user notices (seconds).
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OperationsDao dao;
    private final Clock clock;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MultiGauge crawlOutcomes;
    private final MultiGauge blogsByStatus;
    private final MultiGauge blogsByMeasuredStatus;
    private final AtomicLong crawlsDue = new AtomicLong();
    private final AtomicReference<Double> lastSuccessSeconds = new AtomicReference<>(Double.NaN);
    private final Counter databaseErrors;

    /** @param blogsInProgress blogs the crawl runs of this process are crawling now */
    public OperationalMetrics(OperationsDao dao, Clock clock, VisitorsFirst visitors, IntSupplier blogsInProgress) {
        this.dao = dao;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        crawlOutcomes = MultiGauge.builder("officialblogs.crawl.outcomes")
                .description("Fetches logged in the last 24 hours, by purpose and outcome (ok, not_modified or the failure kind)")
                .register(registry);
        blogsByStatus = MultiGauge.builder("officialblogs.blogs")
                .description("Registry entries by listing (lead, pending, listed, dormant, offline, rejected); whether a blog"
                        + " is active is officialblogs_blogs_measured")
                .register(registry);
        blogsByMeasuredStatus = MultiGauge.builder("officialblogs.blogs.measured")
                .description("Listed blogs by measured status, as the ranking counts them: active (a post in the last 30"
                        + " days), slowing, dormant, unreachable, offline, lead, no_data")
                .register(registry);
        Gauge.builder("officialblogs.crawl.due", crawlsDue, AtomicLong::get)
                .description("Crawlable blogs whose next attempt is due now (the crawl queue's depth)")
                .register(registry);
        Gauge.builder("officialblogs.crawl.last.success.timestamp", lastSuccessSeconds, AtomicReference::get)
                .description("When a blog was last crawled successfully, in seconds since the epoch (NaN: never)")
                .baseUnit("seconds")
                .register(registry);
        FunctionCounter.builder("officialblogs.crawl.visitor.wait", visitors, v -> v.waitedNanos() / 1e9)
                .description("Time the crawl's workers slept so that visitors were served first, added up over the workers")
                .baseUnit("seconds")
                .register(registry);
        // held strongly: a gauge keeps only a weak reference to what it reads, and the supplier passed in (a method
        // reference) is referenced nowhere else, so it was collected and the gauge read NaN
        Gauge.builder("officialblogs.crawl.in.progress", blogsInProgress, IntSupplier::getAsInt)
                .strongReference(true)
                .description("Blogs the crawl runs of this process are crawling now (fewer start while visitors are served;"
                        + " a single blog crawled on request is not counted)")
                .register(registry);
        databaseErrors = Counter.builder("officialblogs.metrics.database.errors")
                .description("Scrapes whose database numbers could not be read (the previous values were shown)")
                .register(registry);
    }

    /** Records one answered HTTP request; {@code route} is the matched path template, never the raw path. */
    public void recordRequest(String method, String route, int status, long durationNanos) {
        // each series' timer built once: building and registering it again on every request cost 4 % of a page's CPU
        requestTimers.computeIfAbsent(method + ' ' + status + ' ' + route, k -> Timer.builder("http.server.requests")
                .description("HTTP requests answered, by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)).record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** The request timers by method, status and route template: a bounded set (routes are templates, not paths). */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> requestTimers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads the database numbers, then writes every meter in the Prometheus text format. */
    public synchronized String scrape() {
        Instant now = clock.instant();
        try {
            OperationsDao.Snapshot s = dao.snapshot(now.minus(OUTCOME_WINDOW), now);
            crawlOutcomes.register(s.crawlOutcomes().stream()
                    .map(o -> MultiGauge.Row.of(Tags.of("purpose", o.purpose(), "outcome", o.outcome()), o.count()))
                    .toList(), true);
            blogsByStatus.register(rows(s.blogsByRegistryStatus()), true);
            blogsByMeasuredStatus.register(rows(s.blogsByMeasuredStatus()), true);
            crawlsDue.set(s.crawlsDue());
            lastSuccessSeconds.set(s.lastSuccessfulCrawl().map(i -> i.toEpochMilli() / 1000.0).orElse(Double.NaN));
        } catch (RuntimeException e) {
            databaseErrors.increment();
            log.warn("metrics scrape could not read the database error={}", e.toString());
        }
        return registry.scrape();
    }

    private static List<MultiGauge.Row<?>> rows(List<OperationsDao.StatusCount> counts) {
        return counts.stream().<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("status", c.status()), c.count()))
                .toList();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
