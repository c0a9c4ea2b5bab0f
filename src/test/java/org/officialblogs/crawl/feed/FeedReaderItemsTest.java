package org.officialblogs.crawl.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.feed.FeedFixtures.feedFile;
import static org.officialblogs.crawl.feed.FeedFixtures.parsed;
import static org.officialblogs.crawl.feed.FeedFixtures.read;

/** What each item and feed field holds, on real fixtures and on small feeds written for one rule each. */
class FeedReaderItemsTest {

    private final FeedReader reader = new FeedReader();

    private ParsedFeed fixture(String file, String url) {
        return parsed(reader.read(feedFile(file), null, URI.create(url)));
    }

    @Test
    void bloggerAtomCarriesProfileRepliesTotalsPagingAndOpenSearch() {
        ParsedFeed feed = fixture("blogger-4fsodonline-thr.atom.xml",
                "http://4fsodonline.blogspot.com/feeds/posts/default");
        assertThat(feed.siteUrl()).hasToString("http://4fsodonline.blogspot.com/");
        assertThat(feed.generator()).isEqualTo("Blogger 7.00 (http://www.blogger.com)");
        assertThat(feed.openSearch()).isEqualTo(new OpenSearchCounts(28, 1, 25));
        assertThat(feed.links().next()).hasToString(
                "http://www.blogger.com/feeds/3905741845175603023/posts/default?start-index=26&max-results=25");
        assertThat(feed.links().hub()).hasToString("http://pubsubhubbub.appspot.com/");
        FeedItem first = feed.items().get(0);
        assertThat(first.id()).isEqualTo("tag:blogger.com,1999:blog-3905741845175603023.post-425541125763448592");
        assertThat(first.platformPostId()).isEqualTo("425541125763448592");
        assertThat(first.authorName()).isEqualTo("Anthony");
        assertThat(first.authorUri()).hasToString("http://www.blogger.com/profile/05977683271610009040");
        assertThat(first.updated()).isEqualTo(Instant.parse("2007-12-15T19:35:51.128Z"));
        assertThat(first.comments().threadTotal()).isZero();
        assertThat(first.comments().replies()).containsExactly(
                new CommentSignals.RepliesLink(URI.create(
                        "http://4fsodonline.blogspot.com/feeds/425541125763448592/comments/default"),
                        "application/atom+xml", null),
                new CommentSignals.RepliesLink(URI.create("http://www.blogger.com/comment.g?"
                        + "blogID=3905741845175603023&postID=425541125763448592"), "text/html", null));
    }

    @Test
    void wordPressRssCarriesCommentPageFeedAndCount() {
        ParsedFeed feed = fixture("wordpress-natasha-wp4.7.rss.xml", "https://www.natashatherobot.com/feed/");
        FeedItem first = feed.items().get(0);
        assertThat(first.platformPostId()).isEqualTo("6602");
        assertThat(first.authorName()).isEqualTo("Natasha Murashev");
        assertThat(first.comments()).isEqualTo(new CommentSignals(
                URI.create("https://www.natashatherobot.com/url-apple-wallet-passkit-pass/#comments"),
                URI.create("https://www.natashatherobot.com/url-apple-wallet-passkit-pass/feed/"), 6, null,
                java.util.List.of()));
        assertThat(feed.links().self()).hasToString("https://www.natashatherobot.com/feed/");
        assertThat(feed.language()).isEqualTo("en-US");
    }

    @Test
    void closedCommentsLeaveNoSignal() {
        ParsedFeed feed = fixture("wordpress-rsscom-wp6.1-nocomments.rss.xml", "https://rss.com/blog/feed/");
        assertThat(feed.items()).hasSize(100).noneMatch(item -> item.comments().any());
    }

    @Test
    void wordPressAtomKeepsThrCountThatRomeDrops() {
        ParsedFeed feed = fixture("wordpress-atom10-thr.atom.xml", "http://www.norm2782.com/feed/atom/");
        FeedItem first = feed.items().get(0);
        assertThat(first.comments().threadTotal()).isZero();
        assertThat(first.comments().replies()).extracting(CommentSignals.RepliesLink::type,
                CommentSignals.RepliesLink::count).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("text/html", 0),
                        org.assertj.core.groups.Tuple.tuple("application/atom+xml", 0));
        assertThat(first.authorUri()).hasToString("http://www.norm2782.com");
        assertThat(first.updated()).isEqualTo(Instant.parse("2009-03-07T08:03:50Z"));
    }

    @Test
    void relativeRepliesLinksResolveAgainstTheDocument() {
        ParsedFeed feed = fixture("intertwingly-samruby-thrcount.atom.xml", "http://intertwingly.net/blog/index.atom");
        FeedItem first = feed.items().get(0);
        assertThat(first.comments().replies()).containsExactly(new CommentSignals.RepliesLink(
                URI.create("http://intertwingly.net/blog/3308.atom"), null, 2));
        assertThat(feed.siteUrl()).hasToString("http://intertwingly.net/blog/");
        // Atom requires only <updated>; it stands for the publication date when <published> is absent.
        assertThat(first.published()).isEqualTo(first.updated()).isEqualTo(Instant.parse("2013-01-30T18:12:03Z"));
    }

    @Test
    void itemIdsFallBackFromGuidToLinkToAHash() {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://blog.example.org/</link><description/>
                <item><title>guid</title><guid isPermaLink="false"> abc-1 </guid><link>/a</link></item>
                <item><title>link only</title><link>/b</link></item>
                <item><title>Nothing else</title><pubDate>Tue, 10 Jun 2003 04:00:00 PDT</pubDate></item>
                <item><title>Nothing else</title><pubDate>Wed, 11 Jun 2003 04:00:00 EST</pubDate></item>
                </channel></rss>
                """;
        ParsedFeed feed = read(xml);
        assertThat(feed.items()).extracting(FeedItem::id).startsWith("abc-1", "https://blog.example.org/b");
        FeedItem hashed = feed.items().get(2);
        assertThat(hashed.id()).matches("sha256:[0-9a-f]{32}");
        assertThat(hashed.url()).isNull();
        assertThat(read(xml).items().get(2).id()).as("stable across reads").isEqualTo(hashed.id());
        assertThat(feed.items().get(3).id()).as("differs by date").isNotEqualTo(hashed.id());
        assertThat(hashed.published()).isEqualTo(Instant.parse("2003-06-10T11:00:00Z"));
        assertThat(feed.items().get(3).published()).isEqualTo(Instant.parse("2003-06-11T09:00:00Z"));
        assertThat(feed.items().get(0).url()).hasToString("https://blog.example.org/a");
    }

    @Test
    void nestedXmlBaseResolvesAtomLinks() {
        ParsedFeed feed = read("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
                <title>t</title><id>urn:t</id><updated>2020-01-02T00:00:00Z</updated>
                <link rel="alternate" type="text/html" href="./"/>
                <link rel="self" href="atom.xml"/>
                <link rel="prev-archive" href="archive/2019.xml"/>
                <entry xml:base="2020/"><title>p</title><id>urn:p</id>
                  <published>2020-01-01T12:00:00+01:00</published><updated>2020-01-02T00:00:00Z</updated>
                  <link rel="alternate" href="post.html"/>
                  <link rel="replies" type="text/html" href="post.html#comments" xmlns:thr="http://purl.org/syndication/thread/1.0" thr:count="3"/>
                  <author><name>Ann</name><uri>/about/ann</uri></author>
                </entry></feed>
                """);
        assertThat(feed.siteUrl()).hasToString("http://example.org/blog/");
        assertThat(feed.links().self()).hasToString("http://example.org/blog/atom.xml");
        assertThat(feed.links().prevArchive()).hasToString("http://example.org/blog/archive/2019.xml");
        FeedItem item = feed.items().get(0);
        assertThat(item.url()).hasToString("http://example.org/blog/2020/post.html");
        assertThat(item.comments().replies()).containsExactly(new CommentSignals.RepliesLink(
                URI.create("http://example.org/blog/2020/post.html#comments"), "text/html", 3));
        assertThat(item.authorUri()).hasToString("http://example.org/about/ann");
        assertThat(item.published()).isEqualTo(Instant.parse("2020-01-01T11:00:00Z"));
    }

    @Test
    void atom03ReadsIssuedAsPublishedAndModifiedAsUpdated() {
        ParsedFeed feed = read("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en-US">
                <title>Kevin, M.D.</title><link href="http://www.kevinmd.com/blog" rel="alternate" type="text/html"/>
                <generator url="http://www.blogger.com/" version="6.72">Blogger</generator>
                <modified>2006-05-24T18:21:55Z</modified>
                <entry><title mode="escaped" type="text/html">Meet the world&apos;s &lt;i&gt;most&lt;/i&gt; soothing robot</title>
                <link href="http://www.kevinmd.com/blog/2006/05/robot.html" rel="alternate" type="text/html"/>
                <author><name>Kevin</name></author>
                <id>tag:blogger.com,1999:blog-6886069.post-114849436601025936</id>
                <issued>2006-05-24T14:12:00-04:00</issued><modified>2006-05-24T18:21:55Z</modified>
                <created>2006-05-24T18:12:46Z</created>
                <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Hi <b>there</b></div></content>
                </entry></feed>
                """);
        assertThat(feed.format()).isEqualTo("atom_0.3");
        assertThat(feed.generator()).isEqualTo("Blogger 6.72 (http://www.blogger.com/)");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Meet the world's most soothing robot");
        assertThat(item.published()).isEqualTo(Instant.parse("2006-05-24T18:12:00Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2006-05-24T18:21:55Z"));
        assertThat(item.platformPostId()).isEqualTo("114849436601025936");
        assertThat(item.summaryHtml()).contains("Hi").contains("<b>there</b>");
    }

    @Test
    void rssPagingLinksTtlAuthorsAndDatesRomeCannotRead() {
        ParsedFeed feed = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- generator="wordpress/2.0.2" -->
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>t</title><link>https://blog.example.org/</link><description/><ttl>45</ttl>
                <atom:link rel="next" href="https://blog.example.org/feed/?paged=2"/>
                <atom:link rel="hub" href="https://hub.example.org/"/>
                <item><title>dotted date</title><link>https://blog.example.org/?p=77</link>
                  <guid>https://blog.example.org/?p=77</guid><pubDate>07.02.2025</pubDate>
                  <author>mayor@example.org (Jane Mayor)</author></item>
                <item><title>dc only</title><link>https://blog.example.org/x</link>
                  <dc:date>2024-05-06T07:08:09+02:00</dc:date><dc:creator>Joe</dc:creator></item>
                <item><title>no date</title><link>https://blog.example.org/y</link></item>
                </channel></rss>
                """);
        assertThat(feed.ttlMinutes()).isEqualTo(45);
        assertThat(feed.generator()).isEqualTo("generator=\"wordpress/2.0.2\"");
        assertThat(feed.links().next()).hasToString("https://blog.example.org/feed/?paged=2");
        assertThat(feed.links().hub()).hasToString("https://hub.example.org/");
        assertThat(feed.items()).extracting(FeedItem::published).containsExactly(
                Instant.parse("2025-02-07T00:00:00Z"), Instant.parse("2024-05-06T05:08:09Z"), null);
        assertThat(feed.items()).extracting(FeedItem::authorName).containsExactly("Jane Mayor", "Joe", null);
        assertThat(feed.items().get(0).platformPostId()).isEqualTo("77");
    }

    @Test
    void summariesAreBoundedAtATextBoundary() {
        String paragraph = "<p>" + "Lorem ipsum <b>dolor</b> sit amet. ".repeat(40) + "</p>";
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://blog.example.org/</link>"
                + "<description/><item><title>long</title><link>https://blog.example.org/l</link><description><![CDATA["
                + paragraph.repeat(20) + "]]></description></item></channel></rss>";
        String summary = parsed(new FeedReader(500).read(FeedFixtures.utf8(xml), null,
                URI.create("https://blog.example.org/feed/"))).items().get(0).summaryHtml();
        assertThat(summary.length()).isLessThanOrEqualTo(500).isGreaterThan(300);
        assertThat(summary).startsWith("<p>Lorem ipsum <b>dolor</b>").endsWith("</p>").contains("\u2026");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(summary).body().html().replace("\n", ""))
                .as("well-formed").isEqualTo(summary.replace("\n", ""));
    }

    @Test
    void aLongPostIsCleanedAsFarAsTheBoundReaches() {
        String head = "<p>Read <a href=\"/agenda\">the agenda</a> and <a href=\"javascript:alert(1)\">this</a>.</p>";
        String tail = "<p>" + "More words here. ".repeat(400) + "<script>steal()</script><img src=\"/late.png\"></p>";
        String fits = "x".repeat(500);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://blog.example.org/</link>"
                + "<description/><item><title>long</title><link>https://blog.example.org/l</link><description><![CDATA["
                + head + tail + "]]></description></item><item><title>fits</title><description>" + fits
                + "</description></item><item><title>one over</title><description>" + fits + "x"
                + "</description></item></channel></rss>";
        List<FeedItem> items = parsed(new FeedReader(500).read(FeedFixtures.utf8(xml), null,
                URI.create("https://blog.example.org/feed/"))).items();
        String summary = items.get(0).summaryHtml();
        assertThat(summary).startsWith("<p>Read <a href=\"https://blog.example.org/agenda\">the agenda</a>"
                + " and <a rel=\"nofollow\">this</a>.</p><p>More words here.").endsWith("\u2026</p>");
        assertThat(summary.length()).isLessThanOrEqualTo(500);
        assertThat(summary).doesNotContain("steal", "late.png", "javascript");
        assertThat(items.get(1).summaryHtml()).as("exactly at the bound: whole").isEqualTo(fits);
        assertThat(items.get(2).summaryHtml()).as("one character over: cut and marked").hasSizeLessThanOrEqualTo(500)
                .endsWith("\u2026").startsWith("xxx");
    }

    @Test
    void mediumGuidsGivePostIds() {
        FeedItem first = fixture("medium-489.rss.xml", "https://medium.com/feed/@hodlhodl").items().get(0);
        assertThat(first.id()).isEqualTo("https://medium.com/p/417d97952d42");
        assertThat(first.platformPostId()).isEqualTo("417d97952d42");
        assertThat(first.authorName()).isEqualTo("Hodl Hodl");
    }
}
