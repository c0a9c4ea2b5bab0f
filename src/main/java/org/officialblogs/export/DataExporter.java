package org.officialblogs.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The research dataset: each public table as CSV and NDJSON, datapackage.json, popolo.json, feeds.opml, the same
 * tables as a SQLite database and its Datasette metadata.json, written onto a stream (the /data downloads) or into a
 * directory (the export command).
 */
public final class DataExporter {

    /** The SQLite copy's file name. */
    public static final String SQLITE_FILE = "officialblogs-public.sqlite";

    /** One file written by {@link #exportTo}: its name, rows (-1 when it is not a table), size and time taken. */
    public record Written(String file, long rows, long bytes, Duration took) {}

    /** Told about each file as it is finished, for a progress display. */
    @FunctionalInterface
    public interface Progress {
        void written(Written file);
    }

    private final ExportDao dao;
    private final SqliteSnapshot sqlite;
    private final String baseUrl;
    private final Clock clock;
    private final DataPackage dataPackage;
    private final PopoloWriter popolo;
    private final OpmlWriter opml = new OpmlWriter();

    private final SqliteDownload download;
    /** Said in every file's title and description when set (the demo's "all synthetic"); else null. */
    private final String notice;

    /** @param downloads where the SQLite copy served on /data is kept (in the data directory) */
    public DataExporter(ExportDao dao, SqliteSnapshot sqlite, String baseUrl, Clock clock, Path downloads) {
        this(dao, sqlite, baseUrl, clock, downloads, null);
    }

    /** @param notice said in the title and description of every file (the demo's), or null */
    public DataExporter(ExportDao dao, SqliteSnapshot sqlite, String baseUrl, Clock clock, Path downloads,
                        String notice) {
        this.dao = dao;
        this.sqlite = sqlite;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.notice = notice;
        this.dataPackage = new DataPackage(baseUrl, notice);
        this.popolo = new PopoloWriter(dao, baseUrl);
        this.download = new SqliteDownload(sqlite, downloads, this::snapshotDay);
    }

    /** A file's title with the notice before it, when there is one (the demo's "synthetic"). */
    public static String titled(String title, String notice) {
        return notice == null ? title : "Synthetic demo data: " + title;
    }

    /** The SQLite copy served on /data: built once per snapshot day, kept as a file. */
    public SqliteDownload sqliteDownload() {
        return download;
    }

    /** Streams one table's rows; returns how many were written. Leaves {@code out} open. */
    public long writeTable(ExportTable table, TableFormat format, ExportFilter filter, OutputStream out) {
        try (TableFormat.TableWriter w = format.open(out, table)) {
            return dao.stream(table, filter, 0, 0, w);
        }
    }

    /** metadata.json for Datasette, beside the SQLite download (its database is named by the file's stem). */
    public void writeDatasetteMetadata(OutputStream out) throws IOException {
        out.write(new DatasetteMetadata(baseUrl, notice).bytes(SQLITE_FILE.substring(0, SQLITE_FILE.lastIndexOf('.')),
                ExportTables.ALL, snapshotDay().toString()));
    }

    public void writeDataPackage(OutputStream out) throws IOException {
        out.write(dataPackage.bytes(ExportTables.ALL, clock.instant(), snapshotDay()));
    }

    public void writePopolo(ExportFilter filter, OutputStream out) {
        popolo.write(filter, out);
    }

    public void writeOpml(OutputStream out) {
        opml.write(dao.workingFeeds(), clock.instant(), baseUrl, notice, out);
    }

    /** Writes the SQLite copy of the public tables to {@code target} (which must not exist); returns its size. */
    public long writeSqlite(Path target) throws IOException {
        return sqlite.write(target);
    }

    /** The day the data describes: the latest metrics snapshot, or today (UTC) before the first one. */
    public LocalDate snapshotDay() {
        SnapshotChanges c = dao.changes();
        return c.latest() != null ? c.latest() : LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    public SnapshotChanges changes() {
        return dao.changes();
    }

    /**
     * Writes every file into {@code dir} (created when missing). Each file is written under a temporary name and
     * renamed when complete, so a reader never sees half a file.
     */
    public List<Written> exportTo(Path dir, ExportFilter filter, Progress progress) throws IOException {
        Files.createDirectories(dir);
        List<Written> written = new ArrayList<>();
        for (ExportTable table : ExportTables.ALL) {
            for (TableFormat format : TableFormat.values()) {
                long[] rows = {0};
                written.add(write(dir, format.fileName(table), out -> rows[0] = writeTable(table, format, filter, out),
                        rows, progress));
            }
        }
        written.add(write(dir, "datapackage.json", this::writeDataPackage, null, progress));
        written.add(write(dir, "popolo.json", out -> writePopolo(filter, out), null, progress));
        written.add(write(dir, "feeds.opml", this::writeOpml, null, progress));
        written.add(write(dir, DatasetteMetadata.FILE, this::writeDatasetteMetadata, null, progress));
        long started = System.nanoTime();
        Path target = dir.resolve(SQLITE_FILE);
        Path part = dir.resolve(SQLITE_FILE + ".part");
        Files.deleteIfExists(part);
        long size = writeSqlite(part);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        try {
            // the same public copy: /data serves it from now on instead of building its own
            download.install(target);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DataExporter.class).warn(
                    "exported sqlite copy not installed for /data file={} error={}", target, e.getMessage());
        }
        Written w = new Written(SQLITE_FILE, -1, size, Duration.ofNanos(System.nanoTime() - started));
        progress.written(w);
        written.add(w);
        return written;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static Written write(Path dir, String name, Body body, long[] rows, Progress progress) throws IOException {
        long started = System.nanoTime();
        Path part = dir.resolve(name + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Path target = dir.resolve(name);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        Written w = new Written(name, rows == null ? -1 : rows[0], Files.size(target),
                Duration.ofNanos(System.nanoTime() - started));
        progress.written(w);
        return w;
    }
}
