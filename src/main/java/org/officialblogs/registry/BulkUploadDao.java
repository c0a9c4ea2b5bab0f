package org.officialblogs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.officialblogs.json.Json;

/** SQL for bulk uploads; the shared defaults are stored as a small JSON object. */
public final class BulkUploadDao {

    private final Jdbi jdbi;
    private final ObjectMapper json = Json.mapper();

    public BulkUploadDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private BulkUpload map(ResultSet rs) throws SQLException {
        BulkSubmissions.Defaults defaults;
        try {
            defaults = json.readValue(rs.getString("defaults"), BulkSubmissions.Defaults.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("bulk_upload " + rs.getLong("id") + " has unreadable defaults", e);
        }
        long committed = rs.getLong("committed_at");
        Instant committedAt = rs.wasNull() ? null : Instant.ofEpochMilli(committed);
        return new BulkUpload(rs.getLong("id"), rs.getString("filename"), rs.getString("format"), rs.getBytes("content"),
                defaults, new Submitter(rs.getString("submitter_name"), rs.getString("organisation"), rs.getString("email")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")), committedAt);
    }

    long insert(String confirmTokenHash, String filename, String format, byte[] content, BulkSubmissions.Defaults defaults,
                Submitter submitter, Instant now, Instant expiresAt) {
        String text;
        try {
            text = json.writeValueAsString(defaults);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("defaults are plain strings", e);
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO bulk_upload (confirm_token_hash, filename, format, content, defaults, submitter_name,
                    organisation, email, created_at, expires_at)
                VALUES (:token, :filename, :format, :content, :defaults, :name, :organisation, :email, :now, :expires)
                """).bind("token", confirmTokenHash).bind("filename", filename).bind("format", format)
                .bind("content", content).bind("defaults", text).bind("name", submitter.name())
                .bind("organisation", submitter.organisation()).bind("email", submitter.email()).bind("now", now)
                .bind("expires", expiresAt).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** The upload a confirm token belongs to, if it is not committed yet and not expired. */
    Optional<BulkUpload> openByConfirmTokenHash(Handle h, String hash, Instant now) {
        return h.createQuery("""
                SELECT * FROM bulk_upload WHERE confirm_token_hash = :h AND committed_at IS NULL AND expires_at > :now
                """).bind("h", hash).bind("now", now).map((rs, ctx) -> map(rs)).findOne();
    }

    Optional<BulkUpload> byStatusTokenHash(String hash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM bulk_upload WHERE status_token_hash = :h")
                .bind("h", hash).map((rs, ctx) -> map(rs)).findOne());
    }

    void markCommitted(Handle h, long id, String statusTokenHash, Instant now) {
        h.createUpdate("UPDATE bulk_upload SET committed_at = :now, status_token_hash = :status WHERE id = :id")
                .bind("now", now).bind("status", statusTokenHash).bind("id", id).execute();
    }

    /** Forgets the files of uploads never committed whose confirm time has passed. */
    int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM bulk_upload WHERE committed_at IS NULL AND expires_at <= :now")
                .bind("now", now).execute());
    }
}
