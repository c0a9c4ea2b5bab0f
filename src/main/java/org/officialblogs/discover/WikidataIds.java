package org.officialblogs.discover;

import java.util.regex.Pattern;

/** Wikidata item ids (Q42) and the IRIs and pages that carry them. */
public final class WikidataIds {

    public static final String ENTITY_PREFIX = "http://www.wikidata.org/entity/";
    public static final String PAGE_PREFIX = "https://www.wikidata.org/wiki/";
    private static final Pattern ITEM = Pattern.compile("Q[1-9]\\d{0,11}");

    private WikidataIds() {}

    public static boolean isItem(String id) {
        return id != null && ITEM.matcher(id).matches();
    }

    /** {@code http://www.wikidata.org/entity/Q42} gives {@code Q42}; anything else gives null. */
    public static String fromEntityIri(String iri) {
        if (iri == null || !iri.startsWith(ENTITY_PREFIX)) return null;
        String id = iri.substring(ENTITY_PREFIX.length());
        return isItem(id) ? id : null;
    }

    /** The item's page, the public source people follow. */
    public static String page(String id) {
        return PAGE_PREFIX + id;
    }
}
