package org.officialblogs.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officialblogs.export.Column;
import org.officialblogs.export.DataExporter;
import org.officialblogs.export.DataPackage;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.export.SnapshotChanges;
import org.officialblogs.export.SqliteDownload;
import org.officialblogs.export.TableFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /data (the page) and GET /data/{file}: each table as CSV or NDJSON (filtered by country, level, status, from
 * and to, as on the rankings page), datapackage.json, popolo.json, feeds.opml and the SQLite copy, streamed.
 */
final class DataController {

    private static final Logger log = LoggerFactory.getLogger(DataController.class);

    private final DataExporter exporter;
    private final Templates templates;
    private final SiteInfo site;

    DataController(DataExporter exporter, Templates templates, SiteInfo site) {
        this.exporter = exporter;
        this.templates = templates;
        this.site = site;
    }

    void page(Context ctx) {
        List<DataPage.TableFile> tables = new ArrayList<>();
        for (ExportTable t : ExportTables.ALL) {
            List<DataPage.ColumnDoc> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                columns.add(new DataPage.ColumnDoc(c.name(), c.type().tableSchemaType()
                        + (c.format() == null ? "" : " (" + c.format() + ")"), c.required(), c.description()));
            }
            tables.add(new DataPage.TableFile(t.name(), t.title(), t.description(),
                    "/data/" + TableFormat.CSV.fileName(t), "/data/" + TableFormat.NDJSON.fileName(t),
                    String.join(", ", t.primaryKey()), t.dateFilter(), columns));
        }
        List<DataPage.Download> others = List.of(
                new DataPage.Download("datapackage.json", "/data/datapackage.json",
                        "Frictionless Data Package (v2): every table's schema, keys, licence and sources, for tools that read it."),
                new DataPage.Download("popolo.json", "/data/popolo.json",
                        "The officials in the Popolo standard: persons (with Wikidata ids and blog links), organizations, memberships."),
                new DataPage.Download("feeds.opml", "/data/feeds.opml",
                        "The feed of every listed blog the crawler reads without failure, grouped by country: import it"
                                + " into a feed reader."),
                new DataPage.Download(DataExporter.SQLITE_FILE, "/data/" + DataExporter.SQLITE_FILE,
                        "The same tables and columns as the CSV files, as one SQLite database of the latest snapshot,"
                                + " with a full-text index of post titles (" + org.officialblogs.export.SqliteSnapshot.POSTS_FTS
                                + "): query it with SQL."),
                new DataPage.Download(org.officialblogs.export.DatasetteMetadata.FILE, "/data/"
                        + org.officialblogs.export.DatasetteMetadata.FILE, "Datasette metadata for the SQLite database"
                        + " (title, licence, source, every column described): datasette " + DataExporter.SQLITE_FILE
                        + " -m metadata.json gives a documented site."));
        String day = exporter.snapshotDay().toString();
        String citation = "Official Blogs (" + day.substring(0, 4) + "). Public officials who blog: registry, posts and "
                + "metrics, snapshot of " + day + ". " + site.baseUrl() + "/data. Licensed under CC BY 4.0.";
        SnapshotChanges c = exporter.changes();
        List<DataPage.Line> lines = c.lines().stream().map(l -> new DataPage.Line(l.what(), l.now(),
                l.before() == null ? "" : l.before().toString(), l.delta())).toList();
        templates.render(ctx, "data.jte", new DataPage(site, day, tables, others, DataPackage.LICENCE_TITLE,
                DataPackage.LICENCE_URL, citation, new DataPage.Changes(
                        c.latest() == null ? null : c.latest().toString(),
                        c.previous() == null ? null : c.previous().toString(), lines, c.blogsAdded(), c.blogsGone()),
                org.officialblogs.export.CsvCells.NOTE));
    }

    void file(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        switch (file) {
            case "datapackage.json" -> stream(ctx, "application/json", null, out -> exporter.writeDataPackage(out));
            case "popolo.json" -> {
                ExportFilter filter = filter(ctx);
                stream(ctx, "application/json", null, out -> exporter.writePopolo(filter, out));
            }
            case "feeds.opml" -> stream(ctx, "text/x-opml; charset=utf-8", "feeds.opml", exporter::writeOpml);
            case org.officialblogs.export.DatasetteMetadata.FILE ->
                    stream(ctx, "application/json", null, exporter::writeDatasetteMetadata);
            case DataExporter.SQLITE_FILE -> sqlite(ctx);
            default -> table(ctx, file);
        }
    }

    private void table(Context ctx, String file) throws IOException {
        int dot = file.lastIndexOf('.');
        Optional<ExportTable> table = dot < 0 ? Optional.empty() : ExportTables.byName(file.substring(0, dot));
        Optional<TableFormat> format = dot < 0 ? Optional.empty() : TableFormat.byExtension(file.substring(dot + 1));
        if (table.isEmpty() || format.isEmpty()) {
            throw new NotFoundResponse("There is no file " + file + " here; the files are listed on /data.");
        }
        ExportFilter filter = filter(ctx);
        stream(ctx, format.get().mediaType(), file,
                out -> exporter.writeTable(table.get(), format.get(), filter, out));
    }

    static ExportFilter filter(Context ctx) {
        ExportFilter.Parsed parsed = ExportFilter.parse(ctx::queryParam);
        if (!parsed.ok()) throw new BadRequestResponse(String.join("; ", parsed.problems()));
        return parsed.filter();
    }

    /**
     * The SQLite copy of the latest snapshot, read from its file: a binary, sent as it is (never compressed on the
     * way, so Content-Length is the length received).
     */
    private void sqlite(Context ctx) throws IOException {
        Optional<SqliteDownload.Ready> ready = exporter.sqliteDownload().current();
        if (ready.isEmpty()) {
            ctx.header("Retry-After", "60");
            throw new ServiceUnavailableResponse("The SQLite copy of this snapshot is being made. It takes a minute or "
                    + "two for a large dataset; please try again then.");
        }
        SqliteDownload.Ready r = ready.get();
        ctx.disableCompression();
        ctx.contentType("application/vnd.sqlite3");
        ctx.header("Content-Disposition", "attachment; filename=\"" + DataExporter.SQLITE_FILE + "\"");
        ctx.header("Content-Length", Long.toString(r.bytes()));
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Files.getLastModifiedTime(r.file()).toInstant().atZone(java.time.ZoneOffset.UTC)));
        try (InputStream in = Files.newInputStream(r.file()); OutputStream out = ctx.res().getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            log.debug("download ended early file={} reason={}", DataExporter.SQLITE_FILE, e.toString());
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Streams a body written straight onto the response; a client that leaves early only ends the stream. */
    private static void stream(Context ctx, String contentType, String attachment, Body body) {
        ctx.contentType(contentType);
        ctx.header("Access-Control-Allow-Origin", "*");
        if (attachment != null) ctx.header("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
        try (OutputStream out = ctx.outputStream()) {
            body.write(out);
        } catch (IOException | UncheckedIOException e) {
            log.debug("download ended early path={} reason={}", ctx.path(), e.toString());
        }
    }
}
