package org.officialblogs.discover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.HttpUrls;

/** SQL for discovery runs and candidates. Methods taking a {@link Handle} run inside the caller's transaction. */
public final class CandidateDao {

    static final String SEPARATOR = " ; ";

    /** What storing a run's proposals did. */
    public record StoreCounts(int added, int updated, int unchanged, int listed) {}

    /** A candidate to check, with its host (so checks of one host do not queue up behind each other). */
    public record CheckTarget(long id, String host) {}

    /** A listed blog the candidate's address or feed already is. */
    record Listed(long blogId, long officialId) {}

    private final Jdbi jdbi;

    public CandidateDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    // ---- runs

    public long startRun(CandidateSource source, String sourceRef, String parametersJson, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO discovery_run (source, source_ref, parameters, started_at) VALUES (:source, :ref, :params, :at)
                """).bind("source", source.code()).bind("ref", sourceRef).bind("params", parametersJson).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void finishRun(long runId, String summary, String failure, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE discovery_run SET finished_at = :at, summary = :summary, failure = :failure WHERE id = :id
                """).bind("at", at).bind("summary", summary).bind("failure", failure).bind("id", runId).execute());
    }

    /** The latest runs, newest first: id, source, what was read, when, the summary or the failure. */
    public record Run(long id, CandidateSource source, String sourceRef, Instant startedAt, Instant finishedAt,
                      String summary, String failure) {}

    public List<Run> recentRuns(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM discovery_run ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> new Run(rs.getLong("id"),
                        CandidateSource.parse(rs.getString("source")).orElseThrow(), rs.getString("source_ref"),
                        instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("summary"),
                        rs.getString("failure"))).list());
    }

    // ---- storing proposals

    /**
     * Adds the proposals of a run, or updates the candidates they repeat (same person, same normalised address),
     * in one transaction: a run stores all it found or nothing.
     */
    public StoreCounts store(long runId, List<Proposal> proposals, Instant now) {
        return jdbi.inTransaction(h -> {
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int listed = 0;
            for (Proposal p : proposals) {
                Optional<Candidate> existing = h.createQuery("SELECT * FROM candidate WHERE person_key = :p AND url_key = :u")
                        .bind("p", p.personKey()).bind("u", p.urlKey()).map(CandidateDao::map).findOne();
                if (existing.isEmpty()) {
                    Optional<Listed> inRegistry = listedBlog(h, keys(p.url(), p.feedHint()));
                    insert(h, runId, p, inRegistry.orElse(null), now);
                    added++;
                    if (inRegistry.isPresent()) listed++;
                    continue;
                }
                Candidate c = existing.get();
                if (c.status() == CandidateStatus.APPROVED || c.status() == CandidateStatus.LISTED) {
                    touch(h, c.id(), runId);
                    unchanged++;
                    continue;
                }
                Proposal merged = merge(c, p);
                if (same(c, merged)) {
                    touch(h, c.id(), runId);
                    unchanged++;
                } else {
                    update(h, c.id(), runId, merged, now);
                    updated++;
                }
            }
            return new StoreCounts(added, updated, unchanged, listed);
        });
    }

    /** The incoming proposal with what the stored candidate knew and it does not (sources add up, kinds keep the strongest). */
    private static Proposal merge(Candidate c, Proposal p) {
        Set<String> sources = new LinkedHashSet<>(c.sourceUrls());
        sources.addAll(p.sourceUrls());
        LinkKind kind = c.kind().ordinal() < p.kind().ordinal() ? c.kind() : p.kind();
        return new Proposal(p.wikidataId() != null ? p.wikidataId() : c.wikidataId(), p.name(), p.office(), p.country(),
                p.region() != null ? p.region() : c.region(), p.level(), p.branch(),
                p.positionId() != null ? p.positionId() : c.positionId(), p.positionKnown(), p.otherPositions(),
                p.party() != null ? p.party() : c.party(), p.inOfficeFrom(), p.inOfficeTo(),
                p.language() != null ? p.language() : c.language(), p.url(), kind,
                p.feedHint() != null ? p.feedHint() : c.feedHint(), c.source(), List.copyOf(sources),
                p.sourceFile() != null ? p.sourceFile() : c.sourceFile());
    }

    private static boolean same(Candidate c, Proposal p) {
        return Objects.equals(c.wikidataId(), p.wikidataId()) && c.name().equals(p.name()) && c.office().equals(p.office())
                && c.country().equals(p.country()) && Objects.equals(c.region(), p.region()) && c.level() == p.level()
                && c.branch() == p.branch() && Objects.equals(c.positionId(), p.positionId())
                && c.positionKnown() == p.positionKnown() && c.otherPositions().equals(p.otherPositions())
                && Objects.equals(c.party(), p.party()) && Objects.equals(c.inOfficeFrom(), p.inOfficeFrom())
                && Objects.equals(c.inOfficeTo(), p.inOfficeTo()) && Objects.equals(c.language(), p.language())
                && c.url().equals(p.url()) && c.kind() == p.kind() && Objects.equals(c.feedHint(), p.feedHint())
                && c.sourceUrls().equals(p.sourceUrls()) && Objects.equals(c.sourceFile(), p.sourceFile());
    }

    private static void insert(Handle h, long runId, Proposal p, Listed listed, Instant now) {
        h.createUpdate("""
                INSERT INTO candidate (person_key, url, url_key, link_kind, feed_hint, source, source_urls, source_file,
                    wikidata_id, name, office, country, region, level, branch, position_id, position_known,
                    other_positions, party, in_office_from, in_office_to, language, status, official_id, blog_id,
                    first_run_id, last_run_id, created_at, updated_at)
                VALUES (:personKey, :url, :urlKey, :kind, :feedHint, :source, :sources, :sourceFile, :wikidata, :name,
                    :office, :country, :region, :level, :branch, :positionId, :positionKnown, :others, :party, :from, :to,
                    :language, :status, :officialId, :blogId, :run, :run, :now, :now)
                """).bind("personKey", p.personKey()).bind("url", p.url()).bind("urlKey", p.urlKey())
                .bind("kind", p.kind().code()).bind("feedHint", p.feedHint()).bind("source", p.source().code())
                .bind("sources", String.join(SEPARATOR, p.sourceUrls())).bind("sourceFile", p.sourceFile())
                .bind("wikidata", p.wikidataId()).bind("name", p.name()).bind("office", p.office())
                .bind("country", p.country()).bind("region", p.region()).bind("level", p.level().code())
                .bind("branch", p.branch().code()).bind("positionId", p.positionId())
                .bind("positionKnown", p.positionKnown() ? 1 : 0).bind("others", lines(p.otherPositions()))
                .bind("party", p.party()).bind("from", p.inOfficeFrom()).bind("to", p.inOfficeTo())
                .bind("language", p.language())
                .bind("status", (listed != null ? CandidateStatus.LISTED : CandidateStatus.PENDING).code())
                .bind("officialId", listed == null ? null : listed.officialId())
                .bind("blogId", listed == null ? null : listed.blogId()).bind("run", runId).bind("now", now).execute();
    }

    private static void update(Handle h, long id, long runId, Proposal p, Instant now) {
        h.createUpdate("""
                UPDATE candidate SET url = :url, link_kind = :kind, feed_hint = :feedHint, source_urls = :sources,
                    source_file = :sourceFile, wikidata_id = :wikidata, name = :name, office = :office,
                    country = :country, region = :region, level = :level, branch = :branch, position_id = :positionId,
                    position_known = :positionKnown, other_positions = :others, party = :party, in_office_from = :from,
                    in_office_to = :to, language = :language, last_run_id = :run, updated_at = :now
                WHERE id = :id
                """).bind("url", p.url()).bind("kind", p.kind().code()).bind("feedHint", p.feedHint())
                .bind("sources", String.join(SEPARATOR, p.sourceUrls())).bind("sourceFile", p.sourceFile())
                .bind("wikidata", p.wikidataId()).bind("name", p.name()).bind("office", p.office())
                .bind("country", p.country()).bind("region", p.region()).bind("level", p.level().code())
                .bind("branch", p.branch().code()).bind("positionId", p.positionId())
                .bind("positionKnown", p.positionKnown() ? 1 : 0).bind("others", lines(p.otherPositions()))
                .bind("party", p.party()).bind("from", p.inOfficeFrom()).bind("to", p.inOfficeTo())
                .bind("language", p.language()).bind("run", runId).bind("now", now).bind("id", id).execute();
    }

    private static void touch(Handle h, long id, long runId) {
        h.createUpdate("UPDATE candidate SET last_run_id = :run WHERE id = :id").bind("run", runId).bind("id", id).execute();
    }

    private static List<String> keys(String... urls) {
        List<String> keys = new ArrayList<>();
        for (String u : urls) HttpUrls.key(u).ifPresent(keys::add);
        return keys;
    }

    /** The listed blog whose site or feed address is one of {@code keys}. */
    static Optional<Listed> listedBlog(Handle h, List<String> keys) {
        if (keys.isEmpty()) return Optional.empty();
        return h.createQuery("""
                SELECT id, official_id FROM blog
                WHERE (site_url_key IN (<keys>) OR feed_url_key IN (<keys>)) AND status != 'rejected'
                ORDER BY id LIMIT 1
                """).bindList("keys", keys).map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getLong("official_id")))
                .findOne();
    }

    // ---- checking

    /**
     * Up to {@code limit} candidates of a run, after {@code afterId}, that are waiting or rejected and were not
     * checked since {@code checkedBefore}: the ones a run checks.
     */
    public List<CheckTarget> toCheck(long runId, long afterId, Instant checkedBefore, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, url FROM candidate
                WHERE last_run_id = :run AND id > :after AND status IN ('pending', 'rejected')
                  AND (checked_at IS NULL OR checked_at < :before)
                ORDER BY id LIMIT :limit
                """).bind("run", runId).bind("after", afterId).bind("before", checkedBefore).bind("limit", limit)
                .map((rs, ctx) -> new CheckTarget(rs.getLong("id"), host(rs.getString("url")))).list());
    }

    public int countToCheck(long runId, Instant checkedBefore) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM candidate WHERE last_run_id = :run AND status IN ('pending', 'rejected')
                  AND (checked_at IS NULL OR checked_at < :before)
                """).bind("run", runId).bind("before", checkedBefore).mapTo(Integer.class).one());
    }

    /**
     * Saves a check's evidence. A rejected candidate is proposed again only when the new evidence is stronger (or a
     * different feed at least as strong); a waiting one whose feed turns out to be a listed blog becomes LISTED.
     * Returns the status after the save.
     */
    public CandidateStatus saveEvidence(long id, Evidence e, EvidenceStrength strength, Instant now) {
        return jdbi.inTransaction(h -> {
            Candidate c = h.createQuery("SELECT * FROM candidate WHERE id = :id").bind("id", id).map(CandidateDao::map).one();
            h.createUpdate("""
                    UPDATE candidate SET checked_at = :now, check_outcome = :outcome, check_message = :message,
                        failure_kind = :kind, feed_url = :feed, blog_url = :blog, platform = :platform, found_via = :via,
                        posts_in_feed = :posts, posts_90d = :recent, latest_post_at = :latest, byline = :byline,
                        byline_sample = :sample, comments = :comments, strength = :strength, updated_at = :now
                    WHERE id = :id
                    """).bind("now", now).bind("outcome", e.outcome().code()).bind("message", e.message())
                    .bind("kind", e.failureKind()).bind("feed", e.feedUrl()).bind("blog", e.blogUrl())
                    .bind("platform", e.platform()).bind("via", e.foundVia()).bind("posts", e.postsInFeed())
                    .bind("recent", e.posts90d()).bind("latest", e.latestPostAt())
                    .bind("byline", e.byline() == null ? null : e.byline().code()).bind("sample", e.bylineSample())
                    .bind("comments", e.comments() == null ? null : e.comments().code()).bind("strength", strength.value())
                    .bind("id", id).execute();
            CandidateStatus status = c.status();
            if (status == CandidateStatus.REJECTED && strongerThanRejected(h, id, e, strength)) {
                h.createUpdate("UPDATE candidate SET status = 'pending' WHERE id = :id").bind("id", id).execute();
                status = CandidateStatus.PENDING;
            }
            if (status == CandidateStatus.PENDING && e.feedUrl() != null) {
                Optional<Listed> listed = listedBlog(h, keys(e.feedUrl(), e.blogUrl()));
                if (listed.isPresent()) {
                    h.createUpdate("UPDATE candidate SET status = 'listed', blog_id = :b, official_id = :o WHERE id = :id")
                            .bind("b", listed.get().blogId()).bind("o", listed.get().officialId()).bind("id", id).execute();
                    status = CandidateStatus.LISTED;
                }
            }
            return status;
        });
    }

    private static boolean strongerThanRejected(Handle h, long id, Evidence e, EvidenceStrength strength) {
        Map<String, Object> r = h.createQuery("SELECT rejected_strength, rejected_feed_key FROM candidate WHERE id = :id")
                .bind("id", id).mapToMap().one();
        int before = r.get("rejected_strength") == null ? 0 : ((Number) r.get("rejected_strength")).intValue();
        String feedBefore = (String) r.get("rejected_feed_key");
        String feedNow = HttpUrls.key(e.feedUrl()).orElse(null);
        return strength.value() > before
                || (feedNow != null && !feedNow.equals(feedBefore) && strength.value() >= Math.max(before, 2));
    }

    /** What the checks found over a run's candidates: with a feed, active in 90 days, failures by kind. */
    public DiscoveryService.Outcomes outcomes(long runId) {
        return jdbi.withHandle(h -> {
            int withFeed = h.createQuery("SELECT count(*) FROM candidate WHERE last_run_id = :r AND check_outcome = 'feed'")
                    .bind("r", runId).mapTo(Integer.class).one();
            int active = h.createQuery("SELECT count(*) FROM candidate WHERE last_run_id = :r AND posts_90d > 0")
                    .bind("r", runId).mapTo(Integer.class).one();
            Map<String, Integer> failed = new LinkedHashMap<>();
            h.createQuery("""
                    SELECT coalesce(failure_kind, 'no_feed') AS kind, count(*) AS n FROM candidate
                    WHERE last_run_id = :r AND check_outcome IN ('failed', 'no_feed')
                    GROUP BY 1 ORDER BY n DESC, kind
                    """).bind("r", runId).map((rs, ctx) -> failed.put(rs.getString("kind"), rs.getInt("n"))).list();
            return new DiscoveryService.Outcomes(withFeed, active, failed);
        });
    }

    // ---- reading

    public Optional<Candidate> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    Optional<Candidate> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM candidate WHERE id = :id").bind("id", id).map(CandidateDao::map).findOne();
    }

    private static final String FILTER = """
            status = :status AND (:country IS NULL OR country = :country) AND (:level IS NULL OR level = :level)
              AND (:source IS NULL OR source = :source) AND (:strength IS NULL OR strength = :strength)
            """;

    /** A page of candidates, strongest evidence first, then the most recent posts. */
    public List<Candidate> page(CandidateFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT * FROM candidate WHERE " + FILTER + """
                ORDER BY strength DESC, coalesce(posts_90d, -1) DESC, coalesce(latest_post_at, 0) DESC, id
                LIMIT :limit OFFSET :offset
                """), f).bind("limit", limit).bind("offset", offset).map(CandidateDao::map).list());
    }

    public int count(CandidateFilter f) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT count(*) FROM candidate WHERE " + FILTER), f)
                .mapTo(Integer.class).one());
    }

    /** How many candidates each status has. */
    public Map<CandidateStatus, Integer> countsByStatus() {
        Map<CandidateStatus, Integer> out = new LinkedHashMap<>();
        for (CandidateStatus s : CandidateStatus.values()) out.put(s, 0);
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) AS n FROM candidate GROUP BY status")
                .map((rs, ctx) -> out.put(CandidateStatus.parse(rs.getString("status")).orElseThrow(), rs.getInt("n"))).list());
        return out;
    }

    /** The countries that have candidates of a status, for the filter's choices. */
    public List<String> countries(CandidateStatus status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT country FROM candidate WHERE status = :s ORDER BY country")
                .bind("s", status.code()).mapTo(String.class).list());
    }

    private static org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query q, CandidateFilter f) {
        return q.bind("status", f.status().code()).bind("country", f.country())
                .bind("level", f.level() == null ? null : f.level().code())
                .bind("source", f.source() == null ? null : f.source().code())
                .bind("strength", f.strength() == null ? null : f.strength().value());
    }

    // ---- decisions

    void markApproved(Handle h, long id, long officialId, long blogId, String actor, Instant at) {
        h.createUpdate("""
                UPDATE candidate SET status = 'approved', official_id = :o, blog_id = :b, decided_at = :at,
                    decided_by = :actor, updated_at = :at WHERE id = :id
                """).bind("o", officialId).bind("b", blogId).bind("at", at).bind("actor", actor).bind("id", id).execute();
    }

    void markRejected(Handle h, Candidate c, String reason, String actor, Instant at) {
        h.createUpdate("""
                UPDATE candidate SET status = 'rejected', reject_reason = :reason, decided_at = :at, decided_by = :actor,
                    rejected_strength = :strength, rejected_feed_key = :feedKey, updated_at = :at WHERE id = :id
                """).bind("reason", reason).bind("at", at).bind("actor", actor).bind("strength", c.strength().value())
                .bind("feedKey", c.evidence() == null ? null : HttpUrls.key(c.evidence().feedUrl()).orElse(null))
                .bind("id", c.id()).execute();
    }

    // ---- mapping

    static Candidate map(ResultSet rs, StatementContext ctx) throws SQLException {
        Evidence evidence = null;
        String outcome = rs.getString("check_outcome");
        if (outcome != null) {
            String byline = rs.getString("byline");
            String comments = rs.getString("comments");
            evidence = new Evidence(Evidence.Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
                    rs.getString("check_message"), rs.getString("failure_kind"), rs.getString("feed_url"),
                    rs.getString("blog_url"), rs.getString("platform"), rs.getString("found_via"),
                    intOrNull(rs, "posts_in_feed"), intOrNull(rs, "posts_90d"), instant(rs, "latest_post_at"),
                    byline == null ? null : Evidence.Byline.valueOf(byline.toUpperCase(java.util.Locale.ROOT)),
                    rs.getString("byline_sample"),
                    comments == null ? null : Evidence.Comments.valueOf(comments.toUpperCase(java.util.Locale.ROOT)));
        }
        return new Candidate(rs.getLong("id"), rs.getString("person_key"), rs.getString("url"),
                LinkKind.parse(rs.getString("link_kind")).orElseThrow(), rs.getString("feed_hint"),
                CandidateSource.parse(rs.getString("source")).orElseThrow(), split(rs.getString("source_urls"), SEPARATOR),
                rs.getString("source_file"), rs.getString("wikidata_id"), rs.getString("name"), rs.getString("office"),
                rs.getString("country"), rs.getString("region"), Level.parse(rs.getString("level")).orElseThrow(),
                Branch.parse(rs.getString("branch")).orElseThrow(), rs.getString("position_id"),
                rs.getInt("position_known") == 1, split(rs.getString("other_positions"), "\n"), rs.getString("party"),
                rs.getString("in_office_from"), rs.getString("in_office_to"), rs.getString("language"),
                CandidateStatus.parse(rs.getString("status")).orElseThrow(), instant(rs, "checked_at"), evidence,
                EvidenceStrength.of(rs.getInt("strength")), instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("reject_reason"), longOrNull(rs, "official_id"), longOrNull(rs, "blog_id"),
                rs.getLong("first_run_id"), rs.getLong("last_run_id"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static List<String> split(String s, String separator) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(java.util.regex.Pattern.quote(separator)));
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    static String host(String url) {
        return HttpUrls.parseHttpUrl(url).map(u -> u.getHost().toLowerCase(java.util.Locale.ROOT)).orElse("");
    }

    private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
