package org.officialblogs.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.officialblogs.auth.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk submissions from a CSV (the registry format of seed/README.md) or an OPML file, in two steps. The dry run
 * reads the file and lists every row as new, duplicate or error with its reason, saving nothing but the file
 * itself, under a confirm token that expires after {@link #CONFIRM_WITHIN}. The commit reads the kept file again,
 * checks every row again against the registry as it is then, and turns the new rows into pending submissions in one
 * transaction, under one private status link. Keeping the file (rather than asking for it again) spares the
 * submitter a second upload and makes the commit cover exactly what the dry run showed.
 *
 * <p>OPML outlines carry only a title and addresses, so the upload form asks for the country, level and branch
 * (and optionally an office) shared by all its rows, and one evidence URL (a page listing these officials' blogs);
 * an outline's text (or title) is taken as the official's name, htmlUrl as the blog, xmlUrl as its feed. A CSV's
 * rows carry their own fields and ignore these defaults; each row needs at least one source as its evidence.
 */
public final class BulkSubmissions {

    private static final Logger log = LoggerFactory.getLogger(BulkSubmissions.class);

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = OpmlReader.MAX_OUTLINES;
    public static final Duration CONFIRM_WITHIN = Duration.ofHours(1);

    /** The verdict on one row. */
    public enum RowStatus { NEW, DUPLICATE, ERROR }

    /** One row of the report: its line in the file, the verdict, and why; officialId links a listed duplicate. */
    public record Row(long line, RowStatus status, String name, String address, String reason, Long officialId) {}

    /** The values an OPML file's rows share, as typed on the upload form. */
    public record Defaults(String country, String level, String branch, String office, String evidenceUrl) {}

    /** The upload form's fields other than the file, as typed. */
    public record Form(Defaults defaults, SubmissionInput submitter) {
        public static Form from(Function<String, String> source) {
            Function<String, String> get = k -> {
                String v = source.apply(k);
                return v == null ? "" : v;
            };
            return new Form(new Defaults(get.apply("country"), get.apply("level"), get.apply("branch"),
                    get.apply("office"), get.apply("evidence_url")), SubmissionInput.from(source));
        }

        /** Every field by its form name, to refill the form. */
        public Map<String, String> values() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("country", defaults.country());
            m.put("level", defaults.level());
            m.put("branch", defaults.branch());
            m.put("office", defaults.office());
            m.put("evidence_url", defaults.evidenceUrl());
            for (String f : List.of("submitter_name", "organisation", "email")) m.put(f, submitter.get(f));
            return m;
        }
    }

    /**
     * The dry run: form errors (nothing read), or the format, a problem with the file as a whole (null if none), the
     * rows, and the token that commits them (null when no row is new).
     */
    public record DryRun(Map<String, String> errors, String format, String fileError, List<Row> rows, String confirmToken) {
        public long count(RowStatus s) {
            return rows.stream().filter(r -> r.status() == s).count();
        }
    }

    /** The commit: the rows as checked again, how many became submissions, and the batch's status token. */
    public record Committed(List<Row> rows, int created, String statusToken) {}

    private record Analysis(String fileError, List<Row> rows, Map<Long, RegistryEntry> newEntries) {}

    private final BulkUploadDao uploads;
    private final SubmissionDao submissions;
    private final DuplicateFinder duplicates;
    private final SecretTokens tokens;
    private final Clock clock;

    public BulkSubmissions(BulkUploadDao uploads, SubmissionDao submissions, RegistryDao registry, SecretTokens tokens,
                           Clock clock) {
        this.uploads = uploads;
        this.submissions = submissions;
        this.duplicates = new DuplicateFinder(registry, submissions);
        this.tokens = tokens;
        this.clock = clock;
    }

    /** OPML when the file starts with '<' (after a byte order mark and spaces), else CSV. */
    public static String detectFormat(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) i++;
        return i < content.length && content[i] == '<' ? "opml" : "csv";
    }

    public DryRun dryRun(String filename, byte[] content, Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Submitter submitter = SubmissionValidator.validateSubmitter(form.submitter(), errors);
        if (content == null || content.length == 0) errors.put("file", "choose a CSV or OPML file to upload");
        else if (content.length > MAX_BYTES) errors.put("file", "is too large (" + content.length / 1024 + " KiB; at most " + MAX_BYTES / 1024 + " KiB); please split it");
        String format = content == null || content.length == 0 ? null : detectFormat(content);
        if ("opml".equals(format)) validateDefaults(form.defaults(), errors);
        if (!errors.isEmpty()) return new DryRun(Map.copyOf(errors), format, null, List.of(), null);

        uploads.deleteExpired(clock.instant());
        Analysis a = submissions.jdbi().withHandle(h -> analyse(h, format, content, form.defaults()));
        String token = null;
        if (!a.newEntries().isEmpty()) {
            token = tokens.generate();
            Instant now = clock.instant();
            uploads.insert(SecretTokens.hash(token), cleanFilename(filename), format, content, form.defaults(), submitter,
                    now, now.plus(CONFIRM_WITHIN));
        }
        log.info("bulk dry run format={} rows={} new={}", format, a.rows().size(), a.newEntries().size());
        return new DryRun(Map.of(), format, a.fileError(), a.rows(), token);
    }

    /** Commits a dry run; empty when the token is unknown, expired or already used. */
    public Optional<Committed> commit(String confirmToken) {
        if (!SecretTokens.looksLikeToken(confirmToken)) return Optional.empty();
        return submissions.jdbi().inTransaction(h -> {
            Instant now = clock.instant();
            Optional<BulkUpload> found = uploads.openByConfirmTokenHash(h, SecretTokens.hash(confirmToken), now);
            if (found.isEmpty()) return Optional.<Committed>empty();
            BulkUpload u = found.get();
            Analysis a = analyse(h, u.format(), u.content(), u.defaults());
            String statusToken = a.newEntries().isEmpty() ? null : tokens.generate();
            a.newEntries().forEach((line, entry) -> submissions.insert(h, new SubmissionDao.NewRow(SubmissionKind.NEW,
                    entry, u.submitter(), null, null, null, u.id(), line, null, now)));
            uploads.markCommitted(h, u.id(), statusToken == null ? null : SecretTokens.hash(statusToken), now);
            log.info("bulk upload committed id={} format={} created={}", u.id(), u.format(), a.newEntries().size());
            return Optional.of(new Committed(a.rows(), a.newEntries().size(), statusToken));
        });
    }

    private static void validateDefaults(Defaults d, Map<String, String> errors) {
        String opml = " (an OPML file has no such field, so its rows share the value given here)";
        String country = d.country().strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) errors.put("country", "is required for an OPML file" + opml);
        else if (!Countries.isValid(country)) errors.put("country", "'" + abbreviate(d.country()) + "' is not a country code");
        if (d.level().isBlank()) errors.put("level", "is required for an OPML file" + opml);
        else if (Level.parse(d.level()).isEmpty()) errors.put("level", "'" + abbreviate(d.level()) + "' is not a level");
        if (d.branch().isBlank()) errors.put("branch", "is required for an OPML file" + opml);
        else if (Branch.parse(d.branch()).isEmpty()) errors.put("branch", "'" + abbreviate(d.branch()) + "' is not a branch");
        String office = d.office().strip();
        if (office.length() > EntryValidator.MAX_TEXT) errors.put("office", "is too long (" + office.length() + " characters; at most " + EntryValidator.MAX_TEXT + ")");
        else if (office.chars().anyMatch(Character::isISOControl)) errors.put("office", "must be on one line, without control characters");
        String evidence = d.evidenceUrl().strip();
        if (evidence.isEmpty()) errors.put("evidence_url", "is required for an OPML file: a public page that lists these officials' blogs");
        else if (HttpUrls.parseHttpUrl(evidence).isEmpty()) errors.put("evidence_url", "'" + abbreviate(evidence) + "' " + HttpUrls.whyNotHttpUrl(evidence));
    }

    private Analysis analyse(Handle h, String format, byte[] content, Defaults defaults) {
        List<Row> rows = new ArrayList<>();
        List<Map.Entry<Long, RegistryEntry>> valid = new ArrayList<>();
        String fileError = null;
        if (format.equals("opml")) {
            OpmlReader.Parsed parsed = OpmlReader.parse(content);
            fileError = parsed.fileError();
            for (OpmlReader.Outline o : parsed.outlines()) {
                String address = o.htmlUrl() != null ? o.htmlUrl() : o.xmlUrl();
                if (!o.hasAddress()) {
                    rows.add(new Row(o.line(), RowStatus.ERROR, o.text(), null, "the outline has neither an xmlUrl nor an htmlUrl", null));
                    continue;
                }
                if (o.text() == null) {
                    rows.add(new Row(o.line(), RowStatus.ERROR, null, address, "the outline has no text: the official's name is needed", null));
                    continue;
                }
                Map<String, String> raw = new HashMap<>();
                raw.put("name", o.text());
                raw.put("office", defaults.office());
                raw.put("country", defaults.country());
                raw.put("level", defaults.level());
                raw.put("branch", defaults.branch());
                raw.put("blog_url", address);
                raw.put("feed_url", o.htmlUrl() != null ? o.xmlUrl() : null);
                raw.put("sources", defaults.evidenceUrl());
                EntryValidator.Result r = EntryValidator.validate(raw);
                if (r.ok()) valid.add(Map.entry(o.line(), r.entry()));
                else rows.add(new Row(o.line(), RowStatus.ERROR, o.text(), address, opmlWords(r.summary()), null));
            }
        } else {
            RegistryCsv.Parsed parsed = RegistryCsv.parse(content);
            if (parsed.rows().size() + parsed.rejections().size() > MAX_ROWS) {
                return new Analysis("the file has more than " + MAX_ROWS + " rows; please split it", List.of(), Map.of());
            }
            // the file's own rules (sources, one row a blog) are RegistryCsv's, the same as the import command's
            for (RegistryCsv.Rejection rej : parsed.rejections()) {
                RegistryEntry e = rej.entry();
                if (rej.line() == 1 && rej.reason().startsWith("header:")) fileError = rej.reason();
                else rows.add(new Row(rej.line(), rej.sameAs() > 0 ? RowStatus.DUPLICATE : RowStatus.ERROR,
                        e == null ? null : e.name(), e == null ? null : address(e), rej.reason(), null));
            }
            for (RegistryCsv.Row row : parsed.rows()) valid.add(Map.entry(row.line(), row.entry()));
        }
        Map<Long, RegistryEntry> fresh = new LinkedHashMap<>();
        Map<String, Long> seenKeys = new HashMap<>();
        for (Map.Entry<Long, RegistryEntry> v : valid) {
            RegistryEntry e = v.getValue();
            Long earlier = DuplicateFinder.urlKeys(e, null).stream().map(seenKeys::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(e.isLead() ? seenKeys.get(e.identityKey()) : null);
            if (earlier != null) {
                rows.add(new Row(v.getKey(), RowStatus.DUPLICATE, e.name(), address(e), "the same blog as line " + earlier + " of this file", null));
                continue;
            }
            Optional<Duplicate> blocking = duplicates.find(h, e, null, null).stream()
                    .filter(d -> d.blocking() || e.isLead() && d.kind() != Duplicate.Kind.PENDING_BLOG).findFirst();
            if (blocking.isPresent()) {
                Duplicate d = blocking.get();
                rows.add(new Row(v.getKey(), RowStatus.DUPLICATE, e.name(), address(e), d.reason(), d.listed() ? d.officialId() : null));
                continue;
            }
            for (String k : DuplicateFinder.urlKeys(e, null)) seenKeys.putIfAbsent(k, v.getKey());
            if (e.isLead()) seenKeys.putIfAbsent(e.identityKey(), v.getKey());
            rows.add(new Row(v.getKey(), RowStatus.NEW, e.name(), address(e),
                    e.isLead() ? "a lead: no blog address yet" : "will be submitted for review", null));
            fresh.put(v.getKey(), e);
        }
        rows.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new Analysis(fileError, List.copyOf(rows), fresh);
    }

    /** EntryValidator names the CSV columns; for an OPML row, say which attribute or form field they came from. */
    private static String opmlWords(String summary) {
        return summary.replace("blog_url:", "htmlUrl/xmlUrl:").replace("feed_url:", "xmlUrl:").replace("name:", "text:")
                .replace("sources:", "evidence URL:");
    }

    private static String address(RegistryEntry e) {
        return e.blogUrl() != null ? e.blogUrl() : e.feedUrl();
    }

    /** The file's own name without any folder, for display; never used as a path. */
    private static String cleanFilename(String filename) {
        if (filename == null || filename.isBlank()) return "upload";
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return name.length() > 120 ? name.substring(0, 120) : name.isBlank() ? "upload" : name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
