package org.officialblogs.crawl;


import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.officialblogs.metrics.MetricsService;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz inside {@code serve}: every minute a thin job crawls the blogs that are due, in batches, until none is
 * left; every night another recomputes every blog's metrics and the day's snapshot. The schedule is each blog's next
 * attempt in the database, so a restart resumes it.
 *
 * <p>On SQLite (one process) Quartz keeps its triggers in memory. On PostgreSQL the schedulers of all nodes share
 * Quartz's JDBC job store in clustered mode: each firing goes to exactly one node, the nightly recompute and the
 * archive pass never run on two nodes at once, and a job a dead node was running is recovered by another node.
 * Minute passes on different nodes may overlap; the blogs are claimed ({@link CrawlClaims}), so each is crawled by
 * one of them.
 */
public final class CrawlScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);
    /** Blogs taken from the queue at a time; the job loops while more are due. */
    static final int BATCH = 200;

    private final Scheduler scheduler;

    /** Blogs read from the web archive per pass; the archive's pace (OFFICIALBLOGS_ARCHIVE_DELAY_MS) spaces requests. */
    static final int ARCHIVE_BLOGS_PER_PASS = 1;
    /** Minutes between two archive passes. */
    static final int ARCHIVE_PASS_MINUTES = 10;

    /** Quartz's name for the connections of the clustered job store (one per process). */
    static final String CLUSTER_DATA_SOURCE = "officialblogs";
    /** How often a clustered node tells the others it is alive; a node silent for longer is taken as dead. */
    static final int CLUSTER_CHECKIN_MS = 15_000;

    /** This process runs one crawl pass at a time (a pass may outlast the minute). */
    private final AtomicBoolean passRunning = new AtomicBoolean();

    public CrawlScheduler(CrawlRunner runner, MetricsService metrics, Clock clock) {
        this(runner, metrics, clock, null, null, null);
    }

    /**
     * @param archive reads ended blogs from the web archive in a slow background pass; null for none
     * @param cluster the PostgreSQL database whose Quartz tables the nodes share; null for one process (in memory)
     * @param node this node's name in the cluster (the name its crawl claims carry)
     */
    public CrawlScheduler(CrawlRunner runner, MetricsService metrics, Clock clock, BackgroundPass archive,
                          DataSource cluster, String node) {
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "officialblogs");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.threadCount", "3");
            p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "true");
            if (cluster == null) {
                p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            } else {
                DBConnectionManager.getInstance().addConnectionProvider(CLUSTER_DATA_SOURCE, new PooledConnections(cluster));
                p.setProperty("org.quartz.scheduler.instanceId", node == null ? "AUTO" : node);
                p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
                p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
                p.setProperty("org.quartz.jobStore.dataSource", CLUSTER_DATA_SOURCE);
                p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
                p.setProperty("org.quartz.jobStore.isClustered", "true");
                p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CLUSTER_CHECKIN_MS));
                p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            }
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> {
                Class<? extends Job> type = bundle.getJobDetail().getJobClass();
                if (type == CrawlDueJob.class) return new CrawlDueJob(runner, passRunning);
                if (type == NightlyMetricsJob.class) return new NightlyMetricsJob(metrics, clock);
                if (type == ArchivePassJob.class) return new ArchivePassJob(archive, metrics, clock);
                throw new SchedulerException("unknown job " + type);
            });
            // every node declares the same jobs; in the shared store a node that starts later replaces them with
            // the same definitions (and a restart does not stack up duplicates)
            schedule(JobBuilder.newJob(CrawlDueJob.class).withIdentity("crawl-due").build(),
                    TriggerBuilder.newTrigger().withIdentity("every-minute").startNow()
                            .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount()).build());
            // a recompute cut short by a dying node is run again by another
            schedule(JobBuilder.newJob(NightlyMetricsJob.class).withIdentity("nightly-metrics").requestRecovery().build(),
                    TriggerBuilder.newTrigger().withIdentity("nightly").withSchedule(
                            CronScheduleBuilder.dailyAtHourAndMinute(3, 30).inTimeZone(java.util.TimeZone.getTimeZone("UTC")))
                            .build());
            if (archive != null) {
                schedule(JobBuilder.newJob(ArchivePassJob.class).withIdentity("archive-pass").build(),
                        TriggerBuilder.newTrigger().withIdentity("archive-pace")
                                .startAt(java.util.Date.from(java.time.Instant.now().plusSeconds(60)))
                                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(ARCHIVE_PASS_MINUTES)
                                        .withMisfireHandlingInstructionNextWithRemainingCount()).build());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the crawl scheduler: " + e.getMessage(), e);
        }
    }

    private void schedule(JobDetail job, Trigger trigger) throws SchedulerException {
        scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
    }

    /** Whether this scheduler shares Quartz's tables with other nodes. */
    public boolean clustered() {
        try {
            return scheduler.getMetaData().isJobStoreClustered();
        } catch (SchedulerException e) {
            return false;
        }
    }

    public void start() {
        try {
            scheduler.start();
            log.info("crawl scheduler started: due blogs every minute, metrics nightly at 03:30 UTC");
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the crawl scheduler: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("crawl scheduler did not stop cleanly", e);
        }
    }

    /**
     * Crawls what is due, batch after batch, until the queue is empty (or what is left is claimed by other nodes).
     * Not marked non-concurrent: in a cluster that would let only one node crawl at a time; a node runs one pass at
     * a time instead.
     */
    static final class CrawlDueJob implements Job {
        private final CrawlRunner runner;
        private final AtomicBoolean passRunning;

        CrawlDueJob(CrawlRunner runner, AtomicBoolean passRunning) {
            this.runner = runner;
            this.passRunning = passRunning;
        }

        @Override
        public void execute(JobExecutionContext context) {
            if (!passRunning.compareAndSet(false, true)) return;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    CrawlRunner.Summary s = runner.runDue(BATCH, CrawlRunner.Progress.NONE);
                    if (s.blogs() > 0) log.info("scheduled crawl: {}", s.text());
                    if (s.blogs() == 0) return;
                }
            } finally {
                passRunning.set(false);
            }
        }
    }

    /** Quartz's connections from the application's pool. */
    private record PooledConnections(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the application's database, which closes it
        }

        @Override
        public void initialize() {
            // nothing to set up: the pool is open
        }
    }

    /**
     * Reads from the web archive the blogs that ended or went and were never read (once each), those a moderator
     * asked for, and those whose read the archive stopped, a few at a time.
     */
    @DisallowConcurrentExecution
    static final class ArchivePassJob implements Job {
        private final BackgroundPass archive;
        private final MetricsService metrics;
        private final Clock clock;

        ArchivePassJob(BackgroundPass archive, MetricsService metrics, Clock clock) {
            this.archive = archive;
            this.metrics = metrics;
            this.clock = clock;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                for (BackgroundPass.Read read : archive.run(ARCHIVE_BLOGS_PER_PASS)) {
                    log.info("archive pass: blog {} {}", read.blogId(), read.summary());
                    metrics.recompute(read.blogId(), clock.instant());
                }
            } catch (RuntimeException e) {
                log.error("archive pass failed", e);
            }
        }
    }

    /** Recomputes every blog's metrics and today's snapshot. */
    @DisallowConcurrentExecution
    static final class NightlyMetricsJob implements Job {
        private final MetricsService metrics;
        private final Clock clock;

        NightlyMetricsJob(MetricsService metrics, Clock clock) {
            this.metrics = metrics;
            this.clock = clock;
        }

        @Override
        public void execute(JobExecutionContext context) {
            MetricsService.RecomputeReport r = metrics.recomputeAll(clock.instant());
            log.info("nightly metrics: {} blogs, {} posts read, {} ranked", r.blogs(), r.postsRead(), r.ranked());
        }
    }
}
