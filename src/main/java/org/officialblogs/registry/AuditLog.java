package org.officialblogs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.json.Json;

/**
 * The moderators' audit log: every action is written in the same transaction as the change it records, so the
 * log can never claim a change that was rolled back, nor miss one that was made.
 */
public final class AuditLog {

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectWriter json = Json.mapper().writer(SerializationFeature.INDENT_OUTPUT)
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records an action inside the caller's transaction; {@code before}/{@code after} may be null. */
    public void record(Handle h, String actor, String action, String subjectType, Long subjectId, String summary,
                Object before, Object after) {
        h.createUpdate("""
                INSERT INTO audit_log (at, actor, action, subject_type, subject_id, summary, before_json, after_json)
                VALUES (:at, :actor, :action, :type, :id, :summary, :before, :after)
                """).bind("at", clock.instant()).bind("actor", actor).bind("action", action).bind("type", subjectType)
                .bind("id", subjectId).bind("summary", summary).bind("before", toJson(before))
                .bind("after", toJson(after)).execute();
    }

    private String toJson(Object o) {
        if (o == null) return null;
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit snapshot cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** The newest entries first. */
    public List<AuditEntry> recent(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), java.time.Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getObject("subject_id") == null ? null : rs.getLong("subject_id"), rs.getString("summary"),
                        rs.getString("before_json"), rs.getString("after_json")))
                .list());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Integer.class).one());
    }
}
