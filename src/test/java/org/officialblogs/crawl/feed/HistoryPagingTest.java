package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backfill paging: RFC 5005 links first, then WordPress ?paged, then Blogger start-index, else none. */
class HistoryPagingTest {

    private final HistoryPaging paging = new HistoryPaging();

    private static ParsedFeed page(int items, FeedLinks links, OpenSearchCounts openSearch) {
        List<FeedItem> list = IntStream.rangeClosed(1, items).mapToObj(i -> new FeedItem("id-" + i, null, "t" + i,
                null, null, null, null, new CommentSignals(null, null, null, null, List.of()), "", null)).toList();
        return new ParsedFeed("rss_2.0", "t", null, null, null, null, links, openSearch, "UTF-8", List.of(), list);
    }

    private Optional<NextPage> next(String url, Platform platform, ParsedFeed page) {
        return paging.nextPage(URI.create(url), platform, page);
    }

    @Test
    void rfc5005LinksComeFirstArchiveBeforeNext() {
        FeedLinks both = new FeedLinks(null, URI.create("https://b.example/feed?page=2"), null,
                URI.create("https://b.example/archive/2019.xml"), null);
        assertThat(next("https://b.example/feed/", Platform.WORDPRESS, page(10, both, null))).contains(
                new NextPage(URI.create("https://b.example/archive/2019.xml"), PagingMethod.RFC5005_PREV_ARCHIVE));
        FeedLinks nextOnly = new FeedLinks(null, URI.create("https://b.example/feed?page=2"), null, null, null);
        assertThat(next("https://b.example/feed/", Platform.OTHER, page(10, nextOnly, null))).contains(
                new NextPage(URI.create("https://b.example/feed?page=2"), PagingMethod.RFC5005_NEXT));
    }

    @Test
    void aNextLinkToTheSamePageIsIgnored() {
        FeedLinks loop = new FeedLinks(null, URI.create("https://b.example/feed/"), null, null, null);
        assertThat(next("https://b.example/feed/", Platform.OTHER, page(10, loop, null))).isEmpty();
    }

    @Test
    void bloggerPrintsItsOwnNextLink() {
        URI feedUrl = URI.create("http://4fsodonline.blogspot.com/feeds/posts/default");
        ParsedFeed feed = FeedFixtures.parsed(new FeedReader().read(
                FeedFixtures.feedFile("blogger-4fsodonline-thr.atom.xml"), null, feedUrl));
        assertThat(paging.nextPage(feedUrl, Platform.BLOGGER, feed)).contains(new NextPage(URI.create(
                "http://www.blogger.com/feeds/3905741845175603023/posts/default?start-index=26&max-results=25"),
                PagingMethod.RFC5005_NEXT));
    }

    @Test
    void wordPressPagesWithPagedKeepingOtherParameters() {
        assertThat(next("https://mayor.example.org/feed/", Platform.WORDPRESS, page(10, FeedLinks.NONE, null)))
                .contains(new NextPage(URI.create("https://mayor.example.org/feed/?paged=2"),
                        PagingMethod.WORDPRESS_PAGED));
        assertThat(next("https://mayor.example.org/?feed=rss2&paged=2&cat=4#top", Platform.WORDPRESS,
                page(10, FeedLinks.NONE, null))).map(NextPage::url).contains(
                        URI.create("https://mayor.example.org/?feed=rss2&paged=3&cat=4"));
        assertThat(next("https://mayor.example.org/feed/?paged=7", Platform.WORDPRESS, page(0, FeedLinks.NONE, null)))
                .as("an empty page ends the history").isEmpty();
    }

    @Test
    void aProxiedWordPressFeedIsNotPaged() {
        URI feedUrl = URI.create("http://feeds.feedburner.com/Techcrunch");
        ParsedFeed feed = FeedFixtures.parsed(new FeedReader().read(
                FeedFixtures.feedFile("wordpress-techcrunch-wpcom-2011.rss.xml"), null, feedUrl));
        assertThat(feed.siteUrl()).hasToString("http://techcrunch.com");
        assertThat(paging.nextPage(feedUrl, Platform.WORDPRESS, feed)).isEmpty();

        URI ownFeed = URI.create("https://www.natashatherobot.com/feed/");
        ParsedFeed own = FeedFixtures.parsed(new FeedReader().read(
                FeedFixtures.feedFile("wordpress-natasha-wp4.7.rss.xml"), null, ownFeed));
        assertThat(paging.nextPage(ownFeed, Platform.WORDPRESS, own)).map(NextPage::url)
                .contains(URI.create("https://www.natashatherobot.com/feed/?paged=2"));
    }

    @Test
    void bloggerPagesWithStartIndexUntilTheTotal() {
        OpenSearchCounts sixty = new OpenSearchCounts(60, 1, 25);
        assertThat(next("https://council.blogspot.com/feeds/posts/default?alt=rss", Platform.BLOGGER,
                page(25, FeedLinks.NONE, sixty))).contains(new NextPage(URI.create(
                        "https://council.blogspot.com/feeds/posts/default?alt=rss&start-index=26&max-results=25"),
                        PagingMethod.BLOGGER_START_INDEX));
        assertThat(next("https://council.blogspot.com/feeds/posts/default?max-results=150&start-index=1",
                Platform.BLOGGER, page(150, FeedLinks.NONE, new OpenSearchCounts(315, 1, 150))))
                .map(NextPage::url).contains(URI.create(
                        "https://council.blogspot.com/feeds/posts/default?max-results=150&start-index=151"));
        assertThat(next("https://council.blogspot.com/feeds/posts/default?start-index=51&max-results=25",
                Platform.BLOGGER, page(10, FeedLinks.NONE, sixty))).as("61 > 60 results").isEmpty();
        // Blogger sometimes serves fewer than asked: advance by what was served, never skip.
        assertThat(next("https://council.blogspot.com/feeds/posts/default?start-index=26&max-results=25",
                Platform.BLOGGER, page(20, FeedLinks.NONE, null))).map(NextPage::url).contains(URI.create(
                        "https://council.blogspot.com/feeds/posts/default?start-index=46&max-results=25"));
        assertThat(new HistoryPaging(150).nextPage(URI.create("https://council.blogspot.com/feeds/posts/default"),
                Platform.BLOGGER, page(25, FeedLinks.NONE, null))).map(NextPage::url).contains(URI.create(
                        "https://council.blogspot.com/feeds/posts/default?start-index=26&max-results=150"));
    }

    @Test
    void otherPlatformsWithoutLinksHaveNoHistoryPaging() {
        for (Platform platform : List.of(Platform.MEDIUM, Platform.SUBSTACK, Platform.GHOST, Platform.OTHER)) {
            assertThat(next("https://janemayor.substack.com/feed", platform, page(20, FeedLinks.NONE, null))).isEmpty();
        }
    }

    @Test
    void urlBuildersKeepRawEncodingAndReplaceDuplicates() {
        assertThat(HistoryPaging.wordPressPage(URI.create("https://b.example/?s=caf%C3%A9+x&paged=1&paged=9"), 4))
                .hasToString("https://b.example/?s=caf%C3%A9+x&paged=4");
        assertThat(HistoryPaging.wordPressPage(URI.create("https://b.example"), 2)).hasToString("https://b.example/?paged=2");
        assertThat(HistoryPaging.bloggerPage(URI.create("https://x.blogspot.com/feeds/posts/default?alt=rss"), 1, 150))
                .hasToString("https://x.blogspot.com/feeds/posts/default?alt=rss&start-index=1&max-results=150");
        assertThatThrownBy(() -> HistoryPaging.wordPressPage(URI.create("https://b.example/"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistoryPaging.bloggerPage(URI.create("https://b.example/"), 0, 25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryPaging(151)).isInstanceOf(IllegalArgumentException.class);
    }
}
