package org.officialblogs.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officialblogs.testkit.LoopbackSite;

/**
 * A SPARQL endpoint on loopback that answers the discovery's queries with the recorded answers under
 * {@code discover/wikidata}: the countries query, the holders query (current or, without the current-holder filter,
 * former), the position-class query, the name query. Each answer keeps only the rows the query asks for (its
 * countries, codes or names), as the service would. Blog addresses in the answers can be pointed at loopback sites;
 * scripted failures (429, 503, an HTML page, silence) answer the next requests first.
 */
public final class FakeQueryService implements AutoCloseable {

    /** One scripted answer: status, content type, body, extra headers; a negative status means "say nothing for that many ms". */
    public record Answer(int status, String contentType, String body, String... headers) {}

    public final LoopbackSite site;
    public final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final Map<String, String> rewrites = new LinkedHashMap<>();

    public FakeQueryService() throws IOException {
        site = new LoopbackSite();
        site.on("/sparql", this::answer);
    }

    public String endpoint() {
        return site.url("/sparql");
    }

    /** Answers the next request with this instead of a recorded answer. */
    public synchronized FakeQueryService then(Answer a) {
        script.add(a);
        return this;
    }

    /** Replaces an address in every answer (a real blog address by a loopback site's). */
    public synchronized FakeQueryService rewrite(String from, String to) {
        rewrites.put(from, to);
        return this;
    }

    private void answer(HttpExchange ex) throws IOException {
        String raw = ex.getRequestURI().getRawQuery();
        String query = "";
        for (String part : raw == null ? new String[0] : raw.split("&")) {
            if (part.startsWith("query=")) query = URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
        }
        queries.add(query);
        userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        Answer scripted;
        synchronized (this) {
            scripted = script.poll();
        }
        if (scripted != null) {
            if (scripted.status() < 0) {
                try {
                    Thread.sleep(-scripted.status());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            LoopbackSite.send(ex, scripted.status(), scripted.body(), scripted.contentType(), scripted.headers());
            return;
        }
        String fixture;
        if (query.contains("rdfs:label ?name")) fixture = "people-named.json";
        else if (query.contains("wdt:P297")) fixture = "countries.json";
        else if (query.contains("p:P39")) {
            fixture = query.contains("OFFSET 0") ? (query.contains("FILTER(!BOUND(?end)") ? "holders-current.json" : "holders-former.json")
                    : "empty.json";
        } else if (query.contains("wdt:P279*")) fixture = "classes.json";
        else {
            LoopbackSite.send(ex, 400, "unexpected query", "text/plain");
            return;
        }
        String body = asked(Fixtures.text("wikidata/" + fixture), query);
        synchronized (this) {
            for (var r : rewrites.entrySet()) body = body.replace(r.getKey(), r.getValue());
        }
        LoopbackSite.send(ex, 200, body, "application/sparql-results+json;charset=utf-8");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VALUES = Pattern.compile("VALUES \\?(country|code|name) \\{([^}]*)}");

    /** The recorded answer cut to the rows whose country, code or name is among the query's VALUES. */
    static String asked(String answer, String query) throws IOException {
        Matcher m = VALUES.matcher(query);
        if (!m.find()) return answer;
        String variable = m.group(1);
        Set<String> values = new HashSet<>();
        Matcher each = Pattern.compile("wd:(Q\\d+)|\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(2));
        while (each.find()) values.add(each.group(1) != null ? each.group(1) : each.group(2));
        JsonNode root = JSON.readTree(answer);
        ArrayNode bindings = (ArrayNode) root.path("results").path("bindings");
        for (Iterator<JsonNode> it = bindings.iterator(); it.hasNext(); ) {
            String value = it.next().path(variable).path("value").asText(null);
            if (value == null) continue;
            if (!values.contains(value.substring(value.lastIndexOf('/') + 1))) it.remove();
        }
        return JSON.writeValueAsString(root);
    }

    @Override
    public void close() {
        site.close();
    }
}
