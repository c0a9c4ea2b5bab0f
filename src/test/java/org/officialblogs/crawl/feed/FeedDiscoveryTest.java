package org.officialblogs.crawl.feed;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.feed.FeedFixtures.utf8;

/** Autodiscovery on small heads written for one rule each, and on real blog pages. */
class FeedDiscoveryTest {

    private final FeedDiscovery discovery = new FeedDiscovery(new PlatformDetector());

    private static List<String> urls(List<FeedCandidate> candidates) {
        return candidates.stream().map(c -> c.url().toString()).toList();
    }

    @Test
    void wordPressHeadGivesThePostsFeedBeforeCommentFeedsAndSkipsOembed() {
        String html = """
                <!DOCTYPE html><html lang="en"><head>
                <meta name="generator" content="WordPress 6.6.1" />
                <link rel="alternate" type="application/rss+xml" title="Mayor's blog &raquo; Comments Feed" href="/comments/feed/" />
                <link rel="alternate" type="application/rss+xml" title="Mayor's blog &raquo; Feed" href="/feed/" />
                <link rel="alternate" type="application/rss+xml" title="Mayor's blog &raquo; Budget 2025 Comments Feed" href="https://mayor.example.org/budget-2025/feed/" />
                <link rel="alternate" type="application/json+oembed" href="/wp-json/oembed/1.0/embed?url=x" />
                <link rel="alternate" type="text/xml+oembed" href="/wp-json/oembed/1.0/embed?url=x&#038;format=xml" />
                <link rel="alternate" type="application/feed+json" title="JSON Feed" href="/feed/json/" />
                <link rel="alternate" type="application/rss+xml" title="Mayor's blog &raquo; Feed" href="/feed/" />
                <link rel="stylesheet" href="/wp-content/themes/x/style.css" />
                </head><body></body></html>
                """;
        DiscoveredPage page = discovery.discover(utf8(html), "text/html; charset=UTF-8",
                URI.create("https://mayor.example.org/budget-2025/"));
        assertThat(urls(page.feeds())).containsExactly("https://mayor.example.org/feed/",
                "https://mayor.example.org/comments/feed/", "https://mayor.example.org/budget-2025/feed/");
        assertThat(page.feeds()).extracting(FeedCandidate::commentFeed).containsExactly(false, true, true);
        assertThat(page.feeds().get(0).title()).isEqualTo("Mayor's blog » Feed");
        assertThat(page.feeds().get(0).type()).isEqualTo("application/rss+xml");
        assertThat(page.generators()).containsExactly("WordPress 6.6.1");
        assertThat(page.platform().platform()).isEqualTo(Platform.WORDPRESS);
        // A post permalink is not a blog root: no /budget-2025/feed/ guess.
        assertThat(urls(page.commonPaths())).startsWith("https://mayor.example.org/feed/",
                "https://mayor.example.org/?feed=rss2").doesNotContain("https://mayor.example.org/budget-2025/feed/");
    }

    @Test
    void bloggerHeadPrefersPostsOverTheCommentFeed() {
        String html = """
                <html><head>
                <meta content='blogger' name='generator'/>
                <link rel="alternate" type="application/atom+xml" title="Council notes - Atom" href="https://councilnotes.blogspot.com/feeds/5705526651659233718/comments/default" />
                <link rel="alternate" type="application/atom+xml" title="Council notes - Atom" href="https://councilnotes.blogspot.com/feeds/posts/default" />
                <link rel="alternate" type="application/rss+xml" title="Council notes - RSS" href="https://councilnotes.blogspot.com/feeds/posts/default?alt=rss" />
                <link rel="service.post" type="application/atom+xml" title="Council notes - Atom" href="https://www.blogger.com/feeds/123/posts/default" />
                </head></html>
                """;
        DiscoveredPage page = discovery.discover(utf8(html), null,
                URI.create("https://councilnotes.blogspot.com/2024/05/minutes.html"));
        assertThat(urls(page.feeds())).containsExactly("https://councilnotes.blogspot.com/feeds/posts/default",
                "https://councilnotes.blogspot.com/feeds/posts/default?alt=rss",
                "https://councilnotes.blogspot.com/feeds/5705526651659233718/comments/default");
        assertThat(page.platform()).isEqualTo(new PlatformMatch(Platform.BLOGGER, "declared \"blogger\""));
        assertThat(urls(page.commonPaths())).first().isEqualTo("https://councilnotes.blogspot.com/feeds/posts/default");
    }

    @Test
    void relativeHrefsResolveAgainstTheBaseElementAndRelTokens() {
        String html = """
                <html><head><base href="https://www.example.org/news/">
                <link rel="Alternate Feed" type="Application/Atom+XML; charset=utf-8" href="atom.xml">
                <link rel="alternate" type="application/rss+xml" href="../rss.xml">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                <link rel="alternate" hreflang="fr" href="/fr/">
                </head></html>
                """;
        DiscoveredPage page = discovery.discover(utf8(html), null, URI.create("https://www.example.org/news/item?id=4"));
        assertThat(urls(page.feeds())).containsExactly("https://www.example.org/news/atom.xml",
                "https://www.example.org/rss.xml");
        assertThat(page.feeds().get(0).type()).isEqualTo("application/atom+xml");
    }

    @Test
    void aPageWithoutLinksLeavesTheCommonPaths() {
        DiscoveredPage page = discovery.discover(utf8("<html><head><title>Home</title></head><body>Hi</body></html>"),
                null, URI.create("https://www.example.org/"));
        assertThat(page.feeds()).isEmpty();
        assertThat(page.platform().platform()).isEqualTo(Platform.OTHER);
        assertThat(urls(page.commonPaths())).containsExactly(
                "https://www.example.org/feed/", "https://www.example.org/feed", "https://www.example.org/rss",
                "https://www.example.org/rss.xml", "https://www.example.org/atom.xml",
                "https://www.example.org/feed.xml", "https://www.example.org/index.xml",
                "https://www.example.org/feeds/posts/default", "https://www.example.org/index.rdf",
                "https://www.example.org/rss/");
        assertThat(page.commonPaths()).allSatisfy(c -> assertThat(c.type()).isNull());
    }

    @Test
    void commonPathsCoverABlogUnderADirectoryAndMediumProfiles() {
        List<String> underBlog = urls(discovery.commonPathCandidates(
                URI.create("https://www.city.example/blog/2024/05/budget.html"), Platform.HUGO));
        assertThat(underBlog).startsWith("https://www.city.example/blog/index.xml", "https://www.city.example/blog/feed/")
                .contains("https://www.city.example/index.xml", "https://www.city.example/feed/");
        assertThat(urls(discovery.commonPathCandidates(URI.create("https://www.city.example/mayor/"), Platform.OTHER)))
                .first().isEqualTo("https://www.city.example/mayor/feed/");
        assertThat(urls(discovery.commonPathCandidates(URI.create("https://medium.com/@janemayor/a-post-0123abcd"),
                Platform.MEDIUM))).containsExactly("https://medium.com/feed/@janemayor");
        assertThat(urls(discovery.commonPathCandidates(URI.create("https://town.example/journal"),
                Platform.SQUARESPACE))).first().isEqualTo("https://town.example/?format=rss");
    }

    @Test
    void decodesThePageCharsetFromItsMetaAndKnowsCommentFeedsInOtherLanguages() {
        String html = """
                <html><head><meta charset="windows-1251">
                <link rel="alternate" type="application/rss+xml" title="Блог мэра » Лента" href="/feed/">
                <link rel="alternate" type="application/rss+xml" title="Блог мэра » Лента комментариев" href="/feed/c/">
                <link rel="alternate" type="application/rss+xml" title="Le blog » Flux des commentaires" href="/fr/c/">
                </head></html>
                """;
        DiscoveredPage page = discovery.discover(html.getBytes(Charset.forName("windows-1251")), "text/html",
                URI.create("https://mayor.example.ru/"));
        assertThat(page.feeds()).extracting(FeedCandidate::title, FeedCandidate::commentFeed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Блог мэра » Лента", false),
                org.assertj.core.groups.Tuple.tuple("Блог мэра » Лента комментариев", true),
                org.assertj.core.groups.Tuple.tuple("Le blog » Flux des commentaires", true));
    }

    /** Real pages: the platform, the feed a reader would subscribe to first, and how many comment feeds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blogger-luxuryhaven-post-comments.html | https://www.luxuryhaven.co/2019/05/nam-nghi-phu-quoc-unbound-collection-by-hyatt-officially-opens.html | BLOGGER | https://www.luxuryhaven.co/feeds/posts/default | 3 | 1
            drupal7-hpd-article-comments.html | https://hpd.de/artikel/sie-wissen-nicht-sie-tun-21664 | DRUPAL | https://hpd.de/rss.xml | 0 | 0
            medium-openjournalism-post.html | https://medium.com/@pippinlee/the-open-journalism-project-better-student-journalism-fb39f4f701bb | MEDIUM | https://medium.com/feed/@pippinlee | 0 | 0
            tumblr-minecraft-post.html | http://mcupdate.tumblr.com/post/96439224994/minecraft-18-the-bountiful-update | TUMBLR | http://mcupdate.tumblr.com/rss | 0 | 0
            wordpress-lemire-post-comments.html | https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/ | WORDPRESS | https://lemire.me/blog/feed/ | 3 | 2
            wordpress-mozillahacks-post-comments.html | https://hacks.mozilla.org/2015/03/this-api-is-so-fetching/ | WORDPRESS | https://hacks.mozilla.org/feed/ | 2 | 1
            wordpress-wptavern-epoch-comments.html | https://wptavern.com/stack-overflow-jobs-data-shows-reactjs-skills | WORDPRESS | https://wptavern.com/feed | 4 | 2
            wordpresscom-gormulus-post-comments.html | https://gormulus.wordpress.com/2012/12/11/das-wird-man-ja-wohl-noch-sagen-durfen/ | WORDPRESS | https://gormulus.wordpress.com/feed/ | 3 | 2
            """)
    void realPages(String file, String pageUrl, Platform platform, String firstCandidate, int linked,
            int commentFeeds) {
        DiscoveredPage page = discovery.discover(FeedFixtures.feedFile(file), null, URI.create(pageUrl));
        assertThat(page.platform().platform()).isEqualTo(platform);
        assertThat(page.feeds()).hasSize(linked);
        assertThat(page.feeds().stream().filter(FeedCandidate::commentFeed).count()).isEqualTo(commentFeeds);
        List<FeedCandidate> toTry = page.feeds().isEmpty() ? page.commonPaths() : page.feeds();
        assertThat(toTry.get(0).url()).hasToString(firstCandidate);
        assertThat(toTry.get(0).commentFeed()).isFalse();
    }
}
