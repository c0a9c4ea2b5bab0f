package org.officialblogs.web;

import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.officialblogs.registry.SubmissionInput;

/**
 * The body of {@code POST /api/v1/submissions}, read from its JSON: a new blog ({@code kind} "new", the default)
 * or evidence for a listed official ({@code kind} "evidence" with {@code official_id}), with the submission's
 * fields as text. Reading it checks the body's shape only; the fields' values are the submission service's to check.
 *
 * @param officialId the listed official the evidence is for; null for a new blog
 */
public record SubmissionRequest(boolean evidence, Long officialId, SubmissionInput input) {

    /** A body read: the request, or what is wrong with it by field (HTTP 422). */
    public record Parsed(SubmissionRequest request, Map<String, String> problems) {
        public boolean ok() {
            return request != null;
        }

        static Parsed problem(String field, String what) {
            return new Parsed(null, Map.of(field, what));
        }
    }

    /** Reads a JSON object; {@code root} must already be an object. */
    public static Parsed parse(JsonNode root) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            String name = f.getKey();
            JsonNode v = f.getValue();
            if (!SubmissionInput.FIELDS.contains(name) && !name.equals("kind") && !name.equals("official_id")) {
                problems.put(name, "is not a field of a submission; the fields are " + String.join(", ", SubmissionInput.FIELDS)
                        + ", and kind and official_id for evidence");
            } else if (name.equals("official_id") && v.canConvertToLong() && v.isIntegralNumber()) {
                values.put(name, Long.toString(v.asLong()));
            } else if (v.isNull()) {
                values.put(name, "");
            } else if (!v.isTextual()) {
                problems.put(name, "must be a string");
            } else {
                values.put(name, v.asText());
            }
        }
        if (!problems.isEmpty()) return new Parsed(null, problems);
        SubmissionInput input = new SubmissionInput(values);
        String kind = values.getOrDefault("kind", "new").strip();
        if (kind.equals("evidence")) {
            try {
                long officialId = Long.parseLong(values.getOrDefault("official_id", "").strip());
                return new Parsed(new SubmissionRequest(true, officialId, input), Map.of());
            } catch (NumberFormatException e) {
                return Parsed.problem("official_id", "is required for evidence: the number of a listed official");
            }
        }
        if (kind.equals("new") || kind.isEmpty()) return new Parsed(new SubmissionRequest(false, null, input), Map.of());
        return Parsed.problem("kind", "must be 'new' or 'evidence'");
    }
}
