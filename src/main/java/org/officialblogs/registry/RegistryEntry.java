package org.officialblogs.registry;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * One validated incoming entry (a CSV row, a submission): an official and, optionally, one blog with its sources.
 * Built only through {@link EntryValidator}, so every field here is already checked.
 */
public record RegistryEntry(
        String name, String office, String country, String region, String locality, Level level, Branch branch,
        String party, String wikidataId, String inOfficeFrom, String inOfficeTo, String blogUrl, String feedUrl,
        String platform, String language, Authorship authorship, String activeYears, List<String> sources,
        String notes) {

    public RegistryEntry {
        sources = List.copyOf(sources);
    }

    public boolean isLead() {
        return blogUrl == null && feedUrl == null;
    }

    /** Same person in the same office: normalised name, country and office. */
    public String identityKey() {
        return identityKey(name, country, office);
    }

    public static String identityKey(String name, String country, String office) {
        return fold(name) + "|" + country + "|" + fold(office);
    }

    /** Case-, accent- and spacing-insensitive form of a text, for comparisons only. */
    public static String fold(String s) {
        if (s == null) return "";
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
