package org.officialblogs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;

/** Every table, written as CSV and as NDJSON, parses back to exactly the stored values, odd characters included. */
class ExportRoundTripTest {

    @TempDir
    Path dir;
    App app;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.toString(), "OFFICIALBLOGS_SCHEDULER", "false")));
        ExportFixture.load(app);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void everyTableParsesBackFromCsvAndNdjsonToTheRowsRead() throws IOException {
        for (ExportTable table : ExportTables.ALL) {
            List<Object[]> rows = app.exports.list(table, ExportFilter.NONE, 0, 0);
            assertThat(rows).as(table.name()).isNotEmpty();

            List<CSVRecord> csv = csv(table, ExportFilter.NONE);
            assertThat(csv).as(table.name() + ".csv rows").hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < table.columns().size(); c++) {
                    assertThat(csv.get(r).get(table.columns().get(c).name()))
                            .as(table.name() + ".csv row " + r + " " + table.columns().get(c).name())
                            .isEqualTo(TableFormat.csvText(rows.get(r)[c]));
                }
            }

            List<JsonNode> nd = ndjson(table, ExportFilter.NONE);
            assertThat(nd).as(table.name() + ".ndjson rows").hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                List<String> keys = new ArrayList<>();
                nd.get(r).fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(table.name() + ".ndjson keys").isEqualTo(table.columnNames());
                for (int c = 0; c < table.columns().size(); c++) {
                    assertThat(jsonValue(nd.get(r).get(table.columns().get(c).name()), table.columns().get(c).type()))
                            .as(table.name() + ".ndjson row " + r + " " + table.columns().get(c).name())
                            .isEqualTo(rows.get(r)[c]);
                }
            }
        }
    }

    @Test
    void officialsHoldTheStoredTextAndOnlyListedEntries() throws IOException {
        List<CSVRecord> csv = csv(ExportTables.OFFICIALS, ExportFilter.NONE);
        assertThat(csv).extracting(r -> r.get("official_id")).containsExactly("1", "2");
        assertThat(csv.get(0).get("name")).isEqualTo(ExportFixture.NAME_1);
        assertThat(csv.get(0).get("office")).isEqualTo(ExportFixture.OFFICE_1);
        assertThat(csv.get(0).get("party")).isEqualTo("Párt, \"Új\"");
        assertThat(csv.get(0).get("wikidata_id")).isEqualTo("Q4242");
        assertThat(csv.get(0).get("sources")).isEqualTo("https://gov.example.hu/mayor ; https://news.example.hu/a?x=1;y=2");
        assertThat(csv.get(1).get("name")).isEqualTo(ExportFixture.NAME_2);
        assertThat(csv.get(1).get("office")).isEqualTo(ExportFixture.OFFICE_2);
        assertThat(csv.get(1).get("region")).isEmpty();

        List<JsonNode> nd = ndjson(ExportTables.OFFICIALS, ExportFilter.NONE);
        assertThat(nd.get(1).get("region").isNull()).isTrue();
        assertThat(nd.get(1).get("name").asText()).isEqualTo(ExportFixture.NAME_2);
    }

    @Test
    void blogsPostsAndCommentsHoldTheStoredValues() throws IOException {
        List<CSVRecord> blogs = csv(ExportTables.BLOGS, ExportFilter.NONE);
        assertThat(blogs).extracting(r -> r.get("blog_id")).containsExactly("10", "11");
        assertThat(blogs.get(0).get("notes")).isEqualTo(ExportFixture.NOTES_10);
        assertThat(blogs.get(0).get("site_url")).isEqualTo("https://adam.example.hu/?a=1,2");
        assertThat(blogs.get(0).get("registry_status")).isEqualTo("active");
        assertThat(blogs.get(0).get("status")).isNotEmpty();
        assertThat(blogs.get(1).get("registry_status")).isEqualTo("dormant");

        List<CSVRecord> posts = csv(ExportTables.POSTS, ExportFilter.NONE);
        assertThat(posts).extracting(r -> r.get("post_id")).containsExactly("100", "101", "102");
        assertThat(posts.get(0).get("title")).isEqualTo(ExportFixture.TITLE_100);
        assertThat(posts.get(0).get("published_at")).isEqualTo("2024-05-01T10:00:00.123Z");
        assertThat(Instant.parse(posts.get(0).get("published_at"))).isEqualTo(ExportFixture.PUBLISHED_100);
        assertThat(posts.get(0).get("reported_comments")).isEqualTo("3");
        assertThat(posts.get(0).get("official_replied")).isEqualTo("true");
        assertThat(posts.get(0).get("reader_comments")).isEqualTo("2");
        assertThat(posts.get(1).get("title")).isEqualTo(ExportFixture.TITLE_101);
        assertThat(posts.get(1).get("published_at")).isEmpty();
        assertThat(posts.get(1).get("official_replied")).isEmpty();
        List<JsonNode> ndPosts = ndjson(ExportTables.POSTS, ExportFilter.NONE);
        assertThat(ndPosts.get(0).get("official_replied").asBoolean()).isTrue();
        assertThat(ndPosts.get(1).get("official_replied").isNull()).isTrue();
        assertThat(ndPosts.get(0).get("title").asText()).isEqualTo(ExportFixture.TITLE_100);

        List<CSVRecord> comments = csv(ExportTables.COMMENTS, ExportFilter.NONE);
        assertThat(comments).extracting(r -> r.get("comment_id")).containsExactly("1000", "1001", "1002");
        assertThat(comments).extracting(r -> r.get("is_official")).containsExactly("false", "true", "false");
        assertThat(comments).extracting(r -> r.get("parent_comment_id")).containsExactly("", "1000", "");
        assertThat(comments.get(0).toMap()).doesNotContainKeys("author_name", "author_ref", "decision_note");
    }

    @Test
    void metricsHistoryHasADayPerBlogAndTheCrawlLogIsSummedPerDay() throws IOException {
        List<CSVRecord> history = csv(ExportTables.METRICS_HISTORY, ExportFilter.NONE);
        assertThat(history).extracting(r -> r.get("day") + "/" + r.get("blog_id"))
                .containsExactly("2024-06-15/10", "2024-06-16/10", "2024-06-15/11", "2024-06-16/11");

        List<CSVRecord> log = csv(ExportTables.CRAWL_LOG, ExportFilter.NONE);
        assertThat(log).hasSize(1);
        CSVRecord day = log.get(0);
        assertThat(day.get("blog_id")).isEqualTo("10");
        assertThat(day.get("day")).isEqualTo("2024-06-14");
        assertThat(day.get("attempts")).isEqualTo("2");
        assertThat(day.get("failures")).isEqualTo("1");
        assertThat(day.get("last_failure_kind")).isEqualTo("http_error");
        assertThat(day.get("bytes")).isEqualTo("5100");
        assertThat(day.get("new_items")).isEqualTo("1");
    }

    @Test
    void archivePeriodsHoldTheListedBlogsReadFromTheArchive() throws IOException {
        assertThat(csv(ExportTables.POSTS, ExportFilter.NONE)).allSatisfy(r -> {
            assertThat(r.get("source")).isEqualTo("live");
            assertThat(r.get("archive_first_capture_url")).isEmpty();
        });
        List<CSVRecord> periods = csv(ExportTables.ARCHIVE_PERIODS, ExportFilter.NONE);
        assertThat(periods).as("the pending blog's read is not exported").hasSize(1);
        CSVRecord p = periods.get(0);
        assertThat(p.get("blog_id")).isEqualTo("11");
        assertThat(p.get("reason")).isEqualTo("ended");
        assertThat(p.get("period_start")).isEqualTo("2008-03-03T10:00:00Z");
        assertThat(p.get("period_end")).isEqualTo("2008-04-27T18:30:00Z");
        assertThat(p.get("posts_per_week")).isEqualTo("1.5");
        assertThat(p.get("weeks_with_post")).isEqualTo("7");
        assertThat(p.get("longest_gap_days")).isEqualTo("9.25");
        assertThat(p.get("reply_rate")).isEqualTo("0.5");
        assertThat(p.get("median_reply_hours")).isEqualTo("6.5");
        assertThat(p.get("lower_bound")).isEqualTo("true");
        assertThat(p.get("captures_read")).isEqualTo("8");
        assertThat(p.get("first_feed_capture_at")).isEqualTo("2008-03-04T10:00:00Z");
    }

    @Test
    void filtersNarrowLikeTheRankingsPage() throws IOException {
        ExportFilter hu = ExportFilter.parse(Map.of("country", "hu")).filter();
        assertThat(csv(ExportTables.OFFICIALS, hu)).extracting(r -> r.get("official_id")).containsExactly("1");
        assertThat(csv(ExportTables.BLOGS, hu)).extracting(r -> r.get("blog_id")).containsExactly("10");
        assertThat(csv(ExportTables.POSTS, hu)).extracting(r -> r.get("post_id")).containsExactly("100", "101");

        ExportFilter june = ExportFilter.parse(Map.of("from", "2024-06-01", "to", "2024-06-10")).filter();
        assertThat(csv(ExportTables.POSTS, june)).extracting(r -> r.get("post_id")).containsExactly("102");
        ExportFilter may = new ExportFilter(null, null, null, LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01"), null, null);
        assertThat(csv(ExportTables.POSTS, may)).extracting(r -> r.get("post_id")).containsExactly("100");
        assertThat(csv(ExportTables.METRICS_HISTORY, ExportFilter.parse(Map.of("from", "2024-06-16")).filter()))
                .extracting(r -> r.get("day")).containsOnly("2024-06-16");

        ExportFilter national = ExportFilter.parse(Map.of("level", "national")).filter();
        assertThat(csv(ExportTables.OFFICIALS, national)).extracting(r -> r.get("official_id")).containsExactly("2");

        String status = csv(ExportTables.BLOGS, ExportFilter.NONE).get(1).get("status");
        ExportFilter byStatus = ExportFilter.parse(Map.of("status", status)).filter();
        assertThat(csv(ExportTables.BLOGS, byStatus)).extracting(r -> r.get("status")).isNotEmpty().containsOnly(status);
    }

    @Test
    void badFiltersAreReportedWithWhatIsAllowed() {
        ExportFilter.Parsed p = ExportFilter.parse(Map.of("country", "Hungary", "level", "galactic", "status", "great",
                "from", "2024-13-01", "to", "yesterday"));
        assertThat(p.ok()).isFalse();
        assertThat(p.problems()).hasSize(5);
        assertThat(String.join("\n", p.problems())).contains("two-letter", "international, national", "no_data", "YYYY-MM-DD");
        assertThat(ExportFilter.parse(Map.of("from", "2024-06-02", "to", "2024-06-01")).problems())
                .containsExactly("to (2024-06-01) is before from (2024-06-02)");
    }

    private List<CSVRecord> csv(ExportTable table, ExportFilter filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.exporter.writeTable(table, TableFormat.CSV, filter, out);
        try (CSVParser p = CSVParser.parse(new StringReader(out.toString(StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).isEqualTo(table.columnNames());
            return p.getRecords();
        }
    }

    private List<JsonNode> ndjson(ExportTable table, ExportFilter filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.exporter.writeTable(table, TableFormat.NDJSON, filter, out);
        String text = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> rows = new ArrayList<>();
        if (text.isEmpty()) return rows;
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n")) rows.add(json.readTree(line));
        return rows;
    }

    private static Object jsonValue(JsonNode n, ColumnType type) {
        if (n == null || n.isNull()) return null;
        return switch (type) {
            case INTEGER -> n.asLong();
            case NUMBER -> n.asDouble();
            case BOOLEAN -> n.asBoolean();
            case DATETIME -> Instant.parse(n.asText());
            case STRING, DATE -> n.asText();
        };
    }

}
