package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a shared link and a feed reader meet: Open Graph and Twitter card tags on the ranking and a profile, a feed per
 * official linked from the profile, and HEAD answered like GET without a body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingAndHeadTest {

    RankedSite site;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new RankedSite(dir, 0);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    Document get(String path) {
        HttpResponse<String> r = site.server.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void theRankingAndAProfileCarryOpenGraphAndTwitterCardTags() {
        long official = site.officialOf(site.example("Weekly, answers most readers"));
        Document profile = get("/officials/" + official);
        String base = site.server.app.config.serve().baseUrl().toString();
        assertThat(profile.select("meta[property=og:title]").attr("content")).isEqualTo("Official A FI");
        assertThat(profile.select("meta[property=og:url]").attr("content")).isEqualTo(base + "/officials/" + official);
        assertThat(profile.select("meta[property=og:description]").attr("content"))
                .startsWith("Official A FI, Office of example 1 (Finland). Score 89.0 of 100. Rank 2")
                .contains("Posted 13 times in the last 90 days");
        assertThat(profile.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(profile.select("meta[name=twitter:title]").attr("content")).isEqualTo("Official A FI");
        Document ranking = get("/");
        assertThat(ranking.select("meta[property=og:url]").attr("content")).isEqualTo(base + "/");
        assertThat(ranking.select("meta[property=og:description]").attr("content")).endsWith(": 7 blogs ranked.");
        assertThat(ranking.select("link[rel=canonical]").attr("href")).isEqualTo(base + "/");
        // a blog never read says so, with no score
        Document lead = get("/officials/" + site.officialOf(site.lead));
        assertThat(lead.select("meta[property=og:description]").attr("content")).contains("Not measured yet")
                .doesNotContain("Score");
    }

    @Test
    void eachOfficialHasAFeedOfTheirPostsLinkedFromTheProfile() {
        long official = site.officialOf(site.example("Weekly, answers most readers"));
        Document profile = get("/officials/" + official);
        String href = profile.select("link[rel=alternate][type=application/atom+xml]").first().attr("href");
        assertThat(href).isEqualTo("/officials/" + official + ".atom");
        HttpResponse<String> feed = site.server.get(href);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        Document atom = Jsoup.parse(feed.body(), "", Parser.xmlParser());
        assertThat(atom.select("feed > title").text()).isEqualTo("Official A FI, Office of example 1: posts, via Official Blogs");
        assertThat(atom.select("entry")).hasSize(OfficialController.FEED_SIZE).allSatisfy(e -> assertThat(e.select("author name").text())
                .isEqualTo("Official A FI"));
        assertThat(atom.select("entry title").eachText()).contains(RankedSite.HOSTILE_TITLE);
        assertThat(site.server.get("/officials/999999.atom").statusCode()).isEqualTo(404);
        assertThat(site.server.get("/officials/abc.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        long official = site.officialOf(site.example("Weekly, answers most readers"));
        for (String path : List.of("/", "/officials/" + official, "/officials/" + official + ".atom", "/recent",
                "/recent.atom", "/methodology", "/data", "/data/officials.csv", "/api/openapi.json", "/health",
                "/static/style.css")) {
            HttpResponse<String> get = site.server.get(path);
            HttpResponse<String> head = site.server.send(HttpRequest.newBuilder(site.server.base.resolve(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.body()).as(path).isEmpty();
        }
        HttpResponse<String> missing = site.server.send(HttpRequest.newBuilder(site.server.base.resolve("/no/such/page"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
    }
}
