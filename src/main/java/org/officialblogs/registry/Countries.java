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
