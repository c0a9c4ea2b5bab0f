package org.officialblogs.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Adds entries to the registry without ever listing the same blog twice: an entry whose blog address (site or
 * feed, normalised) or whose official (same name, country and office) is known updates that record instead.
 */
public final class RegistryService {

    /** What happened to one entry. */
    public enum Outcome { ADDED, UPDATED, UNCHANGED }

    /** The outcome and the official it concerns. */
    public record UpsertResult(Outcome outcome, long officialId, Long blogId) {}

    /** Thrown when an entry cannot be stored because it contradicts the registry; the message says how. */
    public static final class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }

    private final RegistryDao dao;
    private final Clock clock;

    public RegistryService(RegistryDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    /** Adds or updates one entry in its own transaction. */
    public UpsertResult upsert(RegistryEntry entry, Origin origin, String originRef) {
        return dao.jdbi().inTransaction(h -> upsert(h, entry, origin, originRef));
    }

    /** Adds or updates one entry inside the caller's transaction. */
    public UpsertResult upsert(Handle h, RegistryEntry e, Origin origin, String originRef) {
        Instant now = clock.instant();
        List<String> keys = new ArrayList<>();
        HttpUrls.key(e.blogUrl()).ifPresent(keys::add);
        HttpUrls.key(e.feedUrl()).ifPresent(keys::add);
        List<Blog> byUrl = dao.blogsByUrlKeys(h, keys);
        if (byUrl.size() > 1) {
            throw new ConflictException("the blog address and the feed address belong to two different entries (blogs "
                    + byUrl.stream().map(b -> "#" + b.id()).toList() + ")");
        }
        Optional<Blog> existingBlog = byUrl.stream().findFirst();
        Optional<Official> official = existingBlog.isPresent()
                ? dao.officialById(h, existingBlog.get().officialId())
                : dao.officialByIdentityKey(h, e.identityKey());

        if (official.isEmpty()) {
            long officialId = dao.insertOfficial(h, e, origin, originRef, now);
            long blogId = dao.insertBlog(h, officialId, newBlog(e, origin, originRef, now), now);
            addSources(h, officialId, blogId, e, origin, originRef, now);
            return new UpsertResult(Outcome.ADDED, officialId, blogId);
        }

        Official o = official.get();
        boolean changed = false;
        Official merged = mergeOfficial(o, e);
        if (!merged.equals(o)) {
            Optional<Official> clash = dao.officialByIdentityKey(h, e.identityKey());
            if (clash.isPresent() && clash.get().id() != o.id()) {
                throw new ConflictException("this blog is listed for official #" + o.id() + " (" + o.name()
                        + ") but the row names another listed official, #" + clash.get().id());
            }
            dao.updateOfficial(h, merged, now);
            changed = true;
        }

        Long blogId;
        if (existingBlog.isPresent()) {
            Blog b = existingBlog.get();
            Blog mb = mergeBlog(b, e);
            if (!mb.equals(b)) {
                dao.updateBlog(h, mb, now);
                changed = true;
            }
            blogId = b.id();
        } else {
            List<Blog> blogs = RegistryDao.blogsOf(h, o.id());
            Optional<Blog> lead = blogs.stream().filter(b -> b.status() == ListingStatus.LEAD).findFirst();
            if (e.isLead()) {
                blogId = blogs.isEmpty() ? Long.valueOf(dao.insertBlog(h, o.id(), newBlog(e, origin, originRef, now), now))
                        : Long.valueOf(lead.orElse(blogs.get(0)).id());
                changed |= blogs.isEmpty();
            } else if (lead.isPresent()) {
                Blog upgraded = mergeBlog(lead.get(), e);
                dao.updateBlog(h, upgraded, now);
                blogId = lead.get().id();
                changed = true;
            } else {
                blogId = dao.insertBlog(h, o.id(), newBlog(e, origin, originRef, now), now);
                changed = true;
            }
        }
        changed |= addSources(h, o.id(), blogId, e, origin, originRef, now);
        return new UpsertResult(changed ? Outcome.UPDATED : Outcome.UNCHANGED, o.id(), blogId);
    }

    /** An entry listed from elsewhere: what the upsert did, and the official and blog as they are now. */
    public record ListedEntry(UpsertResult result, Official official, Blog blog) {}

    /**
     * Adds or updates an entry a moderator approved from outside the registry (a discovery candidate) inside the
     * caller's transaction, and lists its blog (ACTIVE) so the crawler takes it up.
     */
    public ListedEntry list(Handle h, RegistryEntry e, Origin origin, String originRef) {
        UpsertResult up = upsert(h, e, origin, originRef);
        Blog blog = up.blogId() == null ? null : RegistryDao.blogsOf(h, up.officialId()).stream()
                .filter(b -> b.id() == up.blogId()).findFirst().orElse(null);
        if (blog != null && blog.address() != null
                && (blog.status() == ListingStatus.PENDING || blog.status() == ListingStatus.LEAD || blog.status() == ListingStatus.REJECTED)) {
            Blog listed = new Blog(blog.id(), blog.officialId(), blog.siteUrl(), blog.feedUrl(), blog.platform(),
                    blog.language(), blog.authorship(), blog.activeYears(), ListingStatus.ACTIVE, blog.notes(), blog.origin(),
                    blog.originRef(), blog.createdAt(), blog.updatedAt());
            dao.updateBlog(h, listed, clock.instant());
            blog = RegistryDao.blogsOf(h, up.officialId()).stream().filter(b -> b.id() == up.blogId()).findFirst().orElseThrow();
        }
        return new ListedEntry(up, dao.officialById(h, up.officialId()).orElseThrow(), blog);
    }

    /**
     * Sets an official's Wikidata item inside the caller's transaction; returns the official before and after, or
     * empty when there is no such official.
     */
    public Optional<Official[]> setWikidataId(Handle h, long officialId, String wikidataId) {
        Optional<Official> before = dao.officialById(h, officialId);
        if (before.isEmpty()) return Optional.empty();
        Official o = before.get();
        Official after = new Official(o.id(), o.name(), o.office(), o.country(), o.region(), o.locality(), o.level(),
                o.branch(), o.party(), wikidataId, o.inOfficeFrom(), o.inOfficeTo(), o.origin(), o.originRef(),
                o.createdAt(), o.updatedAt());
        dao.updateOfficial(h, after, clock.instant());
        return Optional.of(new Official[] {o, dao.officialById(h, officialId).orElseThrow()});
    }

    private boolean addSources(Handle h, long officialId, Long blogId, RegistryEntry e, Origin origin, String ref, Instant now) {
        boolean any = false;
        for (String url : e.sources()) any |= dao.addSource(h, officialId, blogId, url, origin, ref, now);
        return any;
    }

    /** Status for a new blog from an import: listed (and crawled) when it has an address, else a lead. */
    private static Blog newBlog(RegistryEntry e, Origin origin, String ref, Instant now) {
        ListingStatus status = e.isLead() ? ListingStatus.LEAD : origin == Origin.SUBMISSION ? ListingStatus.PENDING : ListingStatus.ACTIVE;
        return new Blog(0, 0, e.blogUrl(), e.feedUrl(), e.platform(), e.language(), e.authorship(), e.activeYears(),
                status, e.notes(), origin, ref, now, now);
    }

    /** Incoming non-empty values win; empty ones never erase what is known. */
    private static Official mergeOfficial(Official o, RegistryEntry e) {
        // a variant spelling (case, spacing, accents) of the same name or office keeps the stored form
        String name = RegistryEntry.fold(e.name()).equals(RegistryEntry.fold(o.name())) ? o.name() : e.name();
        String office = e.office().isEmpty() || RegistryEntry.fold(e.office()).equals(RegistryEntry.fold(o.office()))
                ? o.office() : e.office();
        return new Official(o.id(), name, office, e.country(),
                or(e.region(), o.region()), or(e.locality(), o.locality()), e.level(), e.branch(), or(e.party(), o.party()),
                or(e.wikidataId(), o.wikidataId()), or(e.inOfficeFrom(), o.inOfficeFrom()), or(e.inOfficeTo(), o.inOfficeTo()),
                o.origin(), o.originRef(), o.createdAt(), o.updatedAt());
    }

    private static Blog mergeBlog(Blog b, RegistryEntry e) {
        String site = or(e.blogUrl(), b.siteUrl());
        String feed = or(e.feedUrl(), b.feedUrl());
        ListingStatus status = b.status();
        if (status == ListingStatus.LEAD && (site != null || feed != null)) status = ListingStatus.ACTIVE;
        Authorship authorship = e.authorship() == Authorship.UNKNOWN ? b.authorship() : e.authorship();
        return new Blog(b.id(), b.officialId(), site, feed, or(e.platform(), b.platform()), or(e.language(), b.language()),
                authorship, or(e.activeYears(), b.activeYears()), status, or(e.notes(), b.notes()), b.origin(),
                b.originRef(), b.createdAt(), b.updatedAt());
    }

    private static String or(String incoming, String existing) {
        return incoming != null && !incoming.isBlank() ? incoming : existing;
    }

    /** For callers that compare values: equal ignoring null vs empty. */
    static boolean same(String a, String b) {
        return Objects.equals(a == null || a.isEmpty() ? null : a, b == null || b.isEmpty() ? null : b);
    }
}
