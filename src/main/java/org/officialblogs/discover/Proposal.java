package org.officialblogs.discover;

import java.util.List;
import java.util.Objects;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.RegistryEntry;
import org.officialblogs.registry.HttpUrls;

/**
 * What a source proposes: one address of one person, with the office that makes them an official. Built by
 * {@link WikidataHolders} and {@link PopoloReader}; stored as a candidate by the discovery.
 *
 * @param wikidataId     the person's item, or null
 * @param office         the position's label (the office as the source words it)
 * @param positionId     the position's Wikidata item, or null
 * @param positionKnown  false when the position is not in the {@link PositionTable}: level and branch are a guess
 * @param otherPositions the person's other positions, as "label (from - to)"
 * @param url            the address as the source gives it
 * @param feedHint       a feed the source gives for the same blog (P1019 beside P1581), or null
 * @param sourceUrls     public pages that state the person and the address
 * @param sourceFile     the Popolo file's name when it was read from disk, else null
 */
public record Proposal(
        String wikidataId, String name, String office, String country, String region, Level level, Branch branch,
        String positionId, boolean positionKnown, List<String> otherPositions, String party, String inOfficeFrom,
        String inOfficeTo, String language, String url, LinkKind kind, String feedHint, CandidateSource source,
        List<String> sourceUrls, String sourceFile) {

    public Proposal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        office = office == null ? "" : office;
        otherPositions = List.copyOf(otherPositions);
        sourceUrls = List.copyOf(sourceUrls);
    }

    /** The same person: the Wikidata id when known, else the registry's identity (name, country, office). */
    public String personKey() {
        return personKey(wikidataId, name, country, office);
    }

    public static String personKey(String wikidataId, String name, String country, String office) {
        return wikidataId != null ? "wikidata:" + wikidataId : "name:" + RegistryEntry.identityKey(name, country, office);
    }

    /** The address's comparison key (see {@link UrlNormalizer}); the address was checked to be http(s). */
    public String urlKey() {
        return HttpUrls.key(url).orElseThrow(() -> new IllegalStateException("not an http(s) address: " + url));
    }

    public Proposal withKind(LinkKind k) {
        return new Proposal(wikidataId, name, office, country, region, level, branch, positionId, positionKnown,
                otherPositions, party, inOfficeFrom, inOfficeTo, language, url, k, feedHint, source, sourceUrls, sourceFile);
    }

    public Proposal withFeedHint(String feed) {
        return new Proposal(wikidataId, name, office, country, region, level, branch, positionId, positionKnown,
                otherPositions, party, inOfficeFrom, inOfficeTo, language, url, kind, feed, source, sourceUrls, sourceFile);
    }
}
