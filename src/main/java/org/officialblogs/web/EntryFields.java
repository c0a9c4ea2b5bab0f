package org.officialblogs.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.RegistryEntry;

/** Registry records as form values (field name to text) and the labels of those fields, for the moderators' forms. */
final class EntryFields {

    static final Map<String, String> ENTRY_LABELS = labels(
            "name", "Name", "office", "Office", "country", "Country", "region", "Region", "locality", "Locality",
            "level", "Level", "branch", "Branch", "party", "Party", "wikidata_id", "Wikidata item",
            "in_office_from", "In office from", "in_office_to", "In office to", "blog_url", "Blog address",
            "feed_url", "Feed address", "platform", "Platform", "language", "Language", "authorship", "Authorship",
            "active_years", "Active years", "sources", "Sources (evidence)", "notes", "Notes",
            "reason", "Reason for rejecting", "official_id", "Official number", "submission", "Submission");

    static final Map<String, String> BLOG_LABELS = labels(
            "site_url", "Site address", "feed_url", "Feed address", "platform", "Platform", "language", "Language",
            "authorship", "Authorship", "status", "Status", "active_years", "Active years", "notes", "Notes",
            "aliases", "Reply aliases", "blog", "Blog");

    static final List<String> OFFICIAL_FIELDS = List.of("name", "office", "country", "region", "locality", "level",
            "branch", "party", "wikidata_id", "in_office_from", "in_office_to");

    static final List<String> BLOG_FIELDS = List.of("site_url", "feed_url", "platform", "language", "authorship",
            "status", "active_years", "notes", "aliases");

    private EntryFields() {}

    static Map<String, String> of(RegistryEntry e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("office", e.office());
        m.put("country", e.country());
        m.put("region", e.region());
        m.put("locality", e.locality());
        m.put("level", e.level().code());
        m.put("branch", e.branch().code());
        m.put("party", e.party());
        m.put("wikidata_id", e.wikidataId());
        m.put("in_office_from", e.inOfficeFrom());
        m.put("in_office_to", e.inOfficeTo());
        m.put("blog_url", e.blogUrl());
        m.put("feed_url", e.feedUrl());
        m.put("platform", e.platform());
        m.put("language", e.language());
        m.put("authorship", e.authorship().code());
        m.put("active_years", e.activeYears());
        m.put("sources", String.join(EntryValidator.SOURCE_SEPARATOR, e.sources()));
        m.put("notes", e.notes());
        return blanks(m);
    }

    static Map<String, String> of(Official o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("office", o.office());
        m.put("country", o.country());
        m.put("region", o.region());
        m.put("locality", o.locality());
        m.put("level", o.level().code());
        m.put("branch", o.branch().code());
        m.put("party", o.party());
        m.put("wikidata_id", o.wikidataId());
        m.put("in_office_from", o.inOfficeFrom());
        m.put("in_office_to", o.inOfficeTo());
        return blanks(m);
    }

    static Map<String, String> of(Blog b, List<String> aliases) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("site_url", b.siteUrl());
        m.put("feed_url", b.feedUrl());
        m.put("platform", b.platform());
        m.put("language", b.language());
        m.put("authorship", b.authorship().code());
        m.put("status", b.status().code());
        m.put("active_years", b.activeYears());
        m.put("notes", b.notes());
        m.put("aliases", String.join("\n", aliases));
        return blanks(m);
    }

    /** The posted values of the named fields. */
    static Map<String, String> posted(io.javalin.http.Context ctx, List<String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : fields) {
            String v = ctx.formParam(f);
            m.put(f, v == null ? "" : v);
        }
        return m;
    }

    private static Map<String, String> blanks(Map<String, String> m) {
        m.replaceAll((k, v) -> v == null ? "" : v);
        return m;
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
