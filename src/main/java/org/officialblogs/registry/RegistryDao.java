package org.officialblogs.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.officialblogs.db.DataVersion;

/** SQL for officials, blogs and sources. Methods taking a {@link Handle} run inside the caller's transaction. */
public final class RegistryDao {

    private final Jdbi jdbi;

    public RegistryDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    static final RowMapper<Official> OFFICIAL = (ResultSet rs, StatementContext ctx) -> new Official(
            rs.getLong("id"), rs.getString("name"), rs.getString("office"), rs.getString("country"),
            rs.getString("region"), rs.getString("locality"), Level.parse(rs.getString("level")).orElseThrow(),
            Branch.parse(rs.getString("branch")).orElseThrow(), rs.getString("party"), rs.getString("wikidata_id"),
            rs.getString("in_office_from"), rs.getString("in_office_to"), Origin.fromCode(rs.getString("origin")),
            rs.getString("origin_ref"), Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    static final RowMapper<Blog> BLOG = (ResultSet rs, StatementContext ctx) -> blog(rs, "");

    static Blog blog(ResultSet rs, String prefix) throws SQLException {
        return new Blog(rs.getLong(prefix + "id"), rs.getLong(prefix + "official_id"), rs.getString(prefix + "site_url"),
                rs.getString(prefix + "feed_url"), rs.getString(prefix + "platform"), rs.getString(prefix + "language"),
                Authorship.parse(rs.getString(prefix + "authorship")).orElseThrow(), rs.getString(prefix + "active_years"),
                ListingStatus.parse(rs.getString(prefix + "status")).orElseThrow(), rs.getString(prefix + "notes"),
                Origin.fromCode(rs.getString(prefix + "origin")), rs.getString(prefix + "origin_ref"),
                Instant.ofEpochMilli(rs.getLong(prefix + "created_at")), Instant.ofEpochMilli(rs.getLong(prefix + "updated_at")));
    }

    static final RowMapper<Source> SOURCE = (ResultSet rs, StatementContext ctx) -> new Source(
            rs.getLong("id"), rs.getLong("official_id"), rs.getObject("blog_id") == null ? null : rs.getLong("blog_id"),
            rs.getString("url"), Origin.fromCode(rs.getString("origin")), rs.getString("origin_ref"),
            Instant.ofEpochMilli(rs.getLong("added_at")));

    public Optional<Official> officialById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM official WHERE id = :id").bind("id", id).map(OFFICIAL).findOne());
    }

    /** The officials with at least one listed blog (a lead included), by number: the directory's public profiles. */
    public List<Long> officialsWithListedBlogs() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT official_id FROM listed_blog ORDER BY official_id")
                .mapTo(Long.class).list());
    }

    public List<Blog> blogsOf(long officialId) {
        return jdbi.withHandle(h -> blogsOf(h, officialId));
    }

    public List<Source> sourcesOf(long officialId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM source WHERE official_id = :id ORDER BY blog_id NULLS FIRST, id")
                .bind("id", officialId).map(SOURCE).list());
    }

    public Optional<Blog> blogById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM blog WHERE id = :id").bind("id", id).map(BLOG).findOne());
    }

    public long countOfficials() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM official").mapTo(Long.class).one());
    }

    /** Number of blogs per status code. */
    public java.util.Map<String, Long> countBlogsByStatus() {
        return jdbi.withHandle(h -> {
            java.util.Map<String, Long> out = new java.util.TreeMap<>();
            h.createQuery("SELECT status, count(*) AS n FROM blog GROUP BY status")
                    .map((rs, ctx) -> java.util.Map.entry(rs.getString("status"), rs.getLong("n")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    // ---- used inside a transaction by RegistryService; each write raises the data version in that transaction

    Optional<Official> officialByIdentityKey(Handle h, String key) {
        return h.createQuery("SELECT * FROM official WHERE identity_key = :k").bind("k", key).map(OFFICIAL).findOne();
    }

    Optional<Official> officialById(Handle h, long id) {
        return h.createQuery("SELECT * FROM official WHERE id = :id").bind("id", id).map(OFFICIAL).findOne();
    }

    /** Blogs whose site or feed address has one of the given comparison keys. */
    List<Blog> blogsByUrlKeys(Handle h, List<String> keys) {
        if (keys.isEmpty()) return List.of();
        return h.createQuery("SELECT * FROM blog WHERE site_url_key IN (<keys>) OR feed_url_key IN (<keys>) ORDER BY id")
                .bindList("keys", keys).map(BLOG).list();
    }

    static List<Blog> blogsOf(Handle h, long officialId) {
        return h.createQuery("SELECT * FROM blog WHERE official_id = :id ORDER BY id").bind("id", officialId).map(BLOG).list();
    }

    long insertOfficial(Handle h, RegistryEntry e, Origin origin, String originRef, Instant now) {
        DataVersion.bump(h);
        return h.createUpdate("""
                INSERT INTO official (name, office, country, region, locality, level, branch, party, wikidata_id,
                    in_office_from, in_office_to, identity_key, origin, origin_ref, created_at, updated_at)
                VALUES (:name, :office, :country, :region, :locality, :level, :branch, :party, :wikidata,
                    :from, :to, :key, :origin, :ref, :now, :now)
                """)
                .bind("name", e.name()).bind("office", e.office()).bind("country", e.country())
                .bind("region", e.region()).bind("locality", e.locality()).bind("level", e.level().code())
                .bind("branch", e.branch().code()).bind("party", e.party()).bind("wikidata", e.wikidataId())
                .bind("from", e.inOfficeFrom()).bind("to", e.inOfficeTo()).bind("key", e.identityKey())
                .bind("origin", origin.code()).bind("ref", originRef).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void updateOfficial(Handle h, Official o, Instant now) {
        DataVersion.bump(h);
        h.createUpdate("""
                UPDATE official SET name = :name, office = :office, country = :country, region = :region,
                    locality = :locality, level = :level, branch = :branch, party = :party, wikidata_id = :wikidata,
                    in_office_from = :from, in_office_to = :to, identity_key = :key, updated_at = :now
                WHERE id = :id
                """)
                .bind("name", o.name()).bind("office", o.office()).bind("country", o.country())
                .bind("region", o.region()).bind("locality", o.locality()).bind("level", o.level().code())
                .bind("branch", o.branch().code()).bind("party", o.party()).bind("wikidata", o.wikidataId())
                .bind("from", o.inOfficeFrom()).bind("to", o.inOfficeTo())
                .bind("key", RegistryEntry.identityKey(o.name(), o.country(), o.office()))
                .bind("now", now).bind("id", o.id()).execute();
    }

    long insertBlog(Handle h, long officialId, Blog b, Instant now) {
        DataVersion.bump(h);
        return h.createUpdate("""
                INSERT INTO blog (official_id, site_url, site_url_key, feed_url, feed_url_key, platform, language,
                    authorship, active_years, status, notes, origin, origin_ref, created_at, updated_at)
                VALUES (:official, :site, :siteKey, :feed, :feedKey, :platform, :language, :authorship, :years,
                    :status, :notes, :origin, :ref, :now, :now)
                """)
                .bind("official", officialId).bind("site", b.siteUrl()).bind("siteKey", HttpUrls.key(b.siteUrl()).orElse(null))
                .bind("feed", b.feedUrl()).bind("feedKey", HttpUrls.key(b.feedUrl()).orElse(null))
                .bind("platform", b.platform()).bind("language", b.language()).bind("authorship", b.authorship().code())
                .bind("years", b.activeYears()).bind("status", b.status().code()).bind("notes", b.notes())
                .bind("origin", b.origin().code()).bind("ref", b.originRef()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void updateBlog(Handle h, Blog b, Instant now) {
        DataVersion.bump(h);
        h.createUpdate("""
                UPDATE blog SET site_url = :site, site_url_key = :siteKey, feed_url = :feed, feed_url_key = :feedKey,
                    platform = :platform, language = :language, authorship = :authorship, active_years = :years,
                    status = :status, notes = :notes, updated_at = :now
                WHERE id = :id
                """)
                .bind("site", b.siteUrl()).bind("siteKey", HttpUrls.key(b.siteUrl()).orElse(null))
                .bind("feed", b.feedUrl()).bind("feedKey", HttpUrls.key(b.feedUrl()).orElse(null))
                .bind("platform", b.platform()).bind("language", b.language()).bind("authorship", b.authorship().code())
                .bind("years", b.activeYears()).bind("status", b.status().code()).bind("notes", b.notes())
                .bind("now", now).bind("id", b.id()).execute();
    }

    /** Adds a source unless the official already has that URL; true when added. */
    boolean addSource(Handle h, long officialId, Long blogId, String url, Origin origin, String originRef, Instant now) {
        DataVersion.bump(h);
        return h.createUpdate("""
                INSERT INTO source (official_id, blog_id, url, origin, origin_ref, added_at)
                VALUES (:official, :blog, :url, :origin, :ref, :now)
                ON CONFLICT (official_id, url) DO NOTHING
                """)
                .bind("official", officialId).bind("blog", blogId).bind("url", url).bind("origin", origin.code())
                .bind("ref", originRef).bind("now", now).execute() > 0;
    }
}
