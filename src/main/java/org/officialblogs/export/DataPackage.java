package org.officialblogs.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.officialblogs.json.Json;

/**
 * datapackage.json: a Frictionless Data Package (v2) describing every exported file, with a Table Schema per table
 * built from the same {@link Column} definitions the files are written from.
 */
public final class DataPackage {

    public static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
    public static final String LICENCE_NAME = "CC-BY-4.0";
    public static final String LICENCE_TITLE = "Creative Commons Attribution 4.0 International";
    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

    private final ObjectMapper mapper = Json.mapper();
    private final ObjectWriter pretty = mapper.writer(SerializationFeature.INDENT_OUTPUT);
    private final String baseUrl;
    private final String notice;

    public DataPackage(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param notice said first in the title and description (the demo's "synthetic"), or null */
    public DataPackage(String baseUrl, String notice) {
        this.baseUrl = baseUrl;
        this.notice = notice;
    }

    /** The descriptor of a snapshot made at {@code created}, of the data as of {@code snapshotDay}. */
    public ObjectNode descriptor(List<ExportTable> tables, Instant created, LocalDate snapshotDay) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", PROFILE);
        root.put("name", "official-blogs");
        root.put("title", DataExporter.titled("Official Blogs: public officials who blog, their posting and their"
                + " replies to readers", notice));
        root.put("description", (notice == null ? "" : notice + " ") + "A registry of public officials' blogs with the public sources behind each entry, the "
                + "posts read from their feeds, the comments on them (without commenters' names), and daily metrics of "
                + "posting frequency and comment responsiveness. Snapshot of " + snapshotDay + ". Every table is also "
                + "available as NDJSON (same columns, one JSON object a line) next to its CSV.");
        root.put("version", snapshotDay.toString());
        root.put("homepage", baseUrl + "/data");
        root.put("created", created.toString());
        ArrayNode licences = root.putArray("licenses");
        licences.addObject().put("name", LICENCE_NAME).put("path", LICENCE_URL).put("title", LICENCE_TITLE);
        ArrayNode sources = root.putArray("sources");
        sources.addObject().put("title", "Official Blogs registry and crawler").put("path", baseUrl);
        sources.addObject().put("title", "Public sources cited for each official (column officials.sources)");
        sources.addObject().put("title", "Methodology of the metrics").put("path", baseUrl + "/methodology");
        root.putArray("keywords").add("government").add("blogs").add("public officials").add("civic data");
        ArrayNode resources = root.putArray("resources");
        for (ExportTable t : tables) {
            resources.add(resource(t));
        }
        resources.addObject().put("name", "popolo").put("path", "popolo.json").put("format", "json")
                .put("mediatype", "application/json").put("encoding", "utf-8")
                .put("description", "Persons, organizations and memberships in the Popolo standard.");
        resources.addObject().put("name", "feeds").put("path", "feeds.opml").put("format", "opml")
                .put("mediatype", "text/x-opml").put("encoding", "utf-8")
                .put("description", "The feed of every listed blog that the crawler reads without failure, grouped by"
                        + " country, for a feed reader.");
        return root;
    }

    /** The descriptor as indented JSON bytes (UTF-8). */
    public byte[] bytes(List<ExportTable> tables, Instant created, LocalDate snapshotDay) {
        try {
            return pretty.writeValueAsBytes(descriptor(tables, created, snapshotDay));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write datapackage.json", e);
        }
    }

    private ObjectNode resource(ExportTable t) {
        ObjectNode r = mapper.createObjectNode();
        r.put("name", t.name());
        r.put("type", "table");
        r.put("path", TableFormat.CSV.fileName(t));
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        r.put("title", t.title());
        r.put("description", t.description() + (t.dateFilter() == null ? ""
                : " A date range on the export filters on " + t.dateFilter() + "."));
        ObjectNode dialect = r.putObject("dialect");
        dialect.put("header", true);
        dialect.put("delimiter", ",");
        dialect.put("quoteChar", "\"");
        r.put("x-formula-cells", CsvCells.NOTE);
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Column c : t.columns()) {
            ObjectNode f = fields.addObject();
            f.put("name", c.name());
            f.put("type", c.type().tableSchemaType());
            if (c.format() != null) f.put("format", c.format());
            f.put("description", c.description());
            if (c.required()) f.putObject("constraints").put("required", true);
        }
        ArrayNode missing = schema.putArray("missingValues");
        missing.add("");
        ArrayNode pk = schema.putArray("primaryKey");
        t.primaryKey().forEach(pk::add);
        if (!t.foreignKeys().isEmpty()) {
            ArrayNode fks = schema.putArray("foreignKeys");
            for (ForeignKey k : t.foreignKeys()) {
                ObjectNode fk = fks.addObject();
                fk.putArray("fields").add(k.column());
                ObjectNode ref = fk.putObject("reference");
                ref.put("resource", k.table());
                ref.putArray("fields").add(k.referencedColumn());
            }
        }
        return r;
    }
}
