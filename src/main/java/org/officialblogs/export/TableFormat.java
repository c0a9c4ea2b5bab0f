package org.officialblogs.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two row formats every table is exported in: CSV (RFC 4180, UTF-8, a header row) and NDJSON (one object a line). */
public enum TableFormat {
    CSV("csv", "text/csv; charset=utf-8"),
    NDJSON("ndjson", "application/x-ndjson");

    private final String extension;
    private final String mediaType;

    TableFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name of a table in this format. */
    public String fileName(ExportTable table) {
        return table.name() + "." + extension;
    }

    public static java.util.Optional<TableFormat> byExtension(String ext) {
        for (TableFormat f : values()) if (f.extension.equals(ext)) return java.util.Optional.of(f);
        return java.util.Optional.empty();
    }

    /** A writer of {@code table}'s rows onto {@code out}; closing it flushes, and leaves {@code out} open. */
    public TableWriter open(OutputStream out, ExportTable table) {
        return this == CSV ? new CsvWriter(out, table) : new NdjsonWriter(out, table);
    }

    /** Writes rows in one format; I/O failures are thrown unchecked (a client that went away ends the stream). */
    public interface TableWriter extends RowSink, AutoCloseable {
        @Override
        void close();
    }

    /** The text of a value in CSV: empty for null, ISO 8601 for instants, true/false for booleans. */
    static String csvText(Object value) {
        if (value == null) return "";
        if (value instanceof Instant i) return IsoInstant.format(i);
        return value.toString();
    }

    private static final class CsvWriter implements TableWriter {
        private final CSVPrinter printer;
        private final String[] text;

        CsvWriter(OutputStream out, ExportTable table) {
            this.text = new String[table.columns().size()];
            try {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(NonClosing.of(out), StandardCharsets.UTF_8), 64 * 1024);
                this.printer = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                        .setHeader(table.columnNames().toArray(String[]::new)).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                // only text from people and feeds can start a formula; numbers and times are written as they are
                text[i] = values[i] instanceof String s ? CsvCells.text(s) : csvText(values[i]);
            }
            try {
                printer.printRecord((Object[]) text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class NdjsonWriter implements TableWriter {
        private static final JsonFactory FACTORY = new JsonFactory();
        private final JsonGenerator json;
        private final List<Column> columns;

        NdjsonWriter(OutputStream out, ExportTable table) {
            this.columns = table.columns();
            try {
                this.json = FACTORY.createGenerator(NonClosing.of(out), JsonEncoding.UTF8);
                json.setRootValueSeparator(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Object[] values) {
            try {
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    json.writeFieldName(columns.get(i).name());
                    Object v = values[i];
                    if (v == null) json.writeNull();
                    else if (v instanceof Long l) json.writeNumber(l);
                    else if (v instanceof Double d) json.writeNumber(d);
                    else if (v instanceof Boolean b) json.writeBoolean(b);
                    else json.writeString(csvText(v));
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
