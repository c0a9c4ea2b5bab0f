package org.officialblogs.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import static org.officialblogs.db.Columns.instant;
import static org.officialblogs.db.Columns.longOrNull;

/** SQL for submissions. Methods taking a {@link Handle} run inside the caller's transaction. */
public final class SubmissionDao {

    private final Jdbi jdbi;

    public SubmissionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    static final RowMapper<Submission> SUBMISSION = SubmissionDao::map;

    private static Submission map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String sources = rs.getString("sources");
        RegistryEntry entry = new RegistryEntry(rs.getString("name"), rs.getString("office"), rs.getString("country"),
                rs.getString("region"), rs.getString("locality"), Level.parse(rs.getString("level")).orElseThrow(),
                Branch.parse(rs.getString("branch")).orElseThrow(), rs.getString("party"), rs.getString("wikidata_id"),
                rs.getString("in_office_from"), rs.getString("in_office_to"), rs.getString("blog_url"),
                rs.getString("feed_url"), rs.getString("platform"), rs.getString("language"),
                Authorship.parse(rs.getString("authorship")).orElseThrow(), rs.getString("active_years"),
                sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split(" ; ")), rs.getString("notes"));
        BlogPreviewer.Preview preview = rs.getString("preview_message") == null && rs.getString("preview_feed_url") == null
                ? null
                : new BlogPreviewer.Preview(rs.getString("preview_feed_url"), rs.getString("preview_platform"),
                        intOrNull(rs, "preview_post_count"), instant(rs, "preview_latest_post_at"),
                        rs.getString("preview_message"));
        return new Submission(rs.getLong("id"), SubmissionKind.parse(rs.getString("kind")).orElseThrow(),
                SubmissionStatus.fromCode(rs.getString("status")), entry,
                new Submitter(rs.getString("submitter_name"), rs.getString("organisation"), rs.getString("email")),
                rs.getString("note"), preview, longOrNull(rs, "bulk_upload_id"), longOrNull(rs, "bulk_line"),
                longOrNull(rs, "official_id"), longOrNull(rs, "blog_id"), instant(rs, "created_at"),
                instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("reject_reason"));
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /** What a new row needs beyond the submission itself. */
    record NewRow(SubmissionKind kind, RegistryEntry entry, Submitter submitter, String note,
                  BlogPreviewer.Preview preview, String tokenHash, Long bulkUploadId, Long bulkLine, Long officialId,
                  Instant createdAt) {}

    long insert(Handle h, NewRow r) {
        Update u = h.createUpdate("""
                INSERT INTO submission (token_hash, bulk_upload_id, bulk_line, kind, status, name, office, country,
                    region, locality, level, branch, party, wikidata_id, in_office_from, in_office_to, blog_url, feed_url,
                    platform, language, authorship, active_years, sources, notes, identity_key, blog_url_key,
                    feed_url_key, submitter_name, organisation, email, note, preview_feed_url, preview_feed_key,
                    preview_platform, preview_post_count, preview_latest_post_at, preview_message, created_at,
                    official_id)
                VALUES (:token, :bulk, :line, :kind, 'pending', :name, :office, :country, :region, :locality, :level,
                    :branch, :party, :wikidata, :from, :to, :blogUrl, :feedUrl, :platform, :language, :authorship,
                    :years, :sources, :notes, :identity, :blogKey, :feedKey, :submitter, :organisation, :email, :note,
                    :pFeed, :pFeedKey, :pPlatform, :pPosts, :pLatest, :pMessage, :now, :official)
                """)
                .bind("token", r.tokenHash()).bind("bulk", r.bulkUploadId()).bind("line", r.bulkLine())
                .bind("kind", r.kind().code()).bind("now", r.createdAt()).bind("official", r.officialId())
                .bind("submitter", r.submitter().name()).bind("organisation", r.submitter().organisation())
                .bind("email", r.submitter().email()).bind("note", r.note());
        bindEntry(u, r.entry());
        bindPreview(u, r.preview());
        return u.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void bindEntry(Update u, RegistryEntry e) {
        u.bind("name", e.name()).bind("office", e.office()).bind("country", e.country()).bind("region", e.region())
                .bind("locality", e.locality()).bind("level", e.level().code()).bind("branch", e.branch().code())
                .bind("party", e.party()).bind("wikidata", e.wikidataId()).bind("from", e.inOfficeFrom())
                .bind("to", e.inOfficeTo()).bind("blogUrl", e.blogUrl()).bind("feedUrl", e.feedUrl())
                .bind("platform", e.platform()).bind("language", e.language()).bind("authorship", e.authorship().code())
                .bind("years", e.activeYears()).bind("sources", String.join(EntryValidator.SOURCE_SEPARATOR, e.sources()))
                .bind("notes", e.notes()).bind("identity", e.identityKey())
                .bind("blogKey", HttpUrls.key(e.blogUrl()).orElse(null))
                .bind("feedKey", HttpUrls.key(e.feedUrl()).orElse(null));
    }

    private static void bindPreview(Update u, BlogPreviewer.Preview p) {
        u.bind("pFeed", p == null ? null : p.feedUrl())
                .bind("pFeedKey", p == null ? null : HttpUrls.key(p.feedUrl()).orElse(null))
                .bind("pPlatform", p == null ? null : p.platform())
                .bind("pPosts", p == null ? null : p.postCount())
                .bind("pLatest", p == null ? null : p.latestPostAt())
                .bind("pMessage", p == null ? null : p.message());
    }

    /** Replaces the proposed entry of a pending submission (a moderator's edit before approving). */
    void updateEntry(Handle h, long id, RegistryEntry e) {
        Update u = h.createUpdate("""
                UPDATE submission SET name = :name, office = :office, country = :country, region = :region,
                    locality = :locality, level = :level, branch = :branch, party = :party, wikidata_id = :wikidata,
                    in_office_from = :from, in_office_to = :to, blog_url = :blogUrl, feed_url = :feedUrl,
                    platform = :platform, language = :language, authorship = :authorship, active_years = :years,
                    sources = :sources, notes = :notes, identity_key = :identity, blog_url_key = :blogKey,
                    feed_url_key = :feedKey
                WHERE id = :id AND status = 'pending'
                """).bind("id", id);
        bindEntry(u, e);
        u.execute();
    }

    void markApproved(Handle h, long id, long officialId, Long blogId, String actor, Instant now) {
        h.createUpdate("""
                UPDATE submission SET status = 'approved', official_id = :official, blog_id = :blog, decided_by = :actor,
                    decided_at = :now
                WHERE id = :id
                """).bind("official", officialId).bind("blog", blogId).bind("actor", actor).bind("now", now)
                .bind("id", id).execute();
    }

    void markRejected(Handle h, long id, String reason, String actor, Instant now) {
        h.createUpdate("""
                UPDATE submission SET status = 'rejected', reject_reason = :reason, decided_by = :actor, decided_at = :now
                WHERE id = :id
                """).bind("reason", reason).bind("actor", actor).bind("now", now).bind("id", id).execute();
    }

    public Optional<Submission> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    Optional<Submission> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM submission WHERE id = :id").bind("id", id).map(SUBMISSION).findOne();
    }

    Optional<Submission> byTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submission WHERE token_hash = :t")
                .bind("t", tokenHash).map(SUBMISSION).findOne());
    }

    List<Submission> ofBulkUpload(long bulkUploadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submission WHERE bulk_upload_id = :b ORDER BY bulk_line, id")
                .bind("b", bulkUploadId).map(SUBMISSION).list());
    }

    /** Pending submissions, oldest first (the moderators' queue). */
    public List<Submission> pending(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM submission WHERE status = 'pending' ORDER BY created_at, id LIMIT :n")
                .bind("n", limit).map(SUBMISSION).list());
    }

    public int countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM submission WHERE status = 'pending'").mapTo(Integer.class).one());
    }

    /** Pending submissions whose blog, feed or found feed has one of the keys, or that name the same official. */
    List<Submission> pendingMatching(Handle h, List<String> urlKeys, String identityKey, Long excludeId) {
        List<String> keys = urlKeys.isEmpty() ? List.of("\u0000none") : new ArrayList<>(urlKeys);
        return h.createQuery("""
                SELECT * FROM submission
                WHERE status = 'pending' AND kind = 'new' AND (:exclude IS NULL OR id != :exclude)
                  AND (blog_url_key IN (<keys>) OR feed_url_key IN (<keys>) OR preview_feed_key IN (<keys>)
                       OR identity_key = :identity)
                ORDER BY id
                """).bindList("keys", keys).bind("identity", identityKey).bind("exclude", excludeId)
                .map(SUBMISSION).list();
    }
}
