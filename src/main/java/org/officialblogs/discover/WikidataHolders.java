package org.officialblogs.discover;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.HttpUrls;

/**
 * Turns the rows of the holders query ({@link WikidataQueries#holders}) into proposals: one per person and
 * address, the person's main position as the office (current before ended, a position the table knows before one it
 * does not, then table order, then the latest start), the other positions listed beside it. People without a label
 * in the asked languages, and addresses that are not web addresses, are reported, not proposed. Pure.
 */
public final class WikidataHolders {

    /** What a country is called on Wikidata and its official languages (Wikimedia codes). */
    public record Country(String wikidataId, String isoCode, List<String> languages) {
        public Country {
            languages = List.copyOf(languages);
        }
    }

    /** Languages a label is asked in for a country's officials: its own (six at most), then mul, then English. */
    public static List<String> labelLanguages(Country country) {
        List<String> out = new ArrayList<>();
        for (String l : country.languages()) if (!out.contains(l) && out.size() < 6) out.add(l);
        for (String l : List.of("mul", "en")) if (!out.contains(l)) out.add(l);
        return out;
    }

    /** The proposals, and in words what was left out and why. */
    public record Result(List<Proposal> proposals, List<String> problems, int people) {
        public Result {
            proposals = List.copyOf(proposals);
            problems = List.copyOf(problems);
        }
    }

    private record Held(String statement, String positionId, String positionLabel, String countryId, String start,
                        String end, boolean ended, Optional<PositionTable.Match> match) {}

    private final PositionTable table;

    public WikidataHolders(PositionTable table) {
        this.table = table;
    }

    /**
     * @param rows          the holders query's rows, all pages, in any order
     * @param countries     the asked countries by their Wikidata id
     * @param classes       for each position, the table classes it descends from
     * @param includeFormer keep positions that ended
     */
    public Result read(List<SparqlResults.Row> rows, Map<String, Country> countries, Map<String, Set<String>> classes,
                       boolean includeFormer, Instant now) {
        Map<String, List<SparqlResults.Row>> byPerson = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SparqlResults.Row r : rows) {
            String person = r.entityId("person");
            if (person == null) {
                problems.add("a row without a person item was left out: " + r.terms());
                continue;
            }
            byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(r);
        }
        List<Proposal> proposals = new ArrayList<>();
        for (var e : byPerson.entrySet()) {
            proposals.addAll(person(e.getKey(), e.getValue(), countries, classes, includeFormer, now, problems));
        }
        return new Result(proposals, problems, byPerson.size());
    }

    private List<Proposal> person(String id, List<SparqlResults.Row> rows, Map<String, Country> countries,
                                  Map<String, Set<String>> classes, boolean includeFormer,
                                  Instant now, List<String> problems) {
        String name = label(rows.get(0).term("personLabel"), id);
        if (name == null) {
            Country asked = countries.get(rows.get(0).entityId("country"));
            List<String> languages = asked == null ? List.of("mul", "en") : labelLanguages(asked);
            problems.add(id + ": no name in " + String.join(", ", languages)
                    + " on Wikidata, so it is not proposed (add a label there, or add the official by hand)");
            return List.of();
        }
        Map<String, Held> held = new LinkedHashMap<>();
        PersonLinks links = new PersonLinks();
        for (SparqlResults.Row r : rows) {
            String statement = r.value("statement");
            String positionId = r.entityId("position");
            if (statement != null && positionId != null && !held.containsKey(statement)) {
                String start = date(r.term("start"));
                SparqlResults.Term endTerm = r.term("end");
                String end = date(endTerm);
                // an end given as "unknown value" is an end all the same
                boolean ended = endTerm != null && (end == null || !isFuture(endTerm.value(), now));
                boolean notStarted = start != null && isFuture(r.value("start"), now);
                if ((ended || notStarted) && !includeFormer) continue;
                held.put(statement, new Held(statement, positionId,
                        java.util.Objects.requireNonNullElse(label(r.term("positionLabel"), positionId), positionId),
                        r.entityId("country"), start, end, ended || notStarted,
                        table.match(positionId, classes.getOrDefault(positionId, Set.of()))));
            }
            String url = r.value("url");
            String property = r.value("property");
            LinkKind kind = "P1581".equals(property) ? LinkKind.BLOG : "P1019".equals(property) ? LinkKind.FEED
                    : LinkKind.WEBSITE;
            if (url == null) continue;
            if (!links.add(url, kind)) {
                String problem = id + " (" + name + "): the " + property + " value '" + url + "' "
                        + HttpUrls.whyNotHttpUrl(url) + "; left out";
                if (!problems.contains(problem)) problems.add(problem);
            }
        }
        if (held.isEmpty()) {
            problems.add(id + " (" + name + "): every position it holds here has ended; use --include-former to see it");
            return List.of();
        }
        List<Held> positions = new ArrayList<>(held.values());
        positions.sort(Comparator.comparing((Held h) -> h.ended())
                .thenComparing(h -> h.match().isEmpty())
                .thenComparingInt(h -> h.match().map(m -> table.entries().indexOf(m.entry())).orElse(Integer.MAX_VALUE))
                .thenComparing(h -> h.start() == null ? "" : h.start(), Comparator.reverseOrder()));
        Held main = positions.get(0);
        Country country = countries.get(main.countryId());
        if (country == null) {
            problems.add(id + " (" + name + "): the position's country " + main.countryId() + " was not asked for; left out");
            return List.of();
        }
        List<String> others = new ArrayList<>();
        for (Held h : positions.subList(1, positions.size())) {
            String text = h.positionLabel() + span(h);
            if (!others.contains(text) && !(h.positionId().equals(main.positionId()) && span(h).equals(span(main)))) {
                others.add(text);
            }
        }
        Level level = main.match().map(m -> m.entry().level()).orElse(Level.NATIONAL);
        Branch branch = main.match().map(m -> m.entry().branch()).orElse(Branch.OTHER);
        List<Proposal> out = new ArrayList<>();
        for (PersonLinks.Link a : links.links()) {
            out.add(new Proposal(id, name, main.positionLabel(), country.isoCode(), null, level, branch,
                    main.positionId(), main.match().isPresent(), others, null, main.start(), main.end(),
                    country.languages().isEmpty() ? null : country.languages().get(0), a.url(), a.kind(),
                    a.feedHint(), CandidateSource.WIKIDATA, List.of(WikidataIds.page(id)), null));
        }
        return out;
    }

    /** A label, or null when the label service answered with the item's own id (it has no label in those languages). */
    static String label(SparqlResults.Term t, String id) {
        if (t == null || t.value() == null) return null;
        String v = t.value().strip();
        if (v.isEmpty() || v.equals(id) || (t.lang() == null && WikidataIds.isItem(v))) return null;
        return v;
    }

    /** The date part (YYYY-MM-DD) of an xsd:dateTime literal; null for anything else (an unknown value). */
    static String date(SparqlResults.Term t) {
        if (t == null || !t.isLiteral()) return null;
        String v = t.value();
        if (v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && Character.isDigit(v.charAt(0))) {
            String d = v.substring(0, 10);
            // year precision is given as YYYY-01-01 and month precision as YYYY-MM-01: keep what is certain
            return d;
        }
        return null;
    }

    private static boolean isFuture(String dateTime, Instant now) {
        try {
            return Instant.parse(dateTime).isAfter(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String span(Held h) {
        if (h.start() == null && h.end() == null) return "";
        return " (" + (h.start() == null ? "?" : h.start()) + " – " + (h.end() == null ? "" : h.end()) + ")";
    }
}
