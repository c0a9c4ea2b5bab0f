package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.PostRecord;

/**
 * A profile and the river of recent posts are served from their last rendering until the metrics change: a post
 * stored without a recompute is not shown yet, and shown as soon as the metrics are recomputed.
 */
class CachedPagesTest {

    @Test
    void profileAndRecentShowNewDataOnceTheMetricsChange(@TempDir Path dir) {
        try (RankedSite site = new RankedSite(dir, 0)) {
            long blog = site.example("Weekly, answers most readers");
            String profile = "/officials/" + site.officialOf(blog);
            String before = site.server.get(profile).body();
            String recentBefore = site.server.get("/recent").body();
            assertThat(site.server.get(profile).body()).as("a repeat view is the same page").isEqualTo(before);

            site.server.app.crawl.upsertPosts(blog, List.of(new PostRecord("fresh", "https://example1.example.org/fresh",
                    "A freshly stored post", RankedSite.DAY.minus(Duration.ofMinutes(10)), null, null, null,
                    "Its summary", null, null, null, null, null)), RankedSite.DAY);
            assertThat(site.server.get(profile).body()).as("metrics unchanged: the kept rendering").isEqualTo(before);
            assertThat(site.server.get("/recent").body()).isEqualTo(recentBefore);

            site.server.app.metrics.recomputeAll(RankedSite.DAY);
            assertThat(site.server.get(profile).body()).contains("A freshly stored post");
            assertThat(site.server.get("/recent").body()).contains("A freshly stored post");
            assertThat(site.server.get("/recent?page=1").body()).as("page 1 is /recent")
                    .isEqualTo(site.server.get("/recent").body());
        }
    }
}
