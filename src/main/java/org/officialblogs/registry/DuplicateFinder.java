package org.officialblogs.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Finds what a proposed entry repeats, in the registry and among pending submissions: the same blog (its
 * address, its feed, or the feed the check found, compared by {@link HttpUrls} key) or the same official
 * ({@link RegistryEntry#identityKey()}).
 */
public final class DuplicateFinder {

    private final RegistryDao registry;
    private final SubmissionDao submissions;

    public DuplicateFinder(RegistryDao registry, SubmissionDao submissions) {
        this.registry = registry;
        this.submissions = submissions;
    }

    /** The comparison keys of every address a proposal names. */
    static List<String> urlKeys(RegistryEntry e, String foundFeedUrl) {
        Set<String> keys = new LinkedHashSet<>();
        HttpUrls.key(e.blogUrl()).ifPresent(keys::add);
        HttpUrls.key(e.feedUrl()).ifPresent(keys::add);
        HttpUrls.key(foundFeedUrl).ifPresent(keys::add);
        return List.copyOf(keys);
    }

    public List<Duplicate> find(RegistryEntry e, String foundFeedUrl, Long excludeSubmissionId) {
        return registry.jdbi().withHandle(h -> find(h, e, foundFeedUrl, excludeSubmissionId));
    }

    public List<Duplicate> find(Handle h, RegistryEntry e, String foundFeedUrl, Long excludeSubmissionId) {
        List<Duplicate> out = new ArrayList<>();
        List<String> keys = urlKeys(e, foundFeedUrl);
        Set<Long> officials = new HashSet<>();
        for (Blog b : registry.blogsByUrlKeys(h, keys)) {
            Optional<Official> o = registry.officialById(h, b.officialId());
            if (o.isEmpty()) continue;
            officials.add(o.get().id());
            out.add(new Duplicate(Duplicate.Kind.LISTED_BLOG, o.get().id(), b.id(), null, o.get().name(), o.get().office(),
                    b.address(), "This blog is already in the directory, listed for " + o.get().name() + "."));
        }
        registry.officialByIdentityKey(h, e.identityKey()).filter(o -> !officials.contains(o.id())).ifPresent(o ->
                out.add(new Duplicate(Duplicate.Kind.LISTED_OFFICIAL, o.id(), null, null, o.name(), o.office(), null,
                        "This official is already in the directory (same name, country and office). If this is another "
                                + "blog of theirs, you can still submit it; if it is the same blog, add your evidence to the entry.")));
        for (Submission s : submissions.pendingMatching(h, keys, e.identityKey(), excludeSubmissionId)) {
            boolean sameBlog = urlKeys(s.entry(), s.preview() == null ? null : s.preview().feedUrl()).stream().anyMatch(keys::contains);
            String when = s.createdAt().toString().substring(0, 10);
            out.add(new Duplicate(sameBlog ? Duplicate.Kind.PENDING_BLOG : Duplicate.Kind.PENDING_OFFICIAL, null, null,
                    s.id(), s.entry().name(), s.entry().office(), s.address(), sameBlog
                            ? "This blog was already submitted on " + when + " and is waiting for a moderator."
                            : "This official was already submitted on " + when + " (with another address) and is waiting for a moderator."));
        }
        return List.copyOf(out);
    }
}
