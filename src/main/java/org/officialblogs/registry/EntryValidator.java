package org.officialblogs.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the raw fields of an entry (from a CSV row, the submission form or the API) and either builds a
 * {@link RegistryEntry} or reports, per field, what is wrong in words a person can act on.
 */
public final class EntryValidator {

    /** The columns of the registry CSV, in order (seed/README.md documents each). */
    public static final List<String> COLUMNS = List.of(
            "name", "office", "country", "region", "locality", "level", "branch", "party", "wikidata_id",
            "in_office_from", "in_office_to", "blog_url", "feed_url", "platform", "language", "authorship",
            "active_years", "sources", "notes");

    /** Columns a registry CSV must have; the others may be left out (a missing branch is inferred from the office). */
    public static final Set<String> REQUIRED_COLUMNS = Set.of("name", "country", "level", "sources");

    /** Other names a file may give a column (the research format's "source"), and the column they stand for. */
    public static final java.util.Map<String, String> COLUMN_ALIASES = java.util.Map.of("source", "sources");

    public static final int MAX_TEXT = 500;
    public static final int MAX_LONG_TEXT = 4000;
    public static final String SOURCE_SEPARATOR = " ; ";

    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    private static final Pattern WIKIDATA = Pattern.compile("Q[1-9]\\d{0,11}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** The outcome: an entry, or errors keyed by field name (never both). */
    public record Result(RegistryEntry entry, Map<String, String> errors) {
        public boolean ok() {
            return entry != null;
        }

        /** All errors in one line, "field: problem; field: problem". */
        public String summary() {
            List<String> parts = new ArrayList<>();
            errors.forEach((k, v) -> parts.add(k + ": " + v));
            return String.join("; ", parts);
        }
    }

    private EntryValidator() {}

    public static Result validate(Map<String, String> raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(raw, "name", MAX_TEXT, errors);
        if (name == null && !errors.containsKey("name")) errors.put("name", "is required");
        String office = text(raw, "office", MAX_TEXT, errors);
        String countryRaw = text(raw, "country", 100, errors);
        String country = null;
        if (countryRaw == null) {
            errors.putIfAbsent("country", "is required (a two-letter ISO 3166-1 code such as GB or US, or the"
                    + " country's English name)");
        } else {
            country = Countries.parse(countryRaw).orElse(null);
            if (country == null) {
                errors.put("country", "'" + abbreviate(countryRaw) + "' is not a country: give its two-letter ISO 3166-1"
                        + " code (e.g. GB, US, FI, or EU) or its English name (e.g. United Kingdom)");
            }
        }
        String region = text(raw, "region", MAX_TEXT, errors);
        String locality = text(raw, "locality", MAX_TEXT, errors);
        Level level = null;
        String levelRaw = text(raw, "level", 40, errors);
        if (levelRaw == null) {
            errors.putIfAbsent("level", "is required (international, national, regional or local)");
        } else {
            level = Level.parse(levelRaw).orElse(null);
            if (level == null) errors.put("level", "'" + levelRaw + "' is not one of international, national, regional, local");
        }
        Branch branch = null;
        String branchRaw = text(raw, "branch", 40, errors);
        if (branchRaw == null) {
            errors.putIfAbsent("branch", "is required (executive, legislative, judicial, agency, diplomatic, central_bank or other)");
        } else {
            branch = Branch.parse(branchRaw).orElse(null);
            if (branch == null) {
                errors.put("branch", "'" + branchRaw + "' is not one of executive, legislative, judicial, agency, diplomatic, central_bank, other");
            }
        }
        String party = text(raw, "party", MAX_TEXT, errors);
        String wikidata = text(raw, "wikidata_id", 20, errors);
        if (wikidata != null && !WIKIDATA.matcher(wikidata).matches()) {
            errors.put("wikidata_id", "'" + wikidata + "' is not a Wikidata item id (Q followed by digits, e.g. Q42)");
        }
        String from = partialDate(raw, "in_office_from", errors);
        String to = partialDate(raw, "in_office_to", errors);
        if (from != null && to != null && from.compareTo(to) > 0 && !to.startsWith(from) && !from.startsWith(to)) {
            errors.put("in_office_to", "is before in_office_from");
        }
        String blogUrl = url(raw, "blog_url", errors);
        String feedUrl = url(raw, "feed_url", errors);
        String platform = text(raw, "platform", 40, errors);
        String language = text(raw, "language", 20, errors);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.put("language", "'" + language + "' is not a language code (e.g. en, fi, pt-BR)");
        }
        String authorshipRaw = text(raw, "authorship", 20, errors);
        Authorship authorship = Authorship.parse(authorshipRaw).orElse(null);
        if (authorship == null) errors.put("authorship", "'" + authorshipRaw + "' is not one of self, shared, unknown");
        String activeYears = text(raw, "active_years", MAX_TEXT, errors);
        List<String> sources = sources(raw, errors);
        String notes = text(raw, "notes", MAX_LONG_TEXT, errors);
        if (!errors.isEmpty()) return new Result(null, Map.copyOf(errors));
        return new Result(new RegistryEntry(name, office == null ? "" : office, country, region, locality, level, branch,
                party, wikidata, from, to, blogUrl, feedUrl, platform == null ? null : platform.toLowerCase(java.util.Locale.ROOT),
                language, authorship, activeYears, sources, notes), Map.of());
    }

    private static String text(Map<String, String> raw, String field, int max, Map<String, String> errors) {
        String v = raw.get(field);
        if (v == null) return null;
        v = v.strip();
        if (v.isEmpty()) return null;
        if (v.indexOf('\uFFFD') >= 0) {
            errors.put(field, "contains bytes that are not valid UTF-8 (save the file as UTF-8)");
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                errors.put(field, "contains a control character (code " + (int) c + ")");
                return null;
            }
        }
        if (v.length() > max) {
            errors.put(field, "is too long (" + v.length() + " characters; at most " + max + ")");
            return null;
        }
        return v;
    }

    private static String partialDate(Map<String, String> raw, String field, Map<String, String> errors) {
        String v = text(raw, field, 10, errors);
        if (v != null && !PARTIAL_DATE.matcher(v).matches()) {
            errors.put(field, "'" + v + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        return v;
    }

    private static String url(Map<String, String> raw, String field, Map<String, String> errors) {
        String v = text(raw, field, 2048, errors);
        if (v == null) return null;
        if (HttpUrls.parseHttpUrl(v).isEmpty()) {
            errors.put(field, "'" + abbreviate(v) + "' " + HttpUrls.whyNotHttpUrl(v));
            return null;
        }
        return v;
    }

    private static List<String> sources(Map<String, String> raw, Map<String, String> errors) {
        String v = text(raw, "sources", 20_000, errors);
        if (v == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String part : v.split("\\s;\\s|\\s*\\n\\s*|^;|;$")) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            if (HttpUrls.parseHttpUrl(s).isEmpty()) {
                errors.put("sources", "'" + abbreviate(s) + "' " + HttpUrls.whyNotHttpUrl(s)
                        + " (separate several sources with ' ; ')");
                return List.of();
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
