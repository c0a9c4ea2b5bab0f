package org.officialblogs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.CrawlOutcome;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.testkit.CrawlTestApp;

/**
 * A synthetic Substack publication, served by {@link SyntheticWebServer} and crawled by the whole crawler: its comments
 * come from the Substack comment API, and the crawl measures exactly the reply facts the generator made.
 */
class SyntheticSubstackCrawlTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSyntheticSubstackBlogIsMeasuredExactlyFromItsCommentApi() throws Exception {
        SyntheticWeb web = new SyntheticWeb(7, 200, 30, 150, NOW);
        Instant since = NOW.minus(Duration.ofDays(180));
        Instant judgedBefore = NOW.minus(MetricsSettings.DEFAULT_MINIMUM_JUDGING_AGE);
        // a publication whose official answers some readers but not all, so both counts are tested
        SyntheticWeb.Blog blog = web.blogs().stream()
                .filter(b -> b.platform() == SyntheticWeb.Platform.SUBSTACK && b.hasComments())
                .filter(b -> {
                    SyntheticWeb.Realised r = web.realised(b, since, judgedBefore);
                    return r.replied() > 0 && r.replied() < r.withComments();
                }).findFirst().orElseThrow();
        SyntheticWeb.Realised expected = web.realised(blog, since, judgedBefore);

        try (SyntheticWebServer server = new SyntheticWebServer(web);
                CrawlTestApp t = new CrawlTestApp(dir, NOW, Map.of(), HostResolver.withOverrides(
                        Map.of(blog.host(), List.of(InetAddress.getLoopbackAddress())), HostResolver.system()))) {
            long id = t.addBlog(blog.official(), server.base(blog) + "/", server.base(blog) + blog.feedPath());
            CrawlOutcome o = t.crawl(id);

            assertThat(o.commentChecks()).isGreaterThan(0);
            assertThat(t.count("SELECT judged_with_comments FROM blog_metrics WHERE blog_id = " + id))
                    .isEqualTo(expected.withComments());
            assertThat(t.count("SELECT judged_replied FROM blog_metrics WHERE blog_id = " + id))
                    .isEqualTo(expected.replied());
            assertThat(t.count("SELECT count(*) FROM post_comments pc JOIN post p ON p.id = pc.post_id"
                    + " WHERE p.blog_id = " + id + " AND pc.source = 'substack_api'")).isEqualTo(o.commentChecks());
            // comments came from the API: the crawler read a post page only to find where the comments live
            assertThat(server.count(SyntheticWebServer.Kind.COMMENT_API)).isGreaterThan(0);
            assertThat(server.count(SyntheticWebServer.Kind.PAGE)).isLessThan(o.commentChecks());
            String signal = t.app.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT official_signal FROM blog_comment_system WHERE blog_id = :id").bind("id", id)
                    .mapTo(String.class).one());
            assertThat(signal).isEqualTo("post_byline_account");
        }
    }
}
