package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.db.Database;
import org.officialblogs.db.DatabaseHealth;
import org.officialblogs.registry.ListingStatus;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.web.query.MetricsReadDao;

/**
 * GET /health : version, whether the database answers, counts, and "degraded" with the reason (503) when the
 * database cannot be read or written (damaged, read-only, locked, full disk). Blogs are counted by measured status,
 * as the ranking counts them ("active": a post in the last 30 days), and by their place in the registry apart.
 */
final class HealthController {

    private final Database database;
    private final RegistryDao registry;
    private final MetricsReadDao metrics;
    private final SiteInfo site;

    HealthController(Database database, RegistryDao registry, MetricsReadDao metrics, SiteInfo site) {
        this.database = database;
        this.registry = registry;
        this.metrics = metrics;
        this.site = site;
    }

    void show(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", site.version());
        DatabaseHealth.Status db = database.health().check();
        body.put("database", db.readable() ? "reachable" : "unreachable");
        if (db.readable()) {
            body.put("officials", registry.countOfficials());
            Map<String, Integer> measured = new LinkedHashMap<>();
            metrics.blogsByStatus().forEach((st, n) -> measured.put(st.code(), n));
            body.put("blogs", measured);
            body.put("ranked", metrics.blogsByStatus().entrySet().stream().filter(e -> e.getKey().isRanked())
                    .mapToInt(Map.Entry::getValue).sum());
            Map<String, Long> listing = new LinkedHashMap<>();
            Map<String, Long> byCode = registry.countBlogsByStatus();
            listing.put("listed", byCode.entrySet().stream()
                    .filter(e -> ListingStatus.parse(e.getKey()).map(ListingStatus::isListed).orElse(false))
                    .mapToLong(Map.Entry::getValue).sum());
            listing.put("pending", byCode.getOrDefault(ListingStatus.PENDING.code(), 0L));
            listing.put("rejected", byCode.getOrDefault(ListingStatus.REJECTED.code(), 0L));
            body.put("registry", listing);
        }
        body.put("status", db.ok() ? "ok" : "degraded");
        db.problem().ifPresent(p -> body.put("reason", p));
        ctx.header("Cache-Control", "no-store");
        ctx.status(db.ok() ? 200 : 503).json(body);
    }
}
