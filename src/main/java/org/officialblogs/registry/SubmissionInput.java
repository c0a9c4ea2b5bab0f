package org.officialblogs.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of the submission form (and the API's JSON), exactly as typed, so a form with errors comes back
 * with nothing lost. Field names are the registry CSV's where they match (see seed/README.md).
 */
public record SubmissionInput(Map<String, String> values) {

    public static final List<String> FIELDS = List.of(
            "name", "office", "country", "region", "level", "branch", "blog_url", "evidence_url",
            "submitter_name", "organisation", "email", "note");

    public SubmissionInput {
        Map<String, String> copy = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = values.get(f);
            copy.put(f, v == null ? "" : v);
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads every field from a source such as a form; a missing field is empty. */
    public static SubmissionInput from(Function<String, String> source) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : FIELDS) m.put(f, source.apply(f));
        return new SubmissionInput(m);
    }

    public static SubmissionInput empty() {
        return new SubmissionInput(Map.of());
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }
}
