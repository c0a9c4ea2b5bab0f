package org.officialblogs.crawl;


import java.time.Clock;
import java.util.Properties;
import org.officialblogs.metrics.MetricsService;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz inside {@code serve}: every minute a thin job crawls the blogs that are due, in batches, until none is
 * left; every night another recomputes every blog's metrics and the day's snapshot. Quartz keeps no state of its
 * own (an in-memory job store): the schedule is each blog's next attempt in the database, so a restart resumes it.
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

    public CrawlScheduler(CrawlRunner runner, MetricsService metrics, Clock clock) {
        this(runner, metrics, clock, null);
    }

    /** @param archive reads ended blogs from the web archive in a slow background pass; null for none */
    public CrawlScheduler(CrawlRunner runner, MetricsService metrics, Clock clock, BackgroundPass archive) {
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "officialblogs");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.threadCount", "3");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "true");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> {
                Class<? extends Job> type = bundle.getJobDetail().getJobClass();
                if (type == CrawlDueJob.class) return new CrawlDueJob(runner);
                if (type == NightlyMetricsJob.class) return new NightlyMetricsJob(metrics, clock);
                if (type == ArchivePassJob.class) return new ArchivePassJob(archive, metrics, clock);
                throw new SchedulerException("unknown job " + type);
            });
            scheduler.scheduleJob(JobBuilder.newJob(CrawlDueJob.class).withIdentity("crawl-due").build(),
                    TriggerBuilder.newTrigger().withIdentity("every-minute").startNow()
                            .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount()).build());
            scheduler.scheduleJob(JobBuilder.newJob(NightlyMetricsJob.class).withIdentity("nightly-metrics").build(),
                    TriggerBuilder.newTrigger().withIdentity("nightly").withSchedule(
                            CronScheduleBuilder.dailyAtHourAndMinute(3, 30).inTimeZone(java.util.TimeZone.getTimeZone("UTC")))
                            .build());
            if (archive != null) {
                scheduler.scheduleJob(JobBuilder.newJob(ArchivePassJob.class).withIdentity("archive-pass").build(),
                        TriggerBuilder.newTrigger().withIdentity("archive-pace")
                                .startAt(java.util.Date.from(java.time.Instant.now().plusSeconds(60)))
                                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(ARCHIVE_PASS_MINUTES)
                                        .withMisfireHandlingInstructionNextWithRemainingCount()).build());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the crawl scheduler: " + e.getMessage(), e);
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

    /** Crawls what is due, batch after batch, until the queue is empty. */
    @DisallowConcurrentExecution
    static final class CrawlDueJob implements Job {
        private final CrawlRunner runner;

        CrawlDueJob(CrawlRunner runner) {
            this.runner = runner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            while (!Thread.currentThread().isInterrupted()) {
                CrawlRunner.Summary s = runner.runDue(BATCH, CrawlRunner.Progress.NONE);
                if (s.blogs() > 0) log.info("scheduled crawl: {}", s.text());
                if (s.blogs() < BATCH) return;
            }
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
