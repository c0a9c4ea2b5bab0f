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

    /**
     * A submission's fields checked, with no I/O yet: the proposal, or the errors. What a caller does between this
     * and {@link #submit(Validated)} (counting the attempt against a limit) happens before anything is fetched.
     */
    public record Validated(SubmissionInput input, SubmissionValidator.Result result, Long officialId) {
        public boolean ok() {
            return result.ok();
        }

        Check invalid() {
            return new Check(input, result.errors(), null, null, List.of());
        }
    }

    /** Said in place of a preview when the blog is already known, so its address was not fetched again. */
    public static final String NOT_FETCHED = "The address was not fetched again: this blog is already known (see below).";

    public Validated validate(SubmissionInput in) {
        return new Validated(in, SubmissionValidator.validate(in), null);
    }

    /** Evidence for an entry already listed: its fields, and whether that entry is still there. */
    public Validated validateEvidence(long officialId, SubmissionInput in) {
        Optional<Official> official = registry.officialById(officialId);
        if (official.isEmpty()) {
            return new Validated(in, new SubmissionValidator.Result(null,
                    Map.of("name", "the entry you chose is no longer in the directory")), officialId);
        }
        return new Validated(in, SubmissionValidator.validateEvidence(in, official.get()), officialId);
    }

    /** Validates, previews and looks for duplicates, without saving anything. */
    public Check check(SubmissionInput in) {
        return check(validate(in));
    }

    /**
     * Looks for duplicates first: a blog already listed or pending is not fetched again. Otherwise previews the
     * address and looks again with the feed the preview found. Saves nothing.
     */
    public Check check(Validated v) {
        if (!v.ok()) return v.invalid();
        SubmissionValidator.Proposal proposal = v.result().proposal();
        List<Duplicate> known = duplicates.find(proposal.entry(), null, null);
        if (known.stream().anyMatch(Duplicate::blocking)) {
            return new Check(v.input(), Map.of(), proposal, BlogPreviewer.Preview.notFound(NOT_FETCHED), known);
        }
        BlogPreviewer.Preview preview = preview(proposal.entry().blogUrl());
        return new Check(v.input(), Map.of(), proposal, preview, duplicates.find(proposal.entry(), preview.feedUrl(), null));
    }

    /** Checks again (never trusting what the preview page carried) and saves unless a duplicate stops it. */
    public Outcome submit(SubmissionInput in) {
        return submit(validate(in));
    }

    public Outcome submit(Validated v) {
        Check c = check(v);
        if (!c.ok()) return new Invalid(c);
        if (c.blocked()) return new Blocked(c);
        return dao.jdbi().inTransaction(h -> {
            // looked up again inside the write transaction, so two identical submissions racing cannot both pass
            List<Duplicate> now = duplicates.find(h, c.proposal().entry(), c.preview().feedUrl(), null);
            Check checked = new Check(v.input(), Map.of(), c.proposal(), c.preview(), now);
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
        return submitEvidence(validateEvidence(officialId, in));
    }

    public Outcome submitEvidence(Validated v) {
        if (!v.ok()) return new Invalid(v.invalid());
        SubmissionValidator.Proposal p = v.result().proposal();
        long officialId = v.officialId();
        String token = tokens.generate();
        return dao.jdbi().inTransaction(h -> {
            long id = dao.insert(h, new SubmissionDao.NewRow(SubmissionKind.EVIDENCE, p.entry(), p.submitter(), p.note(),
                    null, SecretTokens.hash(token), null, null, officialId, clock.instant()));
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
