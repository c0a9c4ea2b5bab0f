package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SparqlResultsTest {

    @Test
    void readsTheW3cJsonFormat() throws Exception {
        SparqlResults r = SparqlResults.parse(Fixtures.bytes("wikidata/holders-current.json"));
        assertThat(r.vars()).containsExactly("person", "personLabel", "statement", "position", "positionLabel",
                "country", "start", "end", "property", "url");
        assertThat(r.rows()).hasSize(11);
        SparqlResults.Row kono = r.rows().stream().filter(x -> "Q1161024".equals(x.entityId("person"))).findFirst().orElseThrow();
        assertThat(kono.term("personLabel")).isEqualTo(new SparqlResults.Term("literal", "河野太郎", "ja", null));
        assertThat(kono.entityId("position")).isEqualTo("Q17506823");
        assertThat(kono.term("end")).as("an unbound variable is absent").isNull();
        SparqlResults.Row murphy = r.rows().get(0);
        assertThat(murphy.entityId("person")).isEqualTo("Q1077594");
        assertThat(murphy.term("start").datatype()).isEqualTo("http://www.w3.org/2001/XMLSchema#dateTime");
        assertThat(murphy.term("url").isUri()).isTrue();
    }

    @Test
    void saysWhatIsWrongWithAnAnswerThatIsNotTheFormat() {
        assertThatThrownBy(() -> parse("<html><title>Error</title></html>"))
                .hasMessageStartingWith("the answer is not JSON at line 1, column 1");
        assertThatThrownBy(() -> parse("{\"boolean\": true}")).hasMessage("the answer is an ASK result, not a SELECT result");
        assertThatThrownBy(() -> parse("{\"results\": {\"bindings\": []}}")).hasMessage("the answer has no head.vars array");
        assertThatThrownBy(() -> parse("{\"head\": {\"vars\": [\"a\"]}}")).hasMessage("the answer has no results.bindings array");
        assertThatThrownBy(() -> parse("{\"head\": {\"vars\": [\"a\"]}, \"results\": {\"bindings\": [{\"b\": {\"type\": \"uri\", \"value\": \"x\"}}]}}"))
                .hasMessage("results.bindings[0] binds 'b', which head.vars does not name");
        assertThatThrownBy(() -> parse("{\"head\": {\"vars\": [\"a\"]}, \"results\": {\"bindings\": [{\"a\": {\"type\": \"iri\", \"value\": \"x\"}}]}}"))
                .hasMessage("results.bindings[0].a has the type \"iri\"; expected uri, literal or bnode");
        assertThatThrownBy(() -> parse("{\"head\": {\"vars\": [\"a\"]}, \"results\": {\"bindings\": [{\"a\": {\"type\": \"uri\"}}]}}"))
                .hasMessage("results.bindings[0].a has no text value");
    }

    private static SparqlResults parse(String s) throws SparqlResults.MalformedResultsException {
        return SparqlResults.parse(s.getBytes(StandardCharsets.UTF_8));
    }
}
