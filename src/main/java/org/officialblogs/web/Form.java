package org.officialblogs.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the visitor left it: the values they typed (shown again, so nothing is lost), the errors keyed by
 * field, the labels (for the error summary) and the CSRF token the form must carry back.
 */
public record Form(Map<String, String> values, Map<String, String> errors, Map<String, String> labels, String csrfToken) {

    public Form {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        errors = errors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        labels = labels == null ? Map.of() : labels;
    }

    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    public boolean is(String field, String option) {
        return option != null && option.equalsIgnoreCase(value(field).strip());
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String label(String field) {
        return labels.getOrDefault(field, field);
    }

    /** The ids an input's aria-describedby lists: its help text and its error, where present; null for none. */
    public String describedBy(String field, boolean hasHelp) {
        List<String> ids = new java.util.ArrayList<>();
        if (hasHelp) ids.add("f-" + field + "-help");
        if (errors.containsKey(field)) ids.add("f-" + field + "-error");
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** Errors in the order of the labels (the form's order), then any others, for the summary at the top. */
    public List<Map.Entry<String, String>> errorList() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String f : labels.keySet()) if (errors.containsKey(f)) ordered.put(f, errors.get(f));
        errors.forEach(ordered::putIfAbsent);
        return List.copyOf(ordered.entrySet());
    }
}
