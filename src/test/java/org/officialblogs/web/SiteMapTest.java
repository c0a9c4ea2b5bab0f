package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SiteMapTest {

    private static final String BASE = "https://blogs.example.org";

    private static Document xml(byte[] bytes) {
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    private static List<Long> officials(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void robotsKeepsCrawlersOffPrivateAndHeavyPathsAndNamesTheSitemap() {
        String robots = new SiteMap(BASE, SiteMap.URLS_PER_FILE).robots(false);

        assertThat(robots.lines()).contains("User-agent: *", "Disallow: /admin", "Disallow: /login",
                "Disallow: /submissions/", "Disallow: /api/v1/", "Disallow: /data/",
                "Sitemap: https://blogs.example.org/sitemap.xml");
        // the public pages stay open: no rule is a prefix of them
        assertThat(robots.lines().filter(l -> l.startsWith("Disallow: ")).map(l -> l.substring(10)))
                .noneMatch(rule -> SiteMap.PAGES.stream().anyMatch(page -> page.startsWith(rule)))
                .noneMatch(rule -> "/officials/12".startsWith(rule));
    }

    @Test
    void theDemoKeepsEveryCrawlerOut() {
        String robots = new SiteMap(BASE, SiteMap.URLS_PER_FILE).robots(true);

        assertThat(robots.lines()).contains("User-agent: *", "Disallow: /").noneMatch(l -> l.startsWith("Sitemap:"));
    }

    @Test
    void oneFileListsThePagesAndEveryProfile() {
        Document map = xml(new SiteMap(BASE + "/", SiteMap.URLS_PER_FILE).sitemap(List.of(3L, 7L)));

        assertThat(map.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(map.select("url > loc").eachText()).containsExactly("https://blogs.example.org/",
                "https://blogs.example.org/?tab=historical", "https://blogs.example.org/recent",
                "https://blogs.example.org/when-they-blogged", "https://blogs.example.org/methodology",
                "https://blogs.example.org/data", "https://blogs.example.org/api", "https://blogs.example.org/submit",
                "https://blogs.example.org/officials/3", "https://blogs.example.org/officials/7");
    }

    @Test
    void anEmptyDirectoryStillListsItsPages() {
        Document map = xml(new SiteMap(BASE, SiteMap.URLS_PER_FILE).sitemap(List.of()));

        assertThat(map.select("url > loc")).hasSize(SiteMap.PAGES.size());
    }

    @Test
    void aDirectoryTooLargeForOneFileGetsAnIndexOfPartsThatHoldEveryAddressOnce() {
        int perFile = 10;
        SiteMap siteMap = new SiteMap(BASE, perFile);
        List<Long> ids = officials(25); // 8 pages + 25 profiles = 33 addresses: 4 parts

        Document index = xml(siteMap.sitemap(ids));
        assertThat(index.select("sitemapindex > sitemap > loc").eachText()).containsExactly(
                BASE + "/sitemap/1.xml", BASE + "/sitemap/2.xml", BASE + "/sitemap/3.xml", BASE + "/sitemap/4.xml");
        List<String> all = new ArrayList<>();
        for (int part = 1; part <= 4; part++) {
            List<String> locs = xml(siteMap.part(ids, part)).select("urlset > url > loc").eachText();
            assertThat(locs.size()).isBetween(1, perFile);
            all.addAll(locs);
        }
        assertThat(all).hasSize(33).doesNotHaveDuplicates()
                .contains(BASE + "/", BASE + "/officials/1", BASE + "/officials/25");
        assertThat(siteMap.part(ids, 0)).isNull();
        assertThat(siteMap.part(ids, 5)).isNull();
        // while one file holds everything there are no parts
        assertThat(siteMap.part(officials(2), 1)).isNull();
    }

    @Test
    void anAddressWithMarkupCharactersStaysWellFormed() {
        Document map = xml(new SiteMap("https://example.org/blogs?site=a&b=<c>", SiteMap.URLS_PER_FILE)
                .sitemap(List.of(1L)));

        assertThat(map.select("url > loc").last().text()).isEqualTo("https://example.org/blogs?site=a&b=<c>/officials/1");
    }
}
