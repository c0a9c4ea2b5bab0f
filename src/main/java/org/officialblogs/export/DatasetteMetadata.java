package org.officialblogs.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.officialblogs.json.Json;

/**
 * metadata.json for Datasette beside the SQLite download ({@code datasette officialblogs-public.sqlite -m
 * metadata.json}): the title, licence and source of the dataset, and a description of every table and column from
 * the same {@link ExportTable} definitions the files and the database are written from.
 */
public final class DatasetteMetadata {

    /** The file name Datasette is given with -m. */
    public static final String FILE = "metadata.json";

    private final ObjectMapper mapper = Json.mapper();
    private final String baseUrl;
    private final String notice;

    /** @param notice said first in the title and description (the demo's "synthetic"), or null */
    public DatasetteMetadata(String baseUrl, String notice) {
        this.baseUrl = baseUrl;
        this.notice = notice;
    }

    /** The document for the database named {@code database} (Datasette names it by the file's stem). */
    public ObjectNode document(String database, List<ExportTable> tables, String snapshotDay) {
        ObjectNode root = mapper.createObjectNode();
        root.put("title", DataExporter.titled("Official Blogs: public officials who blog", notice));
        root.put("description", (notice == null ? "" : notice + " ") + "Public officials' blogs with the sources behind"
                + " each entry, the posts read from their feeds, the comments on them (without commenters' names) and"
                + " daily metrics of posting and replies to readers. Snapshot of " + snapshotDay + ".");
        root.put("license", DataPackage.LICENCE_NAME);
        root.put("license_url", DataPackage.LICENCE_URL);
        root.put("source", "Official Blogs");
        root.put("source_url", baseUrl + "/data");
        root.put("about", "How the metrics are computed");
        root.put("about_url", baseUrl + "/methodology");
        ObjectNode described = root.putObject("databases").putObject(database).putObject("tables");
        for (ExportTable t : tables) {
            ObjectNode table = described.putObject(t.name());
            table.put("title", t.title());
            table.put("description", t.description() + " Key: " + String.join(", ", t.primaryKey()) + ".");
            ObjectNode columns = table.putObject("columns");
            for (Column c : t.columns()) {
                columns.put(c.name(), c.description() + " (" + c.type().tableSchemaType()
                        + (c.type() == ColumnType.DATETIME ? ", ISO 8601, UTC" : "")
                        + (c.type() == ColumnType.BOOLEAN ? ", 1 for true and 0 for false" : "") + ")");
            }
            if (t == ExportTables.POSTS) {
                table.put("fts_table", SqliteSnapshot.POSTS_FTS);
                table.put("fts_pk", "post_id");
                table.put("sort_desc", "published_at");
            }
        }
        described.putObject(SqliteSnapshot.POSTS_FTS).put("hidden", true);
        return root;
    }

    /** The document as indented UTF-8 JSON. */
    public byte[] bytes(String database, List<ExportTable> tables, String snapshotDay) {
        try {
            return mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(document(database, tables, snapshotDay));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata.json", e);
        }
    }
}
