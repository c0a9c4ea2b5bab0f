package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;

class WikidataHoldersTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Map<String, WikidataHolders.Country> COUNTRIES = Map.of(
            "Q183", new WikidataHolders.Country("Q183", "DE", List.of("de")),
            "Q17", new WikidataHolders.Country("Q17", "JP", List.of("ja")),
            "Q30", new WikidataHolders.Country("Q30", "US", List.of()));
    static final Map<String, Set<String>> CLASSES = Map.of("Q999000102", Set.of("Q30185"));
    static final List<String> LANGUAGES = List.of("de", "ja", "mul", "en");

    final WikidataHolders holders = new WikidataHolders(PositionTable.standard());

    WikidataHolders.Result read(String fixture, boolean includeFormer) throws Exception {
        return holders.read(SparqlResults.parse(Fixtures.bytes("wikidata/" + fixture)).rows(), COUNTRIES, CLASSES,
                LANGUAGES, includeFormer, NOW);
    }

    @Test
    void currentHoldersBecomeOneProposalPerPersonAndAddress() throws Exception {
        WikidataHolders.Result r = read("holders-current.json", false);
        assertThat(r.people()).isEqualTo(7);
        assertThat(r.proposals()).extracting(Proposal::name, Proposal::url, Proposal::kind, Proposal::feedHint)
                .containsExactlyInAnyOrder(
                        tuple("Brian Nickholz", "https://www.brian-nickholz.de/", LinkKind.WEBSITE, null),
                        tuple("Susanne Hierl", "https://susanne-hierl.de/", LinkKind.WEBSITE, null),
                        tuple("Jeff Jackson", "https://jeff-jackson.medium.com/", LinkKind.BLOG, null),
                        tuple("Jeff Jackson", "https://jeffjacksonnc.substack.com/", LinkKind.BLOG, null),
                        tuple("河野太郎", "https://www.taro.org/", LinkKind.BLOG, null),
                        // the feed on another host is the blog's feed, not a candidate of its own
                        tuple("山本一太", "https://ameblo.jp/ichita-y/", LinkKind.BLOG, "https://rssblog.ameba.jp/ichita-y/rss20.xml"),
                        tuple("Erika Mustermann", "https://buergermeisterin.musterstadt.example/", LinkKind.BLOG, null));
        assertThat(r.problems()).containsExactly(
                "Q999000006: no name in de, ja, mul, en on Wikidata, so it is not proposed (add a label there, or add the official by hand)",
                "Q999000007 (Erika Mustermann): the P856 value 'ftp://musterstadt.example/' uses the scheme 'ftp'; only http and https are accepted; left out");
    }

    @Test
    void positionsArePlacedByTheTableOrFlagged() throws Exception {
        Map<String, Proposal> byName = new java.util.HashMap<>();
        read("holders-current.json", false).proposals().forEach(p -> byName.put(p.name(), p));
        Proposal mdb = byName.get("Brian Nickholz");
        assertThat(mdb).extracting(Proposal::wikidataId, Proposal::office, Proposal::country, Proposal::level,
                        Proposal::branch, Proposal::positionKnown, Proposal::inOfficeFrom, Proposal::language)
                .containsExactly("Q999000001", "Mitglied des Deutschen Bundestages", "DE", Level.NATIONAL,
                        Branch.LEGISLATIVE, true, "2021-10-26", "de");
        assertThat(mdb.sourceUrls()).containsExactly("https://www.wikidata.org/wiki/Q999000001");
        assertThat(byName.get("河野太郎")).extracting(Proposal::office, Proposal::country, Proposal::branch, Proposal::language)
                .containsExactly("衆議院議員", "JP", Branch.LEGISLATIVE, "ja");
        // a position the table does not know keeps its label and is flagged
        assertThat(byName.get("山本一太")).extracting(Proposal::office, Proposal::positionKnown, Proposal::level, Proposal::branch)
                .containsExactly("群馬県知事", false, Level.NATIONAL, Branch.OTHER);
        // placed through its class (mayor)
        assertThat(byName.get("Erika Mustermann")).extracting(Proposal::level, Proposal::branch, Proposal::positionKnown)
                .containsExactly(Level.LOCAL, Branch.EXECUTIVE, true);
        assertThat(byName.get("Jeff Jackson").language()).isNull();
    }

    @Test
    void formerHoldersWithTheirEndedPositions() throws Exception {
        WikidataHolders.Result r = read("holders-former.json", true);
        Proposal leavitt = r.proposals().stream().filter(p -> p.name().equals("Mike Leavitt")).findFirst().orElseThrow();
        assertThat(leavitt).extracting(Proposal::office, Proposal::inOfficeFrom, Proposal::inOfficeTo)
                .containsExactly("United States Secretary of Health and Human Services", "2005-01-26", "2009-01-20");
        // the same person in two positions: the current one is the office, the ended one is listed beside it
        Proposal jackson = r.proposals().stream().filter(p -> p.name().equals("Jeff Jackson")).findFirst().orElseThrow();
        assertThat(jackson.office()).isEqualTo("Attorney General of North Carolina");
        assertThat(jackson.otherPositions()).containsExactly("member of the United States House of Representatives (2023-01-03 – 2025-01-03)");
        assertThat(r.proposals()).hasSize(8);
    }

    @Test
    void endedPositionsAreDroppedEvenIfTheServiceSendsThem() throws Exception {
        WikidataHolders.Result r = read("holders-former.json", false);
        assertThat(r.proposals()).extracting(Proposal::name).doesNotContain("Mike Leavitt");
        assertThat(r.problems()).contains("Q999000008 (Mike Leavitt): every position it holds here has ended; use --include-former to see it");
        assertThat(r.proposals().stream().filter(p -> p.name().equals("Jeff Jackson")).findFirst().orElseThrow()
                .otherPositions()).isEmpty();
    }
}
