package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.junit.jupiter.api.Test;

/**
 * The queries are valid SPARQL 1.1 (Jena parses them), and run on a small graph shaped like the Wikidata RDF dump
 * (truthy {@code wdt:} triples, statement nodes with {@code ps:}, {@code pq:} and ranks) they pick the right people.
 * The label service is the query service's own extension, so it is left out when Jena runs them.
 */
class WikidataQueriesTest {

    static final String GRAPH = """
            @prefix wd: <http://www.wikidata.org/entity/> .
            @prefix wdt: <http://www.wikidata.org/prop/direct/> .
            @prefix p: <http://www.wikidata.org/prop/> .
            @prefix ps: <http://www.wikidata.org/prop/statement/> .
            @prefix pq: <http://www.wikidata.org/prop/qualifier/> .
            @prefix wikibase: <http://wikiba.se/ontology#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix s: <http://www.wikidata.org/entity/statement/> .

            wd:Q183 wdt:P297 "DE" ; wdt:P37 wd:Q188 .
            wd:Q188 wdt:P424 "de" .
            wd:Q41304 wdt:P297 "DD" ; wdt:P576 "1990-10-03T00:00:00Z"^^xsd:dateTime .
            wd:Q1939555 wdt:P1001 wd:Q183 ; wdt:P17 wd:Q183 .
            wd:Q900 wdt:P1001 wd:Q1726 ; wdt:P17 wd:Q183 ; wdt:P279 wd:Q30185 .

            # a current member with a website and a blog
            wd:Q1 wdt:P31 wd:Q5 ; p:P39 s:Q1-a ; wdt:P856 <https://one.example/> ; wdt:P1581 <https://one.example/blog/> .
            s:Q1-a ps:P39 wd:Q1939555 ; pq:P580 "2021-10-26T00:00:00Z"^^xsd:dateTime ; wikibase:rank wikibase:NormalRank .
            # a member whose term ended
            wd:Q2 wdt:P31 wd:Q5 ; p:P39 s:Q2-a ; wdt:P856 <https://two.example/> .
            s:Q2-a ps:P39 wd:Q1939555 ; pq:P580 "2009-10-27T00:00:00Z"^^xsd:dateTime ;
                pq:P582 "2017-10-24T00:00:00Z"^^xsd:dateTime ; wikibase:rank wikibase:NormalRank .
            # a deprecated statement
            wd:Q3 wdt:P31 wd:Q5 ; p:P39 s:Q3-a ; wdt:P856 <https://three.example/> .
            s:Q3-a ps:P39 wd:Q1939555 ; wikibase:rank wikibase:DeprecatedRank .
            # a member without any address
            wd:Q4 wdt:P31 wd:Q5 ; p:P39 s:Q4-a .
            s:Q4-a ps:P39 wd:Q1939555 ; wikibase:rank wikibase:NormalRank .
            # not a person
            wd:Q5000 wdt:P31 wd:Q43229 ; p:P39 s:Q5000-a ; wdt:P856 <https://org.example/> .
            s:Q5000-a ps:P39 wd:Q1939555 ; wikibase:rank wikibase:NormalRank .
            # a mayor of a German city, whose term starts in the future
            wd:Q6 wdt:P31 wd:Q5 ; p:P39 s:Q6-a ; wdt:P1019 <https://six.example/feed> .
            s:Q6-a ps:P39 wd:Q900 ; pq:P580 "2999-01-01T00:00:00Z"^^xsd:dateTime ; wikibase:rank wikibase:PreferredRank .
            """;

    @Test
    void everyQueryIsValidSparql() {
        List<String> queries = List.of(
                WikidataQueries.countries(List.of("DE", "JP")),
                WikidataQueries.holders(List.of("Q183"), List.of(), List.of("de", "mul", "en"), false, 2000, 0),
                WikidataQueries.holders(List.of("Q183", "Q17"), List.of("Q1939555"), List.of("de", "ja", "mul", "en"), true, 2000, 4000),
                WikidataQueries.positionClasses(List.of("Q900"), PositionTable.standard().ids()),
                WikidataQueries.peopleNamed(List.of("Angela Merkel", "O\"Brien \\ test"), List.of("de", "en")));
        for (String q : queries) {
            Query parsed = QueryFactory.create(q);
            assertThat(parsed.isSelectType()).isTrue();
        }
    }

    @Test
    void currentHoldersOfACountryWithAnAddress() {
        assertThat(people(WikidataQueries.holders(List.of("Q183"), List.of(), List.of("de", "en"), false, 100, 0)))
                .containsExactly("Q1 P856 https://one.example/", "Q1 P1581 https://one.example/blog/");
    }

    @Test
    void formerHoldersWhenAsked() {
        assertThat(people(WikidataQueries.holders(List.of("Q183"), List.of(), List.of("de", "en"), true, 100, 0)))
                .containsExactly("Q1 P856 https://one.example/", "Q1 P1581 https://one.example/blog/",
                        "Q2 P856 https://two.example/", "Q6 P1019 https://six.example/feed");
    }

    @Test
    void pagesAreStableSlices() {
        List<String> all = people(WikidataQueries.holders(List.of("Q183"), List.of(), List.of("en"), true, 100, 0));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 1) {
            paged.addAll(people(WikidataQueries.holders(List.of("Q183"), List.of(), List.of("en"), true, 1, offset)));
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void onlyTheNamedPositions() {
        assertThat(people(WikidataQueries.holders(List.of("Q183"), List.of("Q900"), List.of("en"), true, 100, 0)))
                .containsExactly("Q6 P1019 https://six.example/feed");
    }

    @Test
    void countriesLeaveOutDissolvedStates() {
        List<String> rows = new ArrayList<>();
        run(WikidataQueries.countries(List.of("DE", "DD")), s -> rows.add(s.getResource("country").getLocalName() + " "
                + s.getLiteral("code").getString() + " " + (s.contains("language") ? s.getLiteral("language").getString() : "-")));
        assertThat(rows).containsExactly("Q183 DE de");
    }

    @Test
    void positionClassesFollowSubclassOf() {
        List<String> rows = new ArrayList<>();
        run(WikidataQueries.positionClasses(List.of("Q900", "Q1939555"), List.of("Q30185", "Q83307")),
                s -> rows.add(s.getResource("position").getLocalName() + " " + s.getResource("class").getLocalName()));
        assertThat(rows).containsExactly("Q900 Q30185");
    }

    @Test
    void ourReaderReadsJenasW3cJsonOfTheSameAnswer() throws Exception {
        String query = WikidataQueries.holders(List.of("Q183"), List.of(), List.of("en"), true, 100, 0)
                .replaceAll("(?m)^\\s*SERVICE wikibase:label \\{.*\\}\\s*$", "");
        Model model = ModelFactory.createDefaultModel();
        model.read(new StringReader(GRAPH), null, "TURTLE");
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        try (QueryExecution qe = QueryExecutionFactory.create(QueryFactory.create(query), model)) {
            ResultSetFormatter.outputAsJSON(json, qe.execSelect());
        }
        SparqlResults read = SparqlResults.parse(json.toByteArray());
        assertThat(read.rows()).extracting(r -> r.entityId("person") + " " + r.value("property") + " " + r.value("url"))
                .containsExactly("Q1 P856 https://one.example/", "Q1 P1581 https://one.example/blog/",
                        "Q2 P856 https://two.example/", "Q6 P1019 https://six.example/feed");
        assertThat(read.rows().get(2).term("end").datatype()).isEqualTo("http://www.w3.org/2001/XMLSchema#dateTime");
    }

    @Test
    void refusesWhatIsNotAnIdOrCode() {
        assertThatThrownBy(() -> WikidataQueries.countries(List.of("de"))).hasMessageContaining("not an ISO country code");
        assertThatThrownBy(() -> WikidataQueries.holders(List.of("Q1 } DELETE"), List.of(), List.of("en"), false, 1, 0))
                .hasMessageContaining("not a Wikidata item id");
        assertThatThrownBy(() -> WikidataQueries.holders(List.of("Q1"), List.of(), List.of("en\""), false, 1, 0))
                .hasMessageContaining("not a language code");
        assertThat(WikidataQueries.literal("a \"b\" \\ c\nd")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\"");
    }

    /** "Q1 P856 https://..." per row, in the query's order, with the label service left out. */
    private static List<String> people(String query) {
        List<String> rows = new ArrayList<>();
        run(query, s -> rows.add(s.getResource("person").getLocalName() + " " + s.getLiteral("property").getString()
                + " " + s.getResource("url").getURI()));
        return rows;
    }

    private static void run(String query, java.util.function.Consumer<QuerySolution> each) {
        String withoutLabels = query.replaceAll("(?m)^\\s*SERVICE wikibase:label \\{.*\\}\\s*$", "");
        Model model = ModelFactory.createDefaultModel();
        model.read(new StringReader(GRAPH), null, "TURTLE");
        try (QueryExecution qe = QueryExecutionFactory.create(QueryFactory.create(withoutLabels), model)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) each.accept(rs.next());
        }
    }
}
