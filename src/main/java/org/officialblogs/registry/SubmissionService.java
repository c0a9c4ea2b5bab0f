package org.officialblogs.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialblogs.auth.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes submissions from civic groups: checks the fields, looks at the blog (through the {@link BlogPreviewer}),
 * finds duplicates, and stores the submission with a private status token. Knows nothing of HTTP.
 */
public final class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    /** What a submitter sees before saving: errors, or the proposal with what the check found and the duplicates. */
    public record Check(SubmissionInput input, Map<String, String> errors, SubmissionValidator.Proposal proposal,
                        BlogPreviewer.Preview preview, List<Duplicate> duplicates) {
        public boolean ok() {
            return errors.isEmpty();
        }

        /** True when a duplicate stops the submission (the same blog is listed or pending). */
        public boolean blocked() {
            return duplicates.stream().anyMatch(Duplicate::blocking);
        }
    }

    /** The outcome of submitting. */
    public sealed interface Outcome permits Invalid, Blocked, Created {}

    /** Fields are wrong; the check carries the errors. */
    public record Invalid(Check check) implements Outcome {}

    /** The blog is already listed or pending; the check carries the duplicates. */
    public record Blocked(Check check) implements Outcome {}

    /** Saved: the token of the private status link (shown once, only its hash is stored) and the submission. */
    public record Created(String token, Submission submission) implements Outcome {}

    /** A status page: one submission, or the rows of a bulk upload. */
    public record Status(String title, Instant submittedAt, List<Submission> submissions) {}

    private final SubmissionDao dao;
    private final RegistryDao registry;
    private final BulkUploadDao bulk;
    private final DuplicateFinder duplicates;
    private final BlogPreviewer previewer;
    private final SecretTokens tokens;
    private final Clock clock;

    public SubmissionService(SubmissionDao dao, RegistryDao registry, BulkUploadDao bulk, BlogPreviewer previewer,
                             SecretTokens tokens, Clock clock) {
        this.dao = dao;
        this.registry = registry;
        this.bulk = bulk;
        this.duplicates = new DuplicateFinder(registry, dao);
        this.previewer = previewer;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Validates, previews and looks for duplicates, without saving anything. */
    public Check check(SubmissionInput in) {
        SubmissionValidator.Result r = SubmissionValidator.validate(in);
        if (!r.ok()) return new Check(in, r.errors(), null, null, List.of());
        BlogPreviewer.Preview preview = preview(r.proposal().entry().blogUrl());
        return new Check(in, Map.of(), r.proposal(), preview,
                duplicates.find(r.proposal().entry(), preview.feedUrl(), null));
    }

    /** Checks again (never trusting what the preview page carried) and saves unless a duplicate stops it. */
    public Outcome submit(SubmissionInput in) {
        Check c = check(in);
        if (!c.ok()) return new Invalid(c);
        return dao.jdbi().inTransaction(h -> {
            // looked up again inside the write transaction, so two identical submissions racing cannot both pass
            List<Duplicate> now = duplicates.find(h, c.proposal().entry(), c.preview().feedUrl(), null);
            Check checked = new Check(in, Map.of(), c.proposal(), c.preview(), now);
            if (checked.blocked()) return new Blocked(checked);
            String token = tokens.generate();
            long id = dao.insert(h, new SubmissionDao.NewRow(SubmissionKind.NEW, c.proposal().entry(),
                    c.proposal().submitter(), c.proposal().note(), c.preview(), SecretTokens.hash(token), null, null,
                    null, clock.instant()));
            log.info("submission received id={} kind=new country={} feedFound={}", id, c.proposal().entry().country(),
                    c.preview().feedFound());
            return new Created(token, dao.byId(h, id).orElseThrow());
        });
    }

    /** Saves the submitter's evidence for an entry already listed, for a moderator to add as a source. */
    public Outcome submitEvidence(long officialId, SubmissionInput in) {
        Optional<Official> official = registry.officialById(officialId);
        if (official.isEmpty()) {
            return new Invalid(new Check(in, Map.of("name", "the entry you chose is no longer in the directory"), null, null, List.of()));
        }
        SubmissionValidator.Result r = SubmissionValidator.validateEvidence(in, official.get());
        if (!r.ok()) return new Invalid(new Check(in, r.errors(), null, null, List.of()));
        String token = tokens.generate();
        return dao.jdbi().inTransaction(h -> {
            long id = dao.insert(h, new SubmissionDao.NewRow(SubmissionKind.EVIDENCE, r.proposal().entry(),
                    r.proposal().submitter(), r.proposal().note(), null, SecretTokens.hash(token), null, null, officialId,
                    clock.instant()));
            log.info("submission received id={} kind=evidence officialId={}", id, officialId);
            return new Created(token, dao.byId(h, id).orElseThrow());
        });
    }

    /** The status behind a private link: a single submission's, or a bulk upload's rows. */
    public Optional<Status> status(String token) {
        if (!SecretTokens.looksLikeToken(token)) return Optional.empty();
        String hash = SecretTokens.hash(token);
        Optional<Submission> one = dao.byTokenHash(hash);
        if (one.isPresent()) {
            Submission s = one.get();
            return Optional.of(new Status(s.entry().name(), s.createdAt(), List.of(s)));
        }
        return bulk.byStatusTokenHash(hash).map(u -> new Status("Bulk upload " + u.filename(), u.committedAt(),
                dao.ofBulkUpload(u.id())));
    }

    BlogPreviewer.Preview preview(String address) {
        try {
            BlogPreviewer.Preview p = previewer.preview(address);
            return p != null ? p : BlogPreviewer.Preview.notFound("The feed check gave no answer.");
        } catch (RuntimeException e) {
            log.warn("blog preview failed url={} error={}", address, e.toString());
            return BlogPreviewer.Preview.notFound("The feed check failed unexpectedly, so the address was not checked. "
                    + "You can still submit it: a moderator will look at the blog by hand.");
        }
    }
}
