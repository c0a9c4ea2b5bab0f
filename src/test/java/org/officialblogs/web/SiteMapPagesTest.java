package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Level;

/** robots.txt and the sitemap on the real app: every address the sitemap gives answers 200, and none else is left out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteMapPagesTest {

    RankedSite site;
    String base;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new RankedSite(dir, 0);
        base = site.server.app.config.serve().baseUrl().toString();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void robotsNamesTheSitemap() {
        HttpResponse<String> robots = site.server.get("/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/plain;charset=utf-8"));
        assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /admin", "Sitemap: " + base + "/sitemap.xml");
    }

    @Test
    void theSitemapListsEveryListedOfficialAndEachOfItsAddressesAnswers() {
        HttpResponse<String> map = site.server.get("/sitemap.xml");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        List<String> locs = Jsoup.parse(map.body(), "", Parser.xmlParser()).select("urlset > url > loc").eachText();

        List<Long> officials = site.examples.values().stream().map(site::officialOf).toList();
        assertThat(locs).contains(base + "/", base + "/recent", base + "/methodology")
                .contains(base + "/officials/" + site.officialOf(site.lead))
                .contains(base + "/officials/" + site.officialOf(site.offline));
        officials.forEach(id -> assertThat(locs).contains(base + "/officials/" + id));
        assertThat(locs).doesNotHaveDuplicates().allSatisfy(loc -> {
            assertThat(loc).startsWith(base);
            assertThat(site.server.get(loc.substring(base.length())).statusCode()).as(loc).isEqualTo(200);
        });
    }

    @Test
    void aRejectedBlogsOfficialLeavesTheSitemap() {
        long blog = site.fixture.blog("Rejected Rita", "Mayor", "IE", Level.LOCAL, Branch.EXECUTIVE,
                "https://rita.example.org/");
        String profile = base + "/officials/" + site.officialOf(blog);
        assertThat(site.server.get("/sitemap.xml").body()).contains(profile);

        site.fixture.setStatus(blog, "rejected");

        assertThat(site.server.get("/sitemap.xml").body()).doesNotContain(profile);
        assertThat(site.server.get("/sitemap/1.xml").statusCode()).isEqualTo(404);
        assertThat(site.server.get("/sitemap/abc.xml").statusCode()).isEqualTo(404);
    }
}
