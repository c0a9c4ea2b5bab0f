package org.officialblogs.discover;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SPARQL the discovery sends to the Wikidata Query Service. Pure text building from checked values (ISO codes,
 * item ids, escaped strings), so nothing a user types reaches a query unescaped. Prefixes are declared although the
 * public service predefines them, so the same queries run on a mirror.
 */
public final class WikidataQueries {

    /** Rows asked for per page: small enough that one page stays far inside the service's 60-second limit. */
    public static final int DEFAULT_PAGE_SIZE = 2_000;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    static final String PREFIXES = """
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            PREFIX p: <http://www.wikidata.org/prop/>
            PREFIX ps: <http://www.wikidata.org/prop/statement/>
            PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
            PREFIX wikibase: <http://wikiba.se/ontology#>
            PREFIX bd: <http://www.bigdata.com/rdf#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <http://schema.org/>
            """;

    private WikidataQueries() {}

    /**
     * Countries by ISO 3166-1 alpha-2 code (P297), leaving out dissolved states (P576), with the Wikimedia codes
     * (P424) of their official languages (P37): {@code ?country ?code ?language}.
     */
    public static String countries(Collection<String> isoCodes) {
        String codes = isoCodes.stream().map(c -> {
            if (!COUNTRY.matcher(c).matches()) throw new IllegalArgumentException("not an ISO country code: " + c);
            return "\"" + c + "\"";
        }).collect(Collectors.joining(" "));
        return PREFIXES + """
                SELECT ?country ?code ?language WHERE {
                  VALUES ?code { %s }
                  ?country wdt:P297 ?code .
                  FILTER NOT EXISTS { ?country wdt:P576 ?dissolved . }
                  OPTIONAL { ?country wdt:P37 ?officialLanguage . ?officialLanguage wdt:P424 ?language . }
                }
                """.formatted(codes);
    }

    /**
     * One page of people (P31 Q5) holding a position (P39) whose jurisdiction (P1001) or country (P17) is one of
     * {@code countryIds}, with their official blog (P1581), web feed (P1019) and official website (P856): one row per
     * position statement and address. Deprecated statements are left out; without {@code includeFormer} only
     * current holders (no end, or an end in the future; no start in the future). Labels in {@code languages}
     * (a fallback list such as {@code de,mul,en}); an item without one is labelled with its own id.
     */
    public static String holders(List<String> countryIds, List<String> positionIds, List<String> languages,
                                 boolean includeFormer, int limit, int offset) {
        if (countryIds.isEmpty()) throw new IllegalArgumentException("no country");
        StringBuilder q = new StringBuilder(PREFIXES);
        q.append("SELECT DISTINCT ?person ?personLabel ?statement ?position ?positionLabel ?country ?start ?end"
                + " ?property ?url WHERE {\n");
        q.append("  VALUES ?country { ").append(items(countryIds)).append(" }\n");
        if (!positionIds.isEmpty()) q.append("  VALUES ?position { ").append(items(positionIds)).append(" }\n");
        q.append("""
                  ?position wdt:P1001|wdt:P17 ?country .
                  ?person p:P39 ?statement .
                  ?statement ps:P39 ?position .
                  FILTER NOT EXISTS { ?statement wikibase:rank wikibase:DeprecatedRank . }
                  OPTIONAL { ?statement pq:P580 ?start . }
                  OPTIONAL { ?statement pq:P582 ?end . }
                """);
        if (!includeFormer) {
            q.append("  FILTER(!BOUND(?end) || ?end > NOW())\n");
            q.append("  FILTER(!BOUND(?start) || ?start <= NOW())\n");
        }
        q.append("""
                  ?person wdt:P31 wd:Q5 .
                  { ?person wdt:P1581 ?url . BIND("P1581" AS ?property) }
                  UNION { ?person wdt:P1019 ?url . BIND("P1019" AS ?property) }
                  UNION { ?person wdt:P856 ?url . BIND("P856" AS ?property) }
                """);
        q.append("  SERVICE wikibase:label { bd:serviceParam wikibase:language \"").append(languageList(languages))
                .append("\" . }\n");
        q.append("}\nORDER BY ?person ?statement ?url\n");
        q.append("LIMIT ").append(limit).append("\nOFFSET ").append(offset).append('\n');
        return q.toString();
    }

    /**
     * Which of {@code classIds} each position descends from through one instance-of or subclass-of step and any
     * further subclass-of steps: {@code ?position ?class}.
     */
    public static String positionClasses(Collection<String> positionIds, Collection<String> classIds) {
        return PREFIXES + """
                SELECT DISTINCT ?position ?class WHERE {
                  VALUES ?position { %s }
                  VALUES ?class { %s }
                  ?position (wdt:P279|wdt:P31)/wdt:P279* ?class .
                }
                """.formatted(items(positionIds), items(classIds));
    }

    /**
     * People (P31 Q5) whose label in one of {@code languages} is exactly one of {@code names}, with the ISO codes
     * of their citizenships (P27/P297) and the positions they held (P39):
     * {@code ?item ?name ?itemDescription ?citizenship ?position ?positionLabel}.
     */
    public static String peopleNamed(Collection<String> names, List<String> languages) {
        StringBuilder values = new StringBuilder();
        for (String n : names) {
            for (String lang : languages) {
                if (!LANGUAGE.matcher(lang).matches()) throw new IllegalArgumentException("not a language code: " + lang);
                values.append(literal(n)).append('@').append(lang).append(' ');
            }
        }
        return PREFIXES + """
                SELECT DISTINCT ?item ?name ?itemDescription ?citizenship ?position ?positionLabel WHERE {
                  VALUES ?name { %s}
                  ?item rdfs:label ?name .
                  ?item wdt:P31 wd:Q5 .
                  OPTIONAL { ?item wdt:P27 ?country . ?country wdt:P297 ?citizenship . }
                  OPTIONAL { ?item wdt:P39 ?position . }
                  SERVICE wikibase:label { bd:serviceParam wikibase:language "%s" . }
                }
                ORDER BY ?item
                """.formatted(values, languageList(languages));
    }

    /** A SPARQL string literal (double quotes) with the characters the grammar requires escaped. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String items(Collection<String> ids) {
        return ids.stream().map(id -> {
            if (!WikidataIds.isItem(id)) throw new IllegalArgumentException("not a Wikidata item id: " + id);
            return "wd:" + id;
        }).collect(Collectors.joining(" "));
    }

    private static String languageList(List<String> languages) {
        for (String l : languages) {
            if (!LANGUAGE.matcher(l).matches()) throw new IllegalArgumentException("not a language code: " + l);
        }
        return String.join(",", languages).toLowerCase(Locale.ROOT);
    }
}
