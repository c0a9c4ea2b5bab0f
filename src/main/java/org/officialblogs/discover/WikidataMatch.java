package org.officialblogs.discover;

import java.util.List;

/**
 * A Wikidata item that may be a listed official: its id, label, description, the ISO codes of its citizenships and
 * the labels of the positions it holds or held; {@code positionMatches} when one of them is the official's office.
 */
public record WikidataMatch(String wikidataId, String label, String description, List<String> citizenships,
                            List<String> positions, boolean positionMatches) {

    public WikidataMatch {
        citizenships = List.copyOf(citizenships);
        positions = List.copyOf(positions);
    }

    public String url() {
        return WikidataIds.page(wikidataId);
    }
}
