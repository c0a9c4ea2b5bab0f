package org.officialblogs.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.officialblogs.registry.RegistryEntry;

/**
 * Which Wikidata items may be a listed official: people whose label is the official's name (case, accents and
 * spacing aside) and who are citizens of the official's country; among several, those holding a position whose label
 * is the official's office come first. Pure.
 */
public final class WikidataMatcher {

    /** The items for one official: {@link #sure()} when exactly one fits, else all that may. */
    public record Matches(List<WikidataMatch> items, boolean sure) {
        public Matches {
            items = List.copyOf(items);
        }
    }

    private static final class Item {
        String label;
        String description;
        final Set<String> citizenships = new LinkedHashSet<>();
        final Set<String> positions = new LinkedHashSet<>();
    }

    /** Groups the rows of {@link WikidataQueries#peopleNamed} by item. */
    public static Map<String, WikidataMatch> items(List<SparqlResults.Row> rows) {
        Map<String, Item> byId = new LinkedHashMap<>();
        for (SparqlResults.Row r : rows) {
            String id = r.entityId("item");
            if (id == null) continue;
            Item it = byId.computeIfAbsent(id, k -> new Item());
            if (it.label == null) it.label = r.value("name");
            if (it.description == null) it.description = r.value("itemDescription");
            if (r.value("citizenship") != null) it.citizenships.add(r.value("citizenship").toUpperCase(java.util.Locale.ROOT));
            String pos = WikidataHolders.label(r.term("positionLabel"), r.entityId("position"));
            if (pos != null) it.positions.add(pos);
        }
        Map<String, WikidataMatch> out = new LinkedHashMap<>();
        byId.forEach((id, it) -> out.put(id, new WikidataMatch(id, it.label, it.description,
                new ArrayList<>(it.citizenships), new ArrayList<>(it.positions), false)));
        return out;
    }

    /** The items that may be the official named {@code name}, of {@code country}, in {@code office}. */
    public static Matches match(String name, String country, String office, Map<String, WikidataMatch> items) {
        String folded = RegistryEntry.fold(name);
        String officeFolded = RegistryEntry.fold(office);
        List<WikidataMatch> fits = new ArrayList<>();
        for (WikidataMatch m : items.values()) {
            if (m.label() == null || !RegistryEntry.fold(m.label()).equals(folded)) continue;
            if (!m.citizenships().contains(country)) continue;
            boolean position = !officeFolded.isEmpty() && m.positions().stream().map(RegistryEntry::fold)
                    .anyMatch(p -> !p.isEmpty() && (officeFolded.contains(p) || p.contains(officeFolded)));
            fits.add(new WikidataMatch(m.wikidataId(), m.label(), m.description(), m.citizenships(), m.positions(), position));
        }
        if (fits.size() == 1) return new Matches(fits, true);
        List<WikidataMatch> byPosition = fits.stream().filter(WikidataMatch::positionMatches).toList();
        if (byPosition.size() == 1) return new Matches(byPosition, true);
        return new Matches(fits, false);
    }
}
