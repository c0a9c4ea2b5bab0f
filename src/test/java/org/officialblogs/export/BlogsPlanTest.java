package org.officialblogs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;

/**
 * The blogs' pages (the read API's /api/v1/blogs, blogs.csv) walk blog's primary key and stop after the page: no
 * temporary B-tree sorting every blog, so a page costs the same whatever the registry's size.
 */
class BlogsPlanTest {

    @Test
    void aPageOfBlogsWalksThePrimaryKeyWithoutSorting(@TempDir Path dir) {
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", dir.toString(),
                "OFFICIALBLOGS_SCHEDULER", "false")))) {
            ExportFixture.load(app);
            ExportDao dao = new ExportDao(app.database.jdbi());

            List<String> page = dao.sqlitePlan(ExportTables.BLOGS, ExportFilter.NONE, 50, 51);
            assertThat(page).as(String.join("\n", page)).noneMatch(step -> step.contains("TEMP B-TREE"));
            assertThat(page.get(0)).as("the outer loop: blog in key order").matches("SCAN k( USING .*)?")
                    .doesNotContain("blog_status");
            // every other table is a lookup by key
            assertThat(page.subList(1, page.size())).allMatch(step -> step.startsWith("SEARCH "));

            // one official's blogs start from the official, by its key and blog's official index
            List<String> official = dao.sqlitePlan(ExportTables.BLOGS, ExportFilter.NONE.withOfficial(1), 0, 51);
            assertThat(official).as(String.join("\n", official)).noneMatch(step -> step.startsWith("SCAN"));

            // the rows are the same as before: every listed blog once, in id order
            List<Long> ids = dao.list(ExportTables.BLOGS, ExportFilter.NONE, 0, 0).stream()
                    .map(r -> (Long) r[0]).toList();
            List<Long> listed = app.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM listed_blog ORDER BY id").mapTo(Long.class).list());
            assertThat(ids).isEqualTo(listed).isNotEmpty();
            assertThat(dao.list(ExportTables.BLOGS, ExportFilter.NONE, 1, 2).stream().map(r -> (Long) r[0]))
                    .containsExactlyElementsOf(listed.subList(1, Math.min(3, listed.size())));
        }
    }
}
