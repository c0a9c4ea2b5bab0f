package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;

class PopoloReaderTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    PopoloReader.Options options(boolean former, String name) {
        return new PopoloReader.Options("AX", Level.REGIONAL, former, TODAY, null, name, "sv");
    }

    @Test
    void everyPoliticianFileForTheAlandLagting() throws Exception {
        byte[] file = Fixtures.bytes("popolo/aland-lagting-excerpt.json");
        // the terms of this frozen file all ended in 2019
        PopoloReader.Result current = new PopoloReader().read(file, options(false, "ep-popolo-v1.0.json"));
        assertThat(current.persons()).isEqualTo(6);
        assertThat(current.proposals()).isEmpty();
        assertThat(current.withoutLinks()).isEqualTo(5);
        assertThat(current.former()).isEqualTo(1);
        assertThat(current.problems()).isEmpty();

        PopoloReader.Result all = new PopoloReader().read(file, options(true, "ep-popolo-v1.0.json"));
        assertThat(all.proposals()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Jansson Roger");
            assertThat(p.wikidataId()).isEqualTo("Q2356536");
            assertThat(p.url()).isEqualTo("http://www.lagtinget.aland.fi/ledamot_az.con?iPerson=69&m=38&iPage=104");
            assertThat(p.kind()).isEqualTo(LinkKind.WEBSITE);
            assertThat(p.office()).isEqualTo("Member, Lagting");
            assertThat(p.branch()).isEqualTo(Branch.LEGISLATIVE);
            assertThat(p.party()).isEqualTo("Moderat Samling");
            assertThat(p.inOfficeFrom()).isEqualTo("2011");
            assertThat(p.inOfficeTo()).isEqualTo("2015");
            assertThat(p.country()).isEqualTo("AX");
            assertThat(p.level()).isEqualTo(Level.REGIONAL);
            assertThat(p.personKey()).isEqualTo("wikidata:Q2356536");
            assertThat(p.sourceFile()).isEqualTo("ep-popolo-v1.0.json");
        });
    }

    @Test
    void everyPoliticiansMultilingualFileForTheHouseOfCommons() throws Exception {
        String file = Fixtures.text("popolo/uk-commons-m17n-excerpt.json");
        PopoloReader.Result r = new PopoloReader().read(file.getBytes(StandardCharsets.UTF_8),
                new PopoloReader.Options("GB", Level.NATIONAL, false, TODAY, null, "popolo-m17n.json", "cy"));
        // names in several languages are names; their only links are Facebook pages, which are not blogs
        assertThat(r.problems()).isEmpty();
        assertThat(r.persons()).isEqualTo(3);
        assertThat(r.withoutLinks()).isEqualTo(3);

        // the same file with her website (from the seed research) added to her record
        byte[] withSite = file.replace("\"url\": \"https://www.facebook.com/kerry4mp\"",
                "\"url\": \"https://www.facebook.com/kerry4mp\"\n        }, {\"note\": \"website\", \"url\": \"https://www.kerrymccarthy.org/\"")
                .getBytes(StandardCharsets.UTF_8);
        PopoloReader.Result one = new PopoloReader().read(withSite,
                new PopoloReader.Options("GB", Level.NATIONAL, false, TODAY, null, "popolo-m17n.json", "cy"));
        assertThat(one.proposals()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Kerry McCarthy");
            assertThat(p.wikidataId()).isEqualTo("Q581095");
            assertThat(p.url()).isEqualTo("https://www.kerrymccarthy.org/");
            // in the asked language where the file has it (Welsh), else English
            assertThat(p.office()).isEqualTo("Aelod Seneddol, y Deyrnas Unedig, Tŷ'r Cyffredin");
            assertThat(p.party()).isEqualTo("Y Blaid Lafur");
            assertThat(p.inOfficeFrom()).isEqualTo("2017-06-08");
        });
    }

    @Test
    void goodRecordsAreReadAndBrokenOnesSaidWhereAndWhy() throws Exception {
        byte[] file = Fixtures.text("popolo/parliament.json").replace("${SITE}", "http://127.0.0.1:9")
                .getBytes(StandardCharsets.UTF_8);
        PopoloReader.Result r = new PopoloReader().read(file,
                new PopoloReader.Options("FI", Level.NATIONAL, false, TODAY, "https://parliament.example/popolo.json", "popolo.json", "fi"));
        assertThat(r.proposals()).extracting(Proposal::name, Proposal::url, Proposal::kind, Proposal::office, Proposal::wikidataId)
                .containsExactly(
                        tuple("Anna Virtanen", "http://127.0.0.1:9/anna/", LinkKind.BLOG, "Member, Parliament", null),
                        tuple("Bo Lindqvist", "http://127.0.0.1:9/bo/", LinkKind.WEBSITE, "Member, Parliament", null),
                        tuple("Cecilia Ek", "http://127.0.0.1:9/cecilia/feed.xml", LinkKind.FEED, "Member, Parliament", null));
        assertThat(r.proposals().get(0).party()).isEqualTo("Green League");
        assertThat(r.proposals().get(0).sourceUrls()).containsExactly("https://parliament.example/members/anna-virtanen",
                "https://parliament.example/popolo.json");
        assertThat(r.proposals().get(1).inOfficeFrom()).isEqualTo("2023-04-05");
        assertThat(r.problems()).containsExactly(
                "memberships[5]: no person_id; left out",
                "persons[1] (id p2) Bo Lindqvist: a membership names the organization 'org/unknown', which the file does not list; that membership is ignored",
                "persons[3] (id p4): no name; left out",
                "persons[4] (id p5) Daniel Berg: the wikidata identifier '42' is not an item id (Q followed by digits); ignored",
                "persons[4] (id p5) Daniel Berg: the own blog link 'javascript:alert(1)' uses the scheme 'javascript'; only http and https are accepted; ignored",
                "persons[7]: not an object; left out");
        assertThat(r.former()).isEqualTo(1);
        assertThat(r.withoutLinks()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotPopoloIsRefusedWhole() {
        assertThatThrownBy(() -> new PopoloReader().read("{\"persons\": [".getBytes(StandardCharsets.UTF_8), options(false, "x.json")))
                .isInstanceOf(PopoloReader.NotPopoloException.class).hasMessageStartingWith("x.json is not JSON at line 1");
        assertThatThrownBy(() -> new PopoloReader().read("[1, 2]".getBytes(StandardCharsets.UTF_8), options(false, "x.json")))
                .hasMessage("x.json is not a Popolo file: it is not a JSON object");
        assertThatThrownBy(() -> new PopoloReader().read("{\"people\": []}".getBytes(StandardCharsets.UTF_8), options(false, "x.json")))
                .hasMessage("x.json is not a Popolo file: it has no \"persons\" list");
    }

    @Test
    void linkKindsFromNotesAndContactTypes() {
        assertThat(PopoloReader.kind("Blog")).isEqualTo(LinkKind.BLOG);
        assertThat(PopoloReader.kind("blogi")).isEqualTo(LinkKind.BLOG);
        assertThat(PopoloReader.kind("RSS feed")).isEqualTo(LinkKind.FEED);
        assertThat(PopoloReader.kind("website")).isEqualTo(LinkKind.WEBSITE);
        assertThat(PopoloReader.kind("Wikipedia (fi)")).isNull();
        assertThat(PopoloReader.kind("twitter")).isNull();
        assertThat(PopoloReader.ended("2019-10-31", "2026-12-01")).isTrue();
        assertThat(PopoloReader.ended("2026", "2026-12-01")).isFalse();
        assertThat(PopoloReader.ended("2027-01", "2026-12-01")).isFalse();
    }
}
