package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;
import org.officialblogs.export.ExportDao;
import org.officialblogs.export.ExportFilter;
import org.officialblogs.export.ExportFixture;
import org.officialblogs.export.ExportTable;
import org.officialblogs.export.ExportTables;
import org.officialblogs.json.Json;

/**
 * The read API's list pages are written straight from the rows: byte for byte what the mapper writes for the same
 * page as maps, for every table, with nulls, numbers, booleans, times and hostile text.
 */
class ApiListBodyTest {

    @Test
    void aPageWrittenFromTheRowsIsTheMappersJson(@TempDir Path dir) throws Exception {
        ObjectMapper mapper = Json.mapper();
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_SCHEDULER", "false")))) {
            ExportFixture.load(app);
            ExportDao dao = new ExportDao(app.database.jdbi());
            int tables = 0;
            for (ExportTable table : ExportTables.ALL) {
                List<Object[]> rows = dao.list(table, ExportFilter.NONE, 0, 0);
                if (rows.isEmpty()) continue;
                tables++;
                for (String next : new String[] {null, "https://example.org/api/v1/x?page=2&q=%22a%22"}) {
                    List<Map<String, Object>> data = new ArrayList<>();
                    for (Object[] row : rows) data.add(ApiController.item(table, row));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("data", data);
                    body.put("page", 1);
                    body.put("per_page", 50);
                    Map<String, Object> links = new LinkedHashMap<>();
                    links.put("self", "https://example.org/api/v1/x?page=1");
                    links.put("next", next);
                    body.put("links", links);
                    String expected = new String(mapper.writeValueAsBytes(body), StandardCharsets.UTF_8);
                    String written = new String(ApiController.listBody(mapper, table, rows, 1, 50,
                            "https://example.org/api/v1/x?page=1", next), StandardCharsets.UTF_8);
                    assertThat(written).as(table.name()).isEqualTo(expected);
                }
            }
            assertThat(tables).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void theEtagTellsBodiesApartAndKeepsItsForm() {
        byte[] a = "{\"data\":[{\"blog_id\":1}]}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"data\":[{\"blog_id\":2}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ApiController.etag(a)).matches("\"[0-9a-f]{32}\"").isEqualTo(ApiController.etag(a.clone()))
                .isNotEqualTo(ApiController.etag(b));
    }
}
