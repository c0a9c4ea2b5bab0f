package org.officialblogs.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** ISO 3166-1 alpha-2 country codes and their English names, plus EU (ISO's exceptionally reserved code). */
public final class Countries {

    private static final Map<String, String> NAMES = buildNames();

    private Countries() {}

    private static Map<String, String> buildNames() {
        Map<String, String> names = new TreeMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        names.put("EU", "European Union");
        return Map.copyOf(names);
    }

    /** Other names people write for a country (folded as {@link RegistryEntry#fold}), beyond its English name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("uk", "GB"), Map.entry("u k", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
            Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
            Map.entry("northern ireland", "GB"), Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("usa", "US"), Map.entry("u s", "US"), Map.entry("u s a", "US"),
            Map.entry("united states of america", "US"), Map.entry("america", "US"),
            Map.entry("czech republic", "CZ"), Map.entry("turkey", "TR"), Map.entry("turkiye", "TR"),
            Map.entry("russian federation", "RU"), Map.entry("korea", "KR"), Map.entry("republic of korea", "KR"),
            Map.entry("holland", "NL"), Map.entry("ivory coast", "CI"), Map.entry("iran islamic republic of", "IR"),
            Map.entry("macedonia", "MK"), Map.entry("burma", "MM"), Map.entry("swaziland", "SZ"),
            Map.entry("cape verde", "CV"), Map.entry("vatican", "VA"), Map.entry("holy see", "VA"),
            Map.entry("eu", "EU"), Map.entry("e u", "EU"));
    private static final Map<String, String> BY_NAME = buildByName();

    private static Map<String, String> buildByName() {
        Map<String, String> byName = new java.util.HashMap<>(ALIASES);
        NAMES.forEach((code, name) -> byName.putIfAbsent(RegistryEntry.fold(name), code));
        return Map.copyOf(byName);
    }

    /**
     * The code of a country written as its code ("gb", "GB") or its English name, case and accents aside
     * ("United Kingdom", "Côte d'Ivoire", "the Netherlands"), or a common other name ("UK", "USA"); empty when unknown.
     */
    public static java.util.Optional<String> parse(String text) {
        if (text == null || text.isBlank()) return java.util.Optional.empty();
        String t = text.strip();
        if (t.length() == 2 && isValid(t.toUpperCase(Locale.ROOT))) return java.util.Optional.of(t.toUpperCase(Locale.ROOT));
        String folded = RegistryEntry.fold(t);
        if (folded.startsWith("the ")) folded = folded.substring(4);
        return java.util.Optional.ofNullable(BY_NAME.get(folded));
    }

    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** The English name of a code, or the code itself when unknown. */
    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    /** Every code with its name, sorted by name (for a select). */
    public static List<Map.Entry<String, String>> all() {
        return NAMES.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getValue)).toList();
    }
}
