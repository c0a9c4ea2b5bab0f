package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_ATOM;
import static org.officialblogs.crawl.archive.ArchiveFixtures.NORM_RSS;
import static org.officialblogs.crawl.archive.ArchiveFixtures.feed;
import static org.officialblogs.crawl.archive.ArchiveFixtures.olderItems;
import static org.officialblogs.crawl.archive.ArchiveFixtures.read;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.feed.ParsedFeed;

class PostMergerTest {

    private static final URI ARCHIVE = URI.create("https://web.archive.org");
    private final PostMerger merger = new PostMerger();

    private static PostMerger.FeedCapture capture(String timestamp, String url, ParsedFeed feed) {
        return new PostMerger.FeedCapture(CaptureSource.of(new CaptureUrl(timestamp, URI.create(url)), ARCHIVE), feed);
    }

    private static ParsedFeed xml(String text, String url) {
        return read(text.getBytes(StandardCharsets.UTF_8), url);
    }

    @Test
    void overlappingCapturesAndBothFormatsOfOneBlogGiveEachPostOnceWithItsFirstAndLastListing() {
        String rss = "http://www.norm2782.com/feed/";
        String atom = "http://www.norm2782.com/feed/atom/";
        List<PostMerger.FeedCapture> captures = List.of(
                capture("20090307090000", rss, read(feed(NORM_RSS), rss)),
                capture("20090105093000", rss, read(olderItems(feed(NORM_RSS), 5, 10), rss)),
                capture("20090308090000", atom, read(feed(NORM_ATOM), atom)),
                capture("20090116120000", rss, read(olderItems(feed(NORM_RSS), 2, 10), rss)));

        List<ArchivedPost> posts = merger.merge(captures);

        assertThat(posts).extracting(p -> p.item().id()).containsExactly(
                "http://www.norm2782.com/?p=8", "http://www.norm2782.com/?p=22", "http://www.norm2782.com/?p=27",
                "http://www.norm2782.com/?p=44", "http://www.norm2782.com/?p=53", "http://www.norm2782.com/?p=68",
                "http://www.norm2782.com/?p=72", "http://www.norm2782.com/?p=94", "http://www.norm2782.com/?p=105",
                "http://www.norm2782.com/?p=114");
        assertThat(posts).extracting(p -> p.firstListedBy().timestamp()).containsExactly(
                "20090105093000", "20090105093000", "20090105093000", "20090105093000", "20090105093000",
                "20090116120000", "20090116120000", "20090116120000", "20090307090000", "20090307090000");
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.lastListedBy().timestamp()).isEqualTo("20090308090000");
            assertThat(p.lastListedBy().original()).isEqualTo(URI.create(atom));
            assertThat(p.ids()).hasSize(1);
        });
        assertThat(posts).extracting(ArchivedPost::listings).containsExactly(4, 4, 4, 4, 4, 3, 3, 3, 2, 2);
        assertThat(posts.get(0).item().published()).isEqualTo(Instant.parse("2009-01-01T23:02:54Z"));
        assertThat(posts.get(9).item().title()).isEqualTo("Wth… reading books?");
        assertThat(posts.get(0).firstListedBy().archiveUrl())
                .hasToString("https://web.archive.org/web/20090105093000/http://www.norm2782.com/feed/");
    }

    @Test
    void withoutAMatchingIdTheLinkDecidesAcrossFeedAddresses() {
        ParsedFeed rdf = xml("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://blog.example.org/"><title>B</title><link>http://blog.example.org/</link>
                    <description/></channel>
                  <item rdf:about="http://blog.example.org/2007/05/budget.html"><title>Budget</title>
                    <link>http://blog.example.org/2007/05/budget.html</link><dc:date>2007-05-02T10:00:00Z</dc:date></item>
                </rdf:RDF>""", "http://blog.example.org/index.rdf");
        ParsedFeed atom = xml("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><id>tag:example.org,2007:blog</id>
                  <updated>2007-06-01T00:00:00Z</updated>
                  <entry><id>tag:typepad.com,2003:post-1234</id><title>Budget, revised</title>
                    <link rel="alternate" href="https://www.blog.example.org/2007/05/budget.html"/>
                    <published>2007-05-02T10:00:00Z</published><updated>2007-05-03T10:00:00Z</updated></entry>
                </feed>""", "http://blog.example.org/atom.xml");

        List<ArchivedPost> posts = merger.merge(List.of(
                capture("20070510000000", "http://blog.example.org/index.rdf", rdf),
                capture("20070601000000", "http://blog.example.org/atom.xml", atom)));

        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.ids()).containsExactly("http://blog.example.org/2007/05/budget.html",
                    "tag:typepad.com,2003:post-1234");
            assertThat(p.item().title()).as("the latest capture's version").isEqualTo("Budget, revised");
            assertThat(p.listings()).isEqualTo(2);
        });
    }

    @Test
    void aSharedLinkDoesNotJoinPostsThatOneFeedKeepsApart() {
        // a feed whose items all link to the home page: distinct guids are distinct posts
        ParsedFeed first = xml("""
                <rss version="2.0"><channel><title>N</title><link>http://news.example.org/</link><description/>
                  <item><guid isPermaLink="false">n-1</guid><title>One</title><link>http://news.example.org/</link>
                    <pubDate>Mon, 05 Mar 2007 10:00:00 GMT</pubDate></item>
                  <item><guid isPermaLink="false">n-2</guid><title>Two</title><link>http://news.example.org/</link>
                    <pubDate>Tue, 06 Mar 2007 10:00:00 GMT</pubDate></item>
                </channel></rss>""", "http://news.example.org/rss");
        ParsedFeed later = xml("""
                <rss version="2.0"><channel><title>N</title><link>http://news.example.org/</link><description/>
                  <item><guid isPermaLink="false">n-3</guid><title>Three</title><link>http://news.example.org/</link>
                    <pubDate>Wed, 14 Mar 2007 10:00:00 GMT</pubDate></item>
                  <item><guid isPermaLink="false">n-2</guid><title>Two</title><link>http://news.example.org/</link>
                    <pubDate>Tue, 06 Mar 2007 10:00:00 GMT</pubDate></item>
                </channel></rss>""", "http://news.example.org/rss");

        List<ArchivedPost> posts = merger.merge(List.of(
                capture("20070307000000", "http://news.example.org/rss", first),
                capture("20070315000000", "http://news.example.org/rss", later)));

        assertThat(posts).extracting(p -> p.item().id()).containsExactly("n-1", "n-2", "n-3");
        assertThat(posts).extracting(ArchivedPost::listings).containsExactly(1, 2, 1);
    }

    @Test
    void aDateMissingInTheLatestCaptureIsTakenFromAnEarlierOne() {
        ParsedFeed dated = xml("""
                <rss version="2.0"><channel><title>B</title><link>http://b.example.org/</link><description/>
                  <item><guid>http://b.example.org/p/1</guid><title>Hello</title>
                    <pubDate>Sat, 01 Dec 2007 09:00:00 GMT</pubDate></item></channel></rss>""",
                "http://b.example.org/feed");
        ParsedFeed undated = xml("""
                <rss version="2.0"><channel><title>B</title><link>http://b.example.org/</link><description/>
                  <item><guid>http://b.example.org/p/1</guid><title>Hello again</title></item></channel></rss>""",
                "http://b.example.org/feed");

        List<ArchivedPost> posts = merger.merge(List.of(
                capture("20071202000000", "http://b.example.org/feed", dated),
                capture("20080102000000", "http://b.example.org/feed", undated)));

        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.item().title()).isEqualTo("Hello again");
            assertThat(p.item().published()).isEqualTo(Instant.parse("2007-12-01T09:00:00Z"));
        });
    }
}
