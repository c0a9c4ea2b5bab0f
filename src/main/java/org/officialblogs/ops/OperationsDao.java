package org.officialblogs.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The database-derived numbers /metrics shows, read at scrape time. Each query runs on its own, outside a
 * transaction: the pool's transactions begin IMMEDIATE (they take the write lock), and a scrape must never queue
 * behind the crawler or hold it up. The numbers may therefore be milliseconds apart.
 */
public final class OperationsDao {

    /** Fetches of one purpose with one outcome: "ok", "not_modified", or the stored failure kind. */
    public record OutcomeCount(String purpose, String outcome, long count) {}

    /** Blogs with one status. */
    public record StatusCount(String status, long count) {}

    /** Everything one scrape reads. */
    public record Snapshot(List<OutcomeCount> crawlOutcomes, long crawlsDue, List<StatusCount> blogsByRegistryStatus,
                           List<StatusCount> blogsByMeasuredStatus, Optional<Instant> lastSuccessfulCrawl) {}

    private final Jdbi jdbi;

    public OperationsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Reads the snapshot: crawl outcomes logged at or after {@code since}, and blogs due at {@code now}. */
    public Snapshot snapshot(Instant since, Instant now) {
        return jdbi.withHandle(h -> {
            // crawl_log_at serves the range; a day of fetches is a few thousand rows at most
            List<OutcomeCount> outcomes = h.createQuery("""
                    SELECT purpose,
                           CASE WHEN failure_kind IS NOT NULL THEN failure_kind
                                WHEN http_status = 304 THEN 'not_modified'
                                ELSE 'ok' END AS outcome,
                           count(*) AS n
                    FROM crawl_log
                    WHERE at >= :since
                    GROUP BY 1, 2
                    ORDER BY 1, 2""")
                    .bind("since", since)
                    .map((rs, ctx) -> new OutcomeCount(rs.getString("purpose"), rs.getString("outcome"), rs.getLong("n")))
                    .list();
            // the same statuses the crawler schedules (CrawlDao.scheduleNewBlogs): leads and rejected blogs wait for nothing
            long due = h.createQuery("""
                    SELECT count(*) FROM crawl_state s JOIN crawlable_blog b ON b.id = s.blog_id
                    WHERE s.next_attempt_at <= :now""")
                    .bind("now", now)
                    .mapTo(Long.class).one();
            // "active" means one thing everywhere (the measured status: posted in the last 30 days); the registry's
            // own code for a listed blog is reported as "listed"
            List<StatusCount> registry = h.createQuery("""
                    SELECT CASE status WHEN 'active' THEN 'listed' ELSE status END AS status, count(*) AS n
                    FROM blog GROUP BY 1 ORDER BY 1""")
                    .map((rs, ctx) -> new StatusCount(rs.getString("status"), rs.getLong("n"))).list();
            List<StatusCount> measured = h.createQuery(
                    "SELECT status, count(*) AS n FROM blog_metrics GROUP BY status ORDER BY status")
                    .map((rs, ctx) -> new StatusCount(rs.getString("status"), rs.getLong("n"))).list();
            Optional<Instant> lastSuccess = h.createQuery("SELECT max(last_success_at) FROM crawl_state")
                    .mapTo(Instant.class).findOne();
            return new Snapshot(outcomes, due, registry, measured, lastSuccess);
        });
    }
}
