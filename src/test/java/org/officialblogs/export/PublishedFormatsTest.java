package org.officialblogs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * datapackage.json validates against the published Frictionless v2 profile and popolo.json against the Popolo
 * schemas (copies in src/test/resources/schemas, provenance in its README); feeds.opml is well-formed OPML 2.0.
 */
class PublishedFormatsTest {

    @TempDir
    Path dir;
    App app;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.toString(), "OFFICIALBLOGS_SCHEDULER", "false",
                "OFFICIALBLOGS_BASE_URL", "https://officialblogs.example")));
        ExportFixture.load(app);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void dataPackageValidatesAgainstTheFrictionlessProfile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.exporter.writeDataPackage(out);
        String descriptor = out.toString(StandardCharsets.UTF_8);
        Schema profile = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(resource("/schemas/frictionless/datapackage.json"));
        List<Error> errors = profile.validate(descriptor, InputFormat.JSON);
        assertThat(errors).as("datapackage.json against the Data Package profile").isEmpty();

        // each resource's schema also validates on its own against the Table Schema profile
        Schema tableSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(resource("/schemas/frictionless/tableschema.json"));
        JsonNode root = json.readTree(descriptor);
        int tables = 0;
        for (JsonNode r : root.get("resources")) {
            if (!r.has("schema")) continue;
            tables++;
            assertThat(tableSchema.validate(r.get("schema").toString(), InputFormat.JSON)).as(r.get("name").asText()).isEmpty();
        }
        assertThat(tables).isEqualTo(ExportTables.ALL.size());

        assertThat(root.get("$schema").asText()).isEqualTo("https://datapackage.org/profiles/2.0/datapackage.json");
        assertThat(root.get("licenses").get(0).get("name").asText()).isEqualTo("CC-BY-4.0");
        assertThat(root.get("sources")).isNotEmpty();
        assertThat(root.get("created").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(root.get("version").asText()).isEqualTo("2024-06-16");
    }

    @Test
    void dataPackageDescribesEveryColumnOfEveryFileWithKeys() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.exporter.writeDataPackage(out);
        JsonNode root = json.readTree(out.toByteArray());
        for (ExportTable t : ExportTables.ALL) {
            JsonNode r = null;
            for (JsonNode n : root.get("resources")) if (n.get("name").asText().equals(t.name())) r = n;
            assertThat(r).as(t.name()).isNotNull();
            assertThat(r.get("path").asText()).isEqualTo(t.name() + ".csv");
            List<String> names = new ArrayList<>();
            for (JsonNode f : r.get("schema").get("fields")) {
                names.add(f.get("name").asText());
                assertThat(f.get("description").asText()).isNotBlank();
                assertThat(f.get("type").asText()).isIn("integer", "number", "string", "boolean", "datetime", "date");
            }
            assertThat(names).isEqualTo(t.columnNames());
            List<String> pk = new ArrayList<>();
            r.get("schema").get("primaryKey").forEach(k -> pk.add(k.asText()));
            assertThat(pk).isEqualTo(t.primaryKey());
            assertThat(r.get("schema").path("foreignKeys").size()).isEqualTo(t.foreignKeys().size());
        }
        JsonNode blogs = null;
        for (JsonNode n : root.get("resources")) if (n.get("name").asText().equals("blogs")) blogs = n;
        JsonNode fk = blogs.get("schema").get("foreignKeys").get(0);
        assertThat(fk.get("fields").get(0).asText()).isEqualTo("official_id");
        assertThat(fk.get("reference").get("resource").asText()).isEqualTo("officials");
    }

    @Test
    void popoloValidatesAgainstThePopoloSchemas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.exporter.writePopolo(ExportFilter.NONE, out);
        JsonNode root = json.readTree(out.toByteArray());

        SchemaRegistry registry = popoloRegistry();
        Map<String, String> kinds = Map.of("persons", "person", "organizations", "organization", "memberships", "membership");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            Schema schema = registry.getSchema(com.networknt.schema.SchemaLocation.of(POPOLO + kind.getValue() + ".json"));
            assertThat(root.get(kind.getKey())).as(kind.getKey()).isNotEmpty();
            for (JsonNode item : root.get(kind.getKey())) {
                assertThat(schema.validate(item.toString(), InputFormat.JSON)).as(kind.getKey() + " " + item).isEmpty();
            }
        }
        // the schemas do reject what they should: a link without its url, a date in another form
        Schema person = registry.getSchema(com.networknt.schema.SchemaLocation.of(POPOLO + "person.json"));
        assertThat(person.validate("{\"name\":\"x\",\"links\":[{\"note\":\"no url\"}]}", InputFormat.JSON)).isNotEmpty();
        Schema membership = registry.getSchema(com.networknt.schema.SchemaLocation.of(POPOLO + "membership.json"));
        assertThat(membership.validate("{\"start_date\":\"10/2019\"}", InputFormat.JSON)).isNotEmpty();

        JsonNode persons = root.get("persons");
        assertThat(persons).hasSize(2);
        JsonNode adam = persons.get(0);
        assertThat(adam.get("id").asText()).isEqualTo("official-1");
        assertThat(adam.get("name").asText()).isEqualTo(ExportFixture.NAME_1);
        assertThat(adam.get("identifiers").get(0).get("scheme").asText()).isEqualTo("wikidata");
        assertThat(adam.get("identifiers").get(0).get("identifier").asText()).isEqualTo("Q4242");
        List<String> links = new ArrayList<>();
        adam.get("links").forEach(l -> links.add(l.get("url").asText()));
        assertThat(links).contains("https://adam.example.hu/?a=1,2", "https://adam.example.hu/feed",
                "https://officialblogs.example/officials/1", "https://www.wikidata.org/wiki/Q4242");
        assertThat(adam.get("sources")).hasSize(2);
        JsonNode m = root.get("memberships").get(0);
        assertThat(m.get("person_id").asText()).isEqualTo("official-1");
        assertThat(m.get("organization_id").asText()).isEqualTo("hu-local-executive");
        assertThat(m.get("role").asText()).isEqualTo(ExportFixture.OFFICE_1);
        assertThat(m.get("start_date").asText()).isEqualTo("2019-10");
        List<String> orgs = new ArrayList<>();
        root.get("organizations").forEach(o -> orgs.add(o.get("id").asText()));
        assertThat(orgs).containsExactly("cn-national-legislative", "hu-local-executive");
    }

    @Test
    void opmlListsTheWorkingFeedsOfListedBlogsGroupedByCountry() throws Exception {
        // never read yet: not in the list
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        app.exporter.writeOpml(before);
        assertThat(before.toString(StandardCharsets.UTF_8)).doesNotContain("xmlUrl");
        app.crawl.makeDueNow(10, Instant.parse("2024-06-16T00:00:00Z"));
        app.crawl.saveState(new org.officialblogs.crawl.CrawlState(10, Instant.parse("2024-06-17T00:00:00Z"),
                Instant.parse("2024-06-16T00:00:00Z"), Instant.parse("2024-06-16T00:00:00Z"), 200, null, null, null,
                null, 0, null, false, true, null, 0, null, "Adam's blog", "rss", null, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.exporter.writeOpml(out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList groups = doc.getElementsByTagName("body").item(0).getChildNodes();
        List<String> countries = new ArrayList<>();
        List<String> feeds = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            if (!(groups.item(i) instanceof Element g)) continue;
            countries.add(g.getAttribute("text"));
            NodeList items = g.getElementsByTagName("outline");
            for (int j = 0; j < items.getLength(); j++) {
                Element e = (Element) items.item(j);
                assertThat(e.getAttribute("type")).isEqualTo("rss");
                feeds.add(e.getAttribute("xmlUrl") + " " + e.getAttribute("text"));
            }
        }
        assertThat(countries).containsExactly("Hungary");
        // only the listed blog whose feed was read: not the dormant one without a feed, not the pending one
        assertThat(feeds).containsExactly("https://adam.example.hu/feed " + ExportFixture.NAME_1 + " ("
                + ExportFixture.OFFICE_1.replace("\n", " ") + ")");
        // once its feed fails, it leaves the list
        app.database.jdbi().useHandle(h -> h.execute("UPDATE crawl_state SET consecutive_failures = 1,"
                + " failure_kind = 'malformed' WHERE blog_id = 10"));
        ByteArrayOutputStream failing = new ByteArrayOutputStream();
        app.exporter.writeOpml(failing);
        assertThat(failing.toString(StandardCharsets.UTF_8)).doesNotContain("xmlUrl");
    }

    static final String POPOLO = "http://www.popoloproject.com/schemas/";

    /**
     * The Popolo schemas are JSON Schema draft-03, which the validator does not implement; the only draft-03 keyword
     * they use is {@code "required": true} inside a property, which is rewritten here into draft-04's
     * {@code "required": [names]} on the object (the same constraint), then validated as draft-04.
     */
    private SchemaRegistry popoloRegistry() throws IOException {
        Map<String, String> schemas = new HashMap<>();
        for (String name : List.of("person", "organization", "membership", "post", "area", "contact_detail",
                "identifier", "link", "other_name")) {
            ObjectNode node = (ObjectNode) json.readTree(resource("/schemas/popolo/" + name + ".json"));
            node.put("$schema", "http://json-schema.org/draft-04/schema#");
            draft3RequiredToDraft4(node);
            schemas.put(POPOLO + name + ".json", node.toString());
        }
        // organization.json refers to motion and vote event schemas that the Popolo folder does not publish; the
        // export writes neither property, so they stand as schemas that accept anything
        schemas.put(POPOLO + "motion.json", "{\"$schema\":\"http://json-schema.org/draft-04/schema#\"}");
        schemas.put(POPOLO + "vote_event.json", "{\"$schema\":\"http://json-schema.org/draft-04/schema#\"}");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b.schemas(schemas));
    }

    private static void draft3RequiredToDraft4(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode props = o.get("properties");
            if (props instanceof ObjectNode p) {
                List<String> required = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue() instanceof ObjectNode prop && prop.get("required") != null && prop.get("required").isBoolean()) {
                        if (prop.get("required").asBoolean()) required.add(e.getKey());
                        prop.remove("required");
                    }
                }
                if (!required.isEmpty()) {
                    ArrayNode r = o.putArray("required");
                    required.forEach(r::add);
                }
            }
            o.forEach(PublishedFormatsTest::draft3RequiredToDraft4);
        } else if (node instanceof ArrayNode a) {
            a.forEach(PublishedFormatsTest::draft3RequiredToDraft4);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = PublishedFormatsTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
