package org.officialblogs.discover;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.officialblogs.json.Json;

/**
 * Reads a SELECT answer in the W3C SPARQL 1.1 Query Results JSON Format: {@code head.vars}, then
 * {@code results.bindings}, each binding a map from variable to an RDF term ({@code uri}, {@code literal} with an
 * optional {@code xml:lang} or {@code datatype}, {@code bnode}). Anything else is refused with a message that says
 * what was wrong.
 */
public final class SparqlResults {

    /** One RDF term of a binding. */
    public record Term(String type, String value, String lang, String datatype) {

        public boolean isUri() {
            return "uri".equals(type);
        }

        public boolean isLiteral() {
            return "literal".equals(type) || "typed-literal".equals(type);
        }
    }

    /** One solution: the variables it binds (unbound variables are absent). */
    public record Row(Map<String, Term> terms) {

        public Row {
            terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        }

        public Term term(String var) {
            return terms.get(var);
        }

        /** The term's value, or null when the variable is unbound. */
        public String value(String var) {
            Term t = terms.get(var);
            return t == null ? null : t.value();
        }

        /** The Wikidata id of an entity IRI ({@code http://www.wikidata.org/entity/Q42} gives Q42), or null. */
        public String entityId(String var) {
            return WikidataIds.fromEntityIri(value(var));
        }
    }

    /** The answer did not follow the format. */
    public static final class MalformedResultsException extends Exception {
        public MalformedResultsException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = Json.mapper();

    private final List<String> vars;
    private final List<Row> rows;

    private SparqlResults(List<String> vars, List<Row> rows) {
        this.vars = List.copyOf(vars);
        this.rows = List.copyOf(rows);
    }

    public List<String> vars() {
        return vars;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Parses an answer's bytes (UTF-8, as the format requires). */
    public static SparqlResults parse(byte[] body) throws MalformedResultsException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new MalformedResultsException("the answer is not JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedResultsException("the answer could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new MalformedResultsException("the answer is not a JSON object");
        if (root.has("boolean")) throw new MalformedResultsException("the answer is an ASK result, not a SELECT result");
        JsonNode head = root.get("head");
        if (head == null || !head.isObject() || !head.path("vars").isArray()) {
            throw new MalformedResultsException("the answer has no head.vars array");
        }
        List<String> vars = new ArrayList<>();
        for (JsonNode v : head.get("vars")) {
            if (!v.isTextual()) throw new MalformedResultsException("head.vars holds a value that is not a name: " + v);
            vars.add(v.asText());
        }
        JsonNode bindings = root.path("results").path("bindings");
        if (!bindings.isArray()) throw new MalformedResultsException("the answer has no results.bindings array");
        List<Row> rows = new ArrayList<>(bindings.size());
        int i = 0;
        for (JsonNode b : bindings) {
            if (!b.isObject()) throw new MalformedResultsException("results.bindings[" + i + "] is not an object");
            Map<String, Term> terms = new LinkedHashMap<>();
            var fields = b.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (!vars.contains(f.getKey())) {
                    throw new MalformedResultsException("results.bindings[" + i + "] binds '" + f.getKey()
                            + "', which head.vars does not name");
                }
                terms.put(f.getKey(), term(f.getValue(), i, f.getKey()));
            }
            rows.add(new Row(terms));
            i++;
        }
        return new SparqlResults(vars, rows);
    }

    private static Term term(JsonNode t, int row, String var) throws MalformedResultsException {
        String where = "results.bindings[" + row + "]." + var;
        if (!t.isObject()) throw new MalformedResultsException(where + " is not an RDF term object");
        String type = t.path("type").asText(null);
        if (type == null || !(type.equals("uri") || type.equals("literal") || type.equals("typed-literal")
                || type.equals("bnode"))) {
            throw new MalformedResultsException(where + " has the type " + t.path("type") + "; expected uri, literal or bnode");
        }
        JsonNode value = t.get("value");
        if (value == null || !value.isTextual()) throw new MalformedResultsException(where + " has no text value");
        String lang = t.hasNonNull("xml:lang") ? t.get("xml:lang").asText() : null;
        String datatype = t.hasNonNull("datatype") ? t.get("datatype").asText() : null;
        return new Term(type, value.asText(), lang, datatype);
    }
}
