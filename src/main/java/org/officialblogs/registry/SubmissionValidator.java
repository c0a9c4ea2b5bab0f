package org.officialblogs.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a submission's fields: the entry through {@link EntryValidator} (the same rules as the registry CSV),
 * plus what a submission needs beyond a CSV row: an office, a blog address, evidence and the submitter's name.
 * Errors are keyed by form field and worded to follow the field's label ("Blog address is required").
 */
public final class SubmissionValidator {

    /** A submission ready to store: the entry it proposes, who sent it and their note. */
    public record Proposal(RegistryEntry entry, Submitter submitter, String note) {}

    /** A proposal, or errors keyed by field (never both). */
    public record Result(Proposal proposal, Map<String, String> errors) {
        public boolean ok() {
            return proposal != null;
        }
    }

    public static final int MAX_NAME = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** Fields whose value is one line: a line break there is a paste gone wrong, not content. */
    private static final Set<String> MULTI_LINE = Set.of("note");

    private SubmissionValidator() {}

    /** Validates a proposal of a new blog. */
    public static Result validate(SubmissionInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        singleLine(in, errors);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String f : List.of("name", "office", "country", "region", "level", "branch", "blog_url")) raw.put(f, in.get(f));
        String evidence = evidence(in, errors);
        raw.put("sources", evidence == null ? "" : evidence);
        EntryValidator.Result entry = EntryValidator.validate(raw);
        entry.errors().forEach((k, v) -> errors.putIfAbsent(k.equals("sources") ? "evidence_url" : k, v));
        if (in.get("name").strip().length() > MAX_NAME) {
            errors.putIfAbsent("name", "is too long (" + in.get("name").strip().length() + " characters; at most " + MAX_NAME + ")");
        }
        if (in.get("office").isBlank()) errors.putIfAbsent("office", "is required (for example 'Mayor of Springfield' or 'Member of Parliament')");
        if (in.get("blog_url").isBlank()) errors.putIfAbsent("blog_url", "is required: the address of the blog or of its feed");
        Submitter submitter = submitter(in, errors);
        String note = optionalText(in, "note", EntryValidator.MAX_LONG_TEXT, errors);
        if (!errors.isEmpty()) return new Result(null, order(errors));
        return new Result(new Proposal(entry.entry(), submitter, note), Map.of());
    }

    /** Validates what evidence for a listed entry needs: the evidence, the submitter, optionally a blog address. */
    public static Result validateEvidence(SubmissionInput in, Official official) {
        Map<String, String> errors = new LinkedHashMap<>();
        singleLine(in, errors);
        String evidence = evidence(in, errors);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("name", official.name());
        raw.put("office", official.office());
        raw.put("country", official.country());
        raw.put("region", official.region());
        raw.put("locality", official.locality());
        raw.put("level", official.level().code());
        raw.put("branch", official.branch().code());
        raw.put("blog_url", in.get("blog_url"));
        raw.put("sources", evidence == null ? "" : evidence);
        EntryValidator.Result entry = EntryValidator.validate(raw);
        entry.errors().forEach((k, v) -> {
            if (k.equals("blog_url") || k.equals("sources")) errors.putIfAbsent(k.equals("sources") ? "evidence_url" : k, v);
        });
        Submitter submitter = submitter(in, errors);
        String note = optionalText(in, "note", EntryValidator.MAX_LONG_TEXT, errors);
        if (!errors.isEmpty() || !entry.ok()) {
            if (errors.isEmpty()) errors.put("name", "the listed entry cannot take evidence: " + entry.summary());
            return new Result(null, order(errors));
        }
        return new Result(new Proposal(entry.entry(), submitter, note), Map.of());
    }

    /** Validates only the submitter's fields (for a bulk upload, whose rows carry the rest). */
    static Submitter validateSubmitter(SubmissionInput in, Map<String, String> errors) {
        singleLine(in, errors);
        return submitter(in, errors);
    }

    private static void singleLine(SubmissionInput in, Map<String, String> errors) {
        for (String f : SubmissionInput.FIELDS) {
            if (MULTI_LINE.contains(f)) continue;
            String v = in.get(f);
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (Character.isISOControl(c)) {
                    errors.putIfAbsent(f, c == '\n' || c == '\r'
                            ? "must be on one line (it contains a line break)"
                            : "contains a control character (code " + (int) c + "); please retype it");
                    break;
                }
            }
        }
    }

    private static String evidence(SubmissionInput in, Map<String, String> errors) {
        String v = in.get("evidence_url").strip();
        if (v.isEmpty()) {
            errors.putIfAbsent("evidence_url", "is required: a public page showing that this is the official's own blog");
            return null;
        }
        if (HttpUrls.parseHttpUrl(v).isEmpty()) {
            errors.putIfAbsent("evidence_url", "'" + abbreviate(v) + "' " + HttpUrls.whyNotHttpUrl(v));
            return null;
        }
        return v;
    }

    private static Submitter submitter(SubmissionInput in, Map<String, String> errors) {
        String name = optionalText(in, "submitter_name", MAX_NAME, errors);
        if (name == null) errors.putIfAbsent("submitter_name", "is required, so moderators know who vouches for the entry");
        String organisation = optionalText(in, "organisation", EntryValidator.MAX_TEXT, errors);
        String email = optionalText(in, "email", 254, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.putIfAbsent("email", "'" + abbreviate(email) + "' is not an email address (name@example.org); leave it empty if you prefer");
            email = null;
        }
        return new Submitter(name, organisation, email);
    }

    private static String optionalText(SubmissionInput in, String field, int max, Map<String, String> errors) {
        String v = in.get(field).strip();
        if (v.isEmpty()) return null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                errors.putIfAbsent(field, "contains a control character (code " + (int) c + "); please retype it");
                return null;
            }
        }
        if (v.length() > max) {
            errors.putIfAbsent(field, "is too long (" + v.length() + " characters; at most " + max + ")");
            return null;
        }
        return v;
    }

    /** Errors in the order of the form, so the summary reads top to bottom. */
    private static Map<String, String> order(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : SubmissionInput.FIELDS) if (errors.containsKey(f)) out.put(f, errors.get(f));
        errors.forEach(out::putIfAbsent);
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
