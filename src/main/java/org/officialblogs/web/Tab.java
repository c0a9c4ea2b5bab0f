package org.officialblogs.web;

import java.util.List;

/** One tab of the rankings page: the ranking, the dormant and historical blogs, or every registry entry. */
public record Tab(String key, String label, String href, Integer count, boolean current) {

    static final String RANKED = "ranked";
    static final String HISTORICAL = "historical";
    static final String ALL = "all";

    /** The three tabs, the given one current; counts may be null when not known on this page. */
    static List<Tab> all(String current, Integer ranked, Integer historical, Integer entries) {
        return List.of(
                new Tab(RANKED, "Ranking", "/", ranked, RANKED.equals(current)),
                new Tab(HISTORICAL, "Dormant and historical", "/?tab=historical", historical,
                        HISTORICAL.equals(current)),
                new Tab(ALL, "All registry entries", "/?tab=all", entries, ALL.equals(current)));
    }
}
