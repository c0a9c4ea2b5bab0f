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
            "Q30", new WikidataHolders.Country("Q30", "US", List.of()),
            "Q145", new WikidataHolders.Country("Q145", "GB", List.of("en")),
            "Q16", new WikidataHolders.Country("Q16", "CA", List.of("en", "fr")));
    /** The position-class answer: a UK MP is a member of parliament, an Ottawa councillor a city councillor. */
    static final Map<String, Set<String>> CLASSES = Map.of("Q16707842", Set.of("Q486839"), "Q47487122", Set.of("Q708492"));

    final WikidataHolders holders = new WikidataHolders(PositionTable.standard());

    WikidataHolders.Result read(String fixture, boolean includeFormer) throws Exception {
        return holders.read(SparqlResults.parse(Fixtures.bytes("wikidata/" + fixture)).rows(), COUNTRIES, CLASSES,
                includeFormer, NOW);
    }

    Proposal named(WikidataHolders.Result r, String name) {
        return r.proposals().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void currentHoldersBecomeOneProposalPerPersonAndAddress() throws Exception {
        WikidataHolders.Result r = read("holders-current.json", false);
        assertThat(r.people()).isEqualTo(8);
        assertThat(r.proposals()).extracting(Proposal::name, Proposal::url, Proposal::kind, Proposal::feedHint)
                .containsExactlyInAnyOrder(
                        tuple("Johannes Steiniger", "https://johannes-steiniger.de/", LinkKind.WEBSITE, null),
                        // several addresses of one person: a blog and a website
                        tuple("Chris Murphy", "https://chrismurphyct.medium.com/", LinkKind.BLOG, null),
                        tuple("Chris Murphy", "https://www.chrismurphyct.com/", LinkKind.WEBSITE, null),
                        tuple("河野太郎", "https://www.taro.org/", LinkKind.BLOG, null),
                        // the feed on another host is the blog's feed, not a candidate of its own
                        tuple("野田聖子", "https://ameblo.jp/seiko-noda/", LinkKind.BLOG, "https://rssblog.ameba.jp/seiko-noda/rss20.xml"),
                        tuple("Lynne Featherstone", "https://lynnefeatherstone.org/", LinkKind.BLOG, null),
                        tuple("Kerry McCarthy", "https://www.kerrymccarthy.org/", LinkKind.WEBSITE, null),
                        tuple("Jeff Leiper", "https://kitchissippiward.ca/blog", LinkKind.BLOG, null));
        assertThat(r.problems()).containsExactly(
                "Q19561192 (Jeff Leiper): the P856 value 'ftp://kitchissippiward.example/' uses the scheme 'ftp'; only http and https are accepted; left out",
                "Q19883025: no name in en, mul on Wikidata, so it is not proposed (add a label there, or add the official by hand)");
    }

    @Test
    void positionsArePlacedByTheTableOrFlagged() throws Exception {
        WikidataHolders.Result r = read("holders-current.json", false);
        // placed through its class: a Member of Parliament (UK) is a member of parliament
        Proposal mp = named(r, "Kerry McCarthy");
        assertThat(mp).extracting(Proposal::wikidataId, Proposal::office, Proposal::country, Proposal::level,
                        Proposal::branch, Proposal::positionKnown, Proposal::inOfficeFrom, Proposal::language)
                .containsExactly("Q581095", "Member of Parliament", "GB", Level.NATIONAL, Branch.LEGISLATIVE, true,
                        "2017-06-08", "en");
        assertThat(mp.sourceUrls()).containsExactly("https://www.wikidata.org/wiki/Q581095");
        assertThat(named(r, "Johannes Steiniger")).extracting(Proposal::office, Proposal::country, Proposal::level,
                        Proposal::branch, Proposal::positionKnown, Proposal::inOfficeFrom, Proposal::language)
                .containsExactly("Mitglied des Deutschen Bundestages", "DE", Level.NATIONAL, Branch.LEGISLATIVE, true, null, "de");
        assertThat(named(r, "河野太郎")).extracting(Proposal::office, Proposal::country, Proposal::branch, Proposal::language)
                .containsExactly("衆議院議員", "JP", Branch.LEGISLATIVE, "ja");
        // a position the table does not know, nor any class of it, keeps its label and is flagged
        assertThat(named(r, "Lynne Featherstone")).extracting(Proposal::office, Proposal::positionKnown, Proposal::level,
                        Proposal::branch)
                .containsExactly("Member of the House of Lords", false, Level.NATIONAL, Branch.OTHER);
        // placed through its class (city councillor)
        assertThat(named(r, "Jeff Leiper")).extracting(Proposal::office, Proposal::level, Proposal::branch,
                        Proposal::positionKnown, Proposal::language)
                .containsExactly("Member of Ottawa City Council", Level.LOCAL, Branch.LEGISLATIVE, true, "en");
        assertThat(named(r, "Chris Murphy")).extracting(Proposal::office, Proposal::inOfficeFrom, Proposal::language)
                .containsExactly("United States senator", "2025-01-03", null);
    }

    @Test
    void formerHoldersWithTheirEndedPositions() throws Exception {
        WikidataHolders.Result r = read("holders-former.json", true);
        Proposal jackson = named(r, "Jeff Jackson");
        assertThat(jackson).extracting(Proposal::office, Proposal::inOfficeFrom, Proposal::inOfficeTo)
                .containsExactly("United States representative", "2023-01-03", "2025-01-02");
        // the same person in two positions: the current one is the office, the ended ones are listed beside it
        Proposal murphy = named(r, "Chris Murphy");
        assertThat(murphy.office()).isEqualTo("United States senator");
        assertThat(murphy.inOfficeTo()).isNull();
        assertThat(murphy.otherPositions()).containsExactly(
                "United States representative (2011-01-05 – 2013-01-03)",
                "United States representative (2009-01-06 – 2011-01-03)",
                "United States representative (2007-01-04 – 2009-01-03)",
                "United States senator (2019-01-03 – 2025-01-03)",
                "United States senator (2013-01-03 – 2019-01-03)");
        assertThat(r.proposals()).hasSize(10);
    }

    @Test
    void endedPositionsAreDroppedEvenIfTheServiceSendsThem() throws Exception {
        WikidataHolders.Result r = read("holders-former.json", false);
        assertThat(r.proposals()).extracting(Proposal::name).doesNotContain("Jeff Jackson");
        assertThat(r.problems()).contains("Q17183308 (Jeff Jackson): every position it holds here has ended; use --include-former to see it");
        assertThat(named(r, "Chris Murphy").otherPositions()).isEmpty();
        assertThat(r.proposals()).hasSize(8);
    }
}
