package org.officialblogs.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels and help texts of the submission forms, in form order (also the order of the error summary). */
final class SubmissionFields {

    static final String HONEYPOT = "leave_empty";

    static final Map<String, String> LABELS = labels(
            "name", "Official's name",
            "office", "Office",
            "country", "Country",
            "region", "Region",
            "level", "Level of government",
            "branch", "Branch",
            "blog_url", "Blog address",
            "evidence_url", "Evidence",
            "submitter_name", "Your name",
            "organisation", "Your organisation",
            "email", "Your email",
            "note", "Note for the moderators",
            "file", "File");

    static final Map<String, String> HELP = labels(
            "name", "As the official writes it, in its own script (for example Пётр Пример or 山田太郎).",
            "office", "The office held while blogging, for example 'Mayor of Springfield' or 'Member of Parliament for Leeds Central'.",
            "region", "Optional: the state, province or constituency the office belongs to.",
            "level", "International (for example EU), national, regional (state, province) or local (city, county).",
            "branch", "The kind of office: executive (ministers, mayors), legislative (members of a parliament or council), and so on.",
            "blog_url", "The address of the blog itself, or of its RSS or Atom feed. It must start with http:// or https://.",
            "evidence_url", "A public page showing this is the official's own blog, for example the official's page on a government site that links to it.",
            "submitter_name", "Shown to the moderators only.",
            "organisation", "Optional: the civic group you submit for. Shown to the moderators only.",
            "email", "Optional: only for a moderator's question about this submission. Never shown publicly.",
            "note", "Optional: anything the moderators should know.");

    private SubmissionFields() {}

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
