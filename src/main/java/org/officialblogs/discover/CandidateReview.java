package org.officialblogs.discover;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialblogs.registry.AuditLog;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.CrawlTrigger;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moderators do with candidates, many at once: approve (the blog is listed with the source and the discovery as
 * its provenance, and crawled at once) or reject with a reason. Each candidate is decided in its own transaction
 * with its audit entry, so one that cannot be approved is reported and leaves the others and the registry as they
 * were.
 */
public final class CandidateReview {

    private static final Logger log = LoggerFactory.getLogger(CandidateReview.class);
    public static final int MAX_REASON = 2000;
    /** Candidates decided by one request at most. */
    public static final int MAX_BATCH = 500;

    /** The decision on one candidate, in words. */
    public record Decision(long id, String name, boolean done, String message, Long officialId, Long blogId) {}

    /** What a batch did. */
    public record Outcome(List<Decision> decisions, String problem) {
        public long done() {
            return decisions.stream().filter(Decision::done).count();
        }

        public List<Decision> refused() {
            return decisions.stream().filter(d -> !d.done()).toList();
        }

        static Outcome refused(String problem) {
            return new Outcome(List.of(), problem);
        }
    }

    /** Rolls back one candidate's transaction and carries the reason. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final CandidateDao dao;
    private final PositionTable positions;
    private final RegistryService registry;
    private final AuditLog audit;
    private final CrawlTrigger crawlTrigger;
    private final Clock clock;

    public CandidateReview(CandidateDao dao, PositionTable positions, RegistryService registry, AuditLog audit,
                           CrawlTrigger crawlTrigger, Clock clock) {
        this.dao = dao;
        this.positions = positions;
        this.registry = registry;
        this.audit = audit;
        this.crawlTrigger = crawlTrigger;
        this.clock = clock;
    }

    // ---- what moderators read

    public List<Candidate> page(CandidateFilter filter, int offset, int limit) {
        return dao.page(filter, offset, limit);
    }

    public int count(CandidateFilter filter) {
        return dao.count(filter);
    }

    public Map<CandidateStatus, Integer> countsByStatus() {
        return dao.countsByStatus();
    }

    public List<String> countries(CandidateStatus status) {
        return dao.countries(status);
    }

    public List<CandidateDao.Run> recentRuns(int limit) {
        return dao.recentRuns(limit);
    }

    public Optional<Candidate> candidate(long id) {
        return dao.byId(id);
    }

    /** The table that places positions in a level and branch, as moderators see it. */
    public PositionTable positions() {
        return positions;
    }

    /**
     * Approves candidates. {@code level} and {@code branch} (either may be null) place those whose position the table
     * does not know; a candidate of an unknown position is refused without them.
     */
    public Outcome approve(List<Long> ids, Level level, Branch branch, String actor) {
        if (ids.isEmpty()) return Outcome.refused("Tick at least one candidate to approve.");
        if (ids.size() > MAX_BATCH) return Outcome.refused("At most " + MAX_BATCH + " candidates at once.");
        List<Decision> decisions = new ArrayList<>();
        for (long id : ids) {
            Decision d;
            try {
                d = dao.jdbi().inTransaction(h -> approveOne(h, id, level, branch, actor));
            } catch (Refused r) {
                d = new Decision(id, dao.byId(id).map(Candidate::name).orElse(null), false, r.getMessage(), null, null);
            }
            decisions.add(d);
            if (d.done() && d.blogId() != null) {
                try {
                    crawlTrigger.requestCrawl(d.blogId());
                } catch (RuntimeException e) {
                    // the approval stands; the scheduled crawl will reach the blog
                    log.warn("crawl request failed blogId={} error={}", d.blogId(), e.toString());
                }
                log.info("candidate approved id={} officialId={} blogId={} actor={}", id, d.officialId(), d.blogId(), actor);
            }
        }
        return new Outcome(decisions, null);
    }

    private Decision approveOne(org.jdbi.v3.core.Handle h, long id, Level level, Branch branch, String actor) {
        Candidate c = pending(h, id);
        if (!c.positionKnown() && (level == null || branch == null)) {
            throw new Refused("#" + id + " " + c.name() + ": the position “" + c.office() + "” is not in the position"
                    + " table, so choose its level and branch before approving it.");
        }
        Evidence e = c.evidence();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", c.name());
        raw.put("office", c.office());
        raw.put("country", c.country());
        raw.put("region", c.region());
        raw.put("level", (c.positionKnown() || level == null ? c.level() : level).code());
        raw.put("branch", (c.positionKnown() || branch == null ? c.branch() : branch).code());
        raw.put("party", c.party());
        raw.put("wikidata_id", c.wikidataId());
        raw.put("in_office_from", c.inOfficeFrom());
        raw.put("in_office_to", c.inOfficeTo());
        raw.put("blog_url", e != null && e.blogUrl() != null ? e.blogUrl() : c.kind() == LinkKind.FEED ? null : c.url());
        raw.put("feed_url", e != null && e.feedUrl() != null ? e.feedUrl() : c.kind() == LinkKind.FEED ? c.url() : c.feedHint());
        raw.put("platform", e == null || e.platform() == null || e.platform().equals("other") ? null : e.platform());
        raw.put("authorship", "unknown");
        raw.put("sources", String.join(EntryValidator.SOURCE_SEPARATOR, c.sourceUrls()));
        raw.put("notes", notes(c));
        EntryValidator.Result v = EntryValidator.validate(raw);
        if (!v.ok()) throw new Refused("#" + id + " " + c.name() + " cannot be listed: " + v.summary() + ".");
        RegistryService.ListedEntry listed;
        try {
            listed = registry.list(h, v.entry(), Origin.IMPORT, "discovery candidate #" + id + ", run #" + c.lastRunId());
        } catch (RegistryService.ConflictException ex) {
            throw new Refused("#" + id + " " + c.name() + " cannot be listed: " + ex.getMessage() + ".");
        }
        if (listed.blog() == null) throw new Refused("#" + id + " " + c.name() + ": no blog address to list.");
        dao.markApproved(h, id, listed.official().id(), listed.blog().id(), actor, clock.instant());
        Candidate after = dao.byId(h, id).orElseThrow();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("candidate", after);
        snapshot.put("official", listed.official());
        snapshot.put("blog", listed.blog());
        String how = listed.result().outcome() == RegistryService.Outcome.ADDED
                ? "added as official #" + listed.official().id() : "added to official #" + listed.official().id();
        audit.record(h, actor, "candidate.approve", "candidate", id, "Approved candidate #" + id + " (" + c.name()
                + ", " + c.url() + "): " + how + ", blog #" + listed.blog().id(), c, snapshot);
        return new Decision(id, c.name(), true, "#" + id + " " + c.name() + ": " + how + ".", listed.official().id(),
                listed.blog().id());
    }

    /** Rejects candidates with a reason; they are proposed again only when stronger evidence turns up. */
    public Outcome reject(List<Long> ids, String reason, String actor) {
        String why = reason == null ? "" : reason.strip();
        if (ids.isEmpty()) return Outcome.refused("Tick at least one candidate to reject.");
        if (ids.size() > MAX_BATCH) return Outcome.refused("At most " + MAX_BATCH + " candidates at once.");
        if (why.isEmpty()) return Outcome.refused("Give a reason for rejecting: it is kept with the candidates and shown if they come back.");
        if (why.length() > MAX_REASON) return Outcome.refused("The reason is too long (" + why.length() + " characters; at most " + MAX_REASON + ").");
        if (why.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r')) {
            return Outcome.refused("The reason contains a control character; please retype it.");
        }
        List<Decision> decisions = new ArrayList<>();
        for (long id : ids) {
            try {
                decisions.add(dao.jdbi().inTransaction(h -> {
                    Candidate c = pending(h, id);
                    dao.markRejected(h, c, why, actor, clock.instant());
                    audit.record(h, actor, "candidate.reject", "candidate", id, "Rejected candidate #" + id + " ("
                            + c.name() + ", " + c.url() + ")", c, dao.byId(h, id).orElseThrow());
                    return new Decision(id, c.name(), true, "#" + id + " " + c.name() + ": rejected.", null, null);
                }));
            } catch (Refused r) {
                decisions.add(new Decision(id, dao.byId(id).map(Candidate::name).orElse(null), false, r.getMessage(), null, null));
            }
        }
        log.info("candidates rejected count={} actor={}", decisions.stream().filter(Decision::done).count(), actor);
        return new Outcome(decisions, null);
    }

    private Candidate pending(org.jdbi.v3.core.Handle h, long id) {
        Optional<Candidate> c = dao.byId(h, id);
        if (c.isEmpty()) throw new Refused("There is no candidate number " + id + ".");
        if (c.get().status() != CandidateStatus.PENDING) {
            throw new Refused("#" + id + " " + c.get().name() + " was already " + c.get().status().label().toLowerCase(java.util.Locale.ROOT)
                    + (c.get().decidedBy() == null ? "" : " by " + c.get().decidedBy()) + ".");
        }
        return c.get();
    }

    /** The blog's notes: where it was found and what the check saw, so the listing explains itself. */
    static String notes(Candidate c) {
        StringBuilder s = new StringBuilder("Found by discovery (run #").append(c.lastRunId()).append(", candidate #")
                .append(c.id()).append(") in ").append(c.source() == CandidateSource.WIKIDATA
                        ? "Wikidata item " + c.wikidataId() : "the Popolo file " + (c.sourceFile() != null ? c.sourceFile()
                                : String.join(", ", c.sourceUrls())))
                .append(" as the ").append(c.kind().label()).append(' ').append(c.url()).append('.');
        Evidence e = c.evidence();
        if (e != null && e.outcome() == Evidence.Outcome.FEED) {
            s.append(" Checked ").append(c.checkedAt() == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(
                    c.checkedAt().atZone(java.time.ZoneOffset.UTC))).append(": feed ").append(e.feedUrl())
                    .append(" (").append(e.foundVia()).append("), ").append(e.posts90d()).append(" posts in 90 days");
            if (e.byline() != null) s.append(", ").append(e.byline().label());
            if (e.comments() != null) s.append(", ").append(e.comments().label());
            s.append('.');
        }
        if (!c.otherPositions().isEmpty()) s.append(" Other positions: ").append(String.join("; ", c.otherPositions())).append('.');
        return s.toString();
    }
}
