package org.officialblogs.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officialblogs.db.Database;
import org.officialblogs.registry.RegistryDao;

/** GET /health : version, whether the database answers, and counts. 503 when the database does not answer. */
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
        boolean up = database.isReachable();
        body.put("database", up ? "reachable" : "unreachable");
        if (up) {
            body.put("officials", registry.countOfficials());
            body.put("blogs", registry.countBlogsByStatus());
        }
        body.put("status", up ? "ok" : "degraded");
        ctx.status(up ? 200 : 503).json(body);
    }
}
