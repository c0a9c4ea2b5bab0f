package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.db.Database;
import org.officialblogs.db.DatabaseHealth;
import org.officialblogs.registry.RegistryDao;

/**
 * GET /health : version, whether the database answers, counts, and "degraded" with the reason (503) when the
 * database cannot be read or written (damaged, read-only, locked, full disk).
 */
final class HealthController {

    private final Database database;
    private final RegistryDao registry;
    private final SiteInfo site;

    HealthController(Database database, RegistryDao registry, SiteInfo site) {
        this.database = database;
        this.registry = registry;
        this.site = site;
    }

    void show(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", site.version());
        DatabaseHealth.Status db = database.health().check();
        body.put("database", db.readable() ? "reachable" : "unreachable");
        if (db.readable()) {
            body.put("officials", registry.countOfficials());
            body.put("blogs", registry.countBlogsByStatus());
        }
        body.put("status", db.ok() ? "ok" : "degraded");
        db.problem().ifPresent(p -> body.put("reason", p));
        ctx.header("Cache-Control", "no-store");
        ctx.status(db.ok() ? 200 : 503).json(body);
    }
}
