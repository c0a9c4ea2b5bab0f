package org.officialblogs.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moderators do: approve a submission (through {@link RegistryService#upsert} with {@link Origin#SUBMISSION},
 * listing the blog and asking for its first crawl at once), edit it first, merge it into a listed entry, reject it
 * with a reason the submitter sees; edit any official or blog, and ask for a recrawl. Every action is written to
 * the {@link AuditLog} in the transaction that makes it.
 */
public final class ModerationService {

    private static final Logger log = LoggerFactory.getLogger(ModerationService.class);

    public static final int MAX_REASON = 2000;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_ALIAS = 200;

    /** The outcome of an action: errors keyed by form field (empty when done), and a sentence for the moderator. */
    public record Result(Map<String, String> errors, String message, Long officialId, Long blogId) {
        public boolean ok() {
            return errors.isEmpty();
        }

        static Result fail(String field, String message) {
            return new Result(Map.of(field, message), message, null, null);
        }

        static Result fail(Map<String, String> errors) {
            return new Result(Map.copyOf(errors), "Nothing was saved: please correct the fields marked.", null, null);
        }
    }

    /** A pending submission with what it repeats now. */
    public record QueueItem(Submission submission, List<Duplicate> duplicates) {}

    /** A blog as a moderator edits it: the record and its reply-detection aliases. */
    public record BlogSnapshot(Blog blog, List<String> aliases) {}

    /** Rolls back a transaction and carries the result to show. */
    private static final class Refused extends RuntimeException {
        final transient Result result;

        Refused(Result result) {
            super(result.message(), null, false, false);
            this.result = result;
        }
    }

    private final SubmissionDao submissions;
    private final RegistryDao registry;
    private final RegistryService registryService;
    private final ModerationDao moderation;
    private final AuditLog audit;
    private final CrawlTrigger crawlTrigger;
    private final DuplicateFinder duplicates;
    private final Clock clock;

    public ModerationService(SubmissionDao submissions, RegistryDao registry, RegistryService registryService,
                             ModerationDao moderation, AuditLog audit, CrawlTrigger crawlTrigger, Clock clock) {
        this.submissions = submissions;
        this.registry = registry;
        this.registryService = registryService;
        this.moderation = moderation;
        this.audit = audit;
        this.crawlTrigger = crawlTrigger;
        this.duplicates = new DuplicateFinder(registry, submissions);
        this.clock = clock;
    }

    public List<QueueItem> queue(int limit) {
        return submissions.pending(limit).stream().map(this::withDuplicates).toList();
    }

    public int countPending() {
        return submissions.countPending();
    }

    public Optional<QueueItem> submission(long id) {
        return submissions.byId(id).map(this::withDuplicates);
    }

    private QueueItem withDuplicates(Submission s) {
        if (s.status() != SubmissionStatus.PENDING || s.kind() == SubmissionKind.EVIDENCE) return new QueueItem(s, List.of());
        return new QueueItem(s, duplicates.find(s.entry(), s.preview() == null ? null : s.preview().feedUrl(), s.id()));
    }

    /** Saves a moderator's edits of a pending submission's entry (fields named as the registry CSV's columns). */
    public Result edit(long id, Map<String, String> fields, String actor) {
        return run(h -> {
            Submission s = pending(h, id);
            saveEdits(h, s, fields, actor);
            return new Result(Map.of(), "Changes saved.", null, null);
        });
    }

    /**
     * Approves a pending submission, after saving {@code edits} when given. {@code mergeInto} names a listed official
     * to add the blog and evidence to (for EVIDENCE submissions it defaults to their target); otherwise the entry is
     * added or, when its blog or official is known, updated. The blog is listed (ACTIVE) and its crawl requested.
     */
    public Result approve(long id, Map<String, String> edits, Long mergeInto, String actor) {
        Result r = run(h -> {
            Submission s = pending(h, id);
            if (edits != null) s = saveEdits(h, s, edits, actor);
            Long targetId = mergeInto != null ? mergeInto : s.kind() == SubmissionKind.EVIDENCE ? s.officialId() : null;
            RegistryEntry entry;
            if (targetId != null) {
                Official target = registry.officialById(h, targetId).orElseThrow(() -> new Refused(
                        Result.fail("official_id", "There is no official number " + (mergeInto != null ? mergeInto : "") + " to merge into.")));
                entry = intoOfficial(target, s);
            } else {
                entry = proposedEntry(s);
            }
            RegistryService.UpsertResult up;
            try {
                up = registryService.upsert(h, entry, Origin.SUBMISSION, "submission #" + s.id());
            } catch (RegistryService.ConflictException e) {
                throw new Refused(Result.fail("blog_url", "Cannot approve: " + e.getMessage() + "."));
            }
            Blog blog = up.blogId() == null ? null : moderation.blogById(h, up.blogId()).orElse(null);
            if (blog != null && blog.address() != null
                    && (blog.status() == ListingStatus.PENDING || blog.status() == ListingStatus.LEAD)) {
                blog = withStatus(blog, ListingStatus.ACTIVE);
                registry.updateBlog(h, blog, clock.instant());
                blog = moderation.blogById(h, blog.id()).orElseThrow();
            }
            submissions.markApproved(h, s.id(), up.officialId(), up.blogId(), actor, clock.instant());
            Submission after = submissions.byId(h, s.id()).orElseThrow();
            Official official = registry.officialById(h, up.officialId()).orElseThrow();
            Map<String, Object> afterSnapshot = new LinkedHashMap<>();
            afterSnapshot.put("submission", after);
            afterSnapshot.put("official", official);
            afterSnapshot.put("blog", blog);
            String how = targetId != null ? "merged into official #" + targetId : up.outcome() == RegistryService.Outcome.ADDED
                    ? "added as official #" + up.officialId() : "updated official #" + up.officialId();
            audit.record(h, actor, mergeInto != null ? "submission.merge" : "submission.approve", "submission", s.id(),
                    "Approved submission #" + s.id() + " (" + s.entry().name() + "): " + how, s, afterSnapshot);
            return new Result(Map.of(), "Approved: " + how + ".", up.officialId(), blog != null && blog.address() != null ? blog.id() : null);
        });
        if (r.ok() && r.blogId() != null) requestCrawl(r.blogId());
        if (r.ok()) log.info("submission approved id={} officialId={} blogId={} actor={}", id, r.officialId(), r.blogId(), actor);
        return r;
    }

    /** Rejects a pending submission; the reason is shown to the submitter on their status page. */
    public Result reject(long id, String reason, String actor) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) return Result.fail("reason", "Please give a reason: the submitter will see it.");
        if (why.length() > MAX_REASON) return Result.fail("reason", "The reason is too long (" + why.length() + " characters; at most " + MAX_REASON + ").");
        if (why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            return Result.fail("reason", "The reason contains a control character; please retype it.");
        }
        return run(h -> {
            Submission s = pending(h, id);
            submissions.markRejected(h, id, why, actor, clock.instant());
            audit.record(h, actor, "submission.reject", "submission", id, "Rejected submission #" + id + " (" + s.entry().name() + ")",
                    s, submissions.byId(h, id).orElseThrow());
            log.info("submission rejected id={} actor={}", id, actor);
            return new Result(Map.of(), "Rejected. The submitter will see the reason.", null, null);
        });
    }

    /** Edits an official (fields named as the registry CSV's columns: name, office, country, ..., in_office_to). */
    public Result editOfficial(long officialId, Map<String, String> fields, String actor) {
        return run(h -> {
            Official before = registry.officialById(h, officialId).orElseThrow(() -> new Refused(
                    Result.fail("name", "There is no official number " + officialId + ".")));
            Map<String, String> raw = new LinkedHashMap<>();
            for (String f : List.of("name", "office", "country", "region", "locality", "level", "branch", "party",
                    "wikidata_id", "in_office_from", "in_office_to")) raw.put(f, fields.getOrDefault(f, ""));
            EntryValidator.Result v = EntryValidator.validate(raw);
            if (!v.ok()) throw new Refused(Result.fail(v.errors()));
            RegistryEntry e = v.entry();
            registry.officialByIdentityKey(h, e.identityKey()).filter(o -> o.id() != officialId).ifPresent(o -> {
                throw new Refused(Result.fail("name", "Official #" + o.id() + " (" + o.name()
                        + ") already has this name, country and office; merge them instead of making two the same."));
            });
            Official after = new Official(officialId, e.name(), e.office(), e.country(), e.region(), e.locality(), e.level(),
                    e.branch(), e.party(), e.wikidataId(), e.inOfficeFrom(), e.inOfficeTo(), before.origin(),
                    before.originRef(), before.createdAt(), before.updatedAt());
            if (after.equals(before)) return new Result(Map.of(), "Nothing changed.", officialId, null);
            registry.updateOfficial(h, after, clock.instant());
            Official saved = registry.officialById(h, officialId).orElseThrow();
            audit.record(h, actor, "official.edit", "official", officialId, "Edited official #" + officialId + " (" + saved.name() + ")",
                    before, saved);
            return new Result(Map.of(), "Official saved.", officialId, null);
        });
    }

    /**
     * Edits a blog: site_url, feed_url, platform, language, authorship, status, active_years, notes, and aliases
     * (one per line: the names the official replies to comments under).
     */
    public Result editBlog(long blogId, Map<String, String> fields, String actor) {
        return run(h -> {
            Blog before = moderation.blogById(h, blogId).orElseThrow(() -> new Refused(
                    Result.fail("site_url", "There is no blog number " + blogId + ".")));
            Official official = registry.officialById(h, before.officialId()).orElseThrow();
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, String> raw = new LinkedHashMap<>();
            raw.put("name", official.name());
            raw.put("country", official.country());
            raw.put("level", official.level().code());
            raw.put("branch", official.branch().code());
            raw.put("blog_url", fields.getOrDefault("site_url", ""));
            for (String f : List.of("feed_url", "platform", "language", "authorship", "active_years", "notes")) {
                raw.put(f, fields.getOrDefault(f, ""));
            }
            EntryValidator.Result v = EntryValidator.validate(raw);
            v.errors().forEach((k, m) -> errors.put(k.equals("blog_url") ? "site_url" : k, m));
            ListingStatus status = ListingStatus.parse(fields.getOrDefault("status", "")).orElse(null);
            if (status == null) errors.put("status", "choose one of: " + String.join(", ", List.of(ListingStatus.values()).stream().map(ListingStatus::code).toList()));
            List<String> aliases = aliases(fields.getOrDefault("aliases", ""), errors);
            if (!errors.isEmpty()) throw new Refused(Result.fail(errors));
            RegistryEntry e = v.entry();
            if (status != ListingStatus.LEAD && e.blogUrl() == null && e.feedUrl() == null) {
                throw new Refused(Result.fail("status", "A blog that is not a lead needs a site or feed address."));
            }
            List<String> keys = DuplicateFinder.urlKeys(e, null);
            for (Blog other : registry.blogsByUrlKeys(h, keys)) {
                if (other.id() == blogId) continue;
                boolean site = HttpUrls.key(e.blogUrl()).map(k -> k.equals(HttpUrls.key(other.siteUrl()).orElse(null))
                        || k.equals(HttpUrls.key(other.feedUrl()).orElse(null))).orElse(false);
                throw new Refused(Result.fail(site ? "site_url" : "feed_url", "This address is already used by blog #"
                        + other.id() + " (official #" + other.officialId() + ")."));
            }
            Blog after = new Blog(blogId, before.officialId(), e.blogUrl(), e.feedUrl(), e.platform(), e.language(),
                    e.authorship(), e.activeYears(), status, e.notes(), before.origin(), before.originRef(),
                    before.createdAt(), before.updatedAt());
            BlogSnapshot was = new BlogSnapshot(before, moderation.aliases(h, blogId));
            if (after.equals(before) && was.aliases().equals(aliases)) return new Result(Map.of(), "Nothing changed.", before.officialId(), blogId);
            registry.updateBlog(h, after, clock.instant());
            moderation.replaceAliases(h, blogId, aliases);
            BlogSnapshot now = new BlogSnapshot(moderation.blogById(h, blogId).orElseThrow(), moderation.aliases(h, blogId));
            audit.record(h, actor, "blog.edit", "blog", blogId, "Edited blog #" + blogId + " of " + official.name(), was, now);
            return new Result(Map.of(), "Blog saved.", before.officialId(), blogId);
        });
    }

    /** Asks the crawler to fetch a listed blog now. */
    public Result recrawl(long blogId, String actor) {
        Result r = run(h -> {
            Blog b = moderation.blogById(h, blogId).orElseThrow(() -> new Refused(
                    Result.fail("blog", "There is no blog number " + blogId + ".")));
            if (b.address() == null) throw new Refused(Result.fail("blog", "This blog has no address yet, so there is nothing to crawl."));
            audit.record(h, actor, "blog.recrawl", "blog", blogId, "Asked for a crawl of blog #" + blogId + " (" + b.address() + ")",
                    null, null);
            return new Result(Map.of(), "A crawl of this blog has been requested.", b.officialId(), blogId);
        });
        if (r.ok()) requestCrawl(blogId);
        return r;
    }

    public List<String> aliases(long blogId) {
        return moderation.aliases(blogId);
    }

    private void requestCrawl(long blogId) {
        try {
            crawlTrigger.requestCrawl(blogId);
        } catch (RuntimeException e) {
            // the approval stands; the scheduled crawl will still reach the blog
            log.warn("crawl request failed blogId={} error={}", blogId, e.toString());
        }
    }

    private Result run(java.util.function.Function<Handle, Result> action) {
        try {
            return submissions.jdbi().inTransaction(action::apply);
        } catch (Refused r) {
            return r.result;
        }
    }

    private Submission pending(Handle h, long id) {
        Submission s = submissions.byId(h, id).orElseThrow(() -> new Refused(Result.fail("submission", "There is no submission number " + id + ".")));
        if (s.status() != SubmissionStatus.PENDING) {
            throw new Refused(Result.fail("submission", "Submission #" + id + " was already " + s.status().code()
                    + (s.decidedBy() == null ? "" : " by " + s.decidedBy()) + "."));
        }
        return s;
    }

    private Submission saveEdits(Handle h, Submission s, Map<String, String> fields, String actor) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String c : EntryValidator.COLUMNS) raw.put(c, fields.getOrDefault(c, ""));
        EntryValidator.Result v = EntryValidator.validate(raw);
        Map<String, String> errors = new LinkedHashMap<>(v.errors());
        if (v.ok() && v.entry().sources().isEmpty()) errors.put("sources", "keep at least one source as the evidence");
        if (!errors.isEmpty()) throw new Refused(Result.fail(errors));
        if (v.entry().equals(s.entry())) return s;
        submissions.updateEntry(h, s.id(), v.entry());
        Submission after = submissions.byId(h, s.id()).orElseThrow();
        audit.record(h, actor, "submission.edit", "submission", s.id(), "Edited submission #" + s.id() + " before deciding", s, after);
        return after;
    }

    /** The entry a submission proposes, completed with what the feed check found. */
    static RegistryEntry proposedEntry(Submission s) {
        RegistryEntry e = s.entry();
        BlogPreviewer.Preview p = s.preview();
        String feed = e.feedUrl();
        if (feed == null && p != null && p.feedUrl() != null && HttpUrls.parseHttpUrl(p.feedUrl()).isPresent()
                && !HttpUrls.key(p.feedUrl()).equals(HttpUrls.key(e.blogUrl()))) {
            feed = p.feedUrl();
        }
        String platform = e.platform();
        if (platform == null && p != null && p.platform() != null && !p.platform().isBlank()) {
            platform = p.platform().strip().toLowerCase(Locale.ROOT);
            if (platform.length() > 40) platform = platform.substring(0, 40);
        }
        return new RegistryEntry(e.name(), e.office(), e.country(), e.region(), e.locality(), e.level(), e.branch(),
                e.party(), e.wikidataId(), e.inOfficeFrom(), e.inOfficeTo(), e.blogUrl(), feed, platform, e.language(),
                e.authorship(), e.activeYears(), e.sources(), e.notes());
    }

    /** The submission's blog and evidence as an entry of a listed official (the official's own fields stay). */
    static RegistryEntry intoOfficial(Official o, Submission s) {
        RegistryEntry e = proposedEntry(s);
        return new RegistryEntry(o.name(), o.office(), o.country(), o.region(), o.locality(), o.level(), o.branch(),
                o.party(), o.wikidataId(), o.inOfficeFrom(), o.inOfficeTo(), e.blogUrl(), e.feedUrl(), e.platform(),
                e.language(), e.authorship(), e.activeYears(), e.sources(), e.notes());
    }

    private static Blog withStatus(Blog b, ListingStatus status) {
        return new Blog(b.id(), b.officialId(), b.siteUrl(), b.feedUrl(), b.platform(), b.language(), b.authorship(),
                b.activeYears(), status, b.notes(), b.origin(), b.originRef(), b.createdAt(), b.updatedAt());
    }

    private static List<String> aliases(String text, Map<String, String> errors) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String a = line.strip();
            if (a.isEmpty()) continue;
            if (a.chars().anyMatch(Character::isISOControl)) {
                errors.put("aliases", "an alias contains a control character; please retype it");
                return List.of();
            }
            if (a.length() > MAX_ALIAS) {
                errors.put("aliases", "an alias is too long (" + a.length() + " characters; at most " + MAX_ALIAS + ")");
                return List.of();
            }
            if (seen.add(a.toLowerCase(Locale.ROOT))) out.add(a);
        }
        if (out.size() > MAX_ALIASES) errors.put("aliases", "at most " + MAX_ALIASES + " aliases, one per line");
        return List.copyOf(out);
    }

    /** Where a moderator looks for an entry to edit. */
    public List<Official> findOfficials(String text, int limit) {
        return moderation.searchOfficials(text, limit);
    }
}
