package org.officialblogs.crawl.comments.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.api.FixtureServer;
import org.officialblogs.crawl.comments.ghost.GhostSite;
import org.officialblogs.crawl.comments.substack.SubstackPublication;
import org.officialblogs.crawl.comments.wordpress.WordPressRestSite;
import org.officialblogs.crawl.feed.FeedItem;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.feed.PlatformDetector;

/** Real feeds (src/test/resources/feeds/MANIFEST.tsv) give what each comment API needs to find a post. */
class FeedPostsTest {

    private static ParsedFeed feed(String file, String url) {
        FeedReadResult result = new FeedReader().read(FixtureServer.bytes("/feeds/" + file), null, URI.create(url));
        assertThat(result).isInstanceOf(FeedReadResult.Success.class);
        return ((FeedReadResult.Success) result).feed();
    }

    private static List<FeedItem> items(String file, String url) {
        return feed(file, url).items();
    }

    private static ApiRequest firstRequest(CommentSystem system, PostRef post) {
        return system.forPost(post).orElseThrow().start().next().orElseThrow();
    }

    @Test
    void aGhostFeedsGuidIsThePostIdTheCommentsApiNeeds() {
        ParsedFeed feed = feed("ghost-nooptoday-5.73.rss.xml", "https://nooptoday.com/rss/");
        assertThat(new PlatformDetector().detect(URI.create("https://nooptoday.com/rss/"), feed).platform())
                .isEqualTo(Platform.GHOST);
        List<FeedItem> items = feed.items();
        GhostSite site = new GhostSite(URI.create("https://nooptoday.com/"), null, null, null, "generator Ghost 5.73");

        assertThat(items).hasSize(15).allSatisfy(item -> {
            PostRef post = FeedPosts.postRef(Platform.GHOST, item.url(), item.id(), item.platformPostId(),
                    item.title());
            assertThat(post.platformPostId()).matches("[0-9a-f]{24}");
            assertThat(site.forPost(post)).isPresent();
        });
        FeedItem first = items.get(0);
        assertThat(firstRequest(site, FeedPosts.postRef(Platform.GHOST, first.url(), first.id(), null, null)).url())
                .hasToString("https://nooptoday.com/members/api/comments/post/6552759b77a92e0001fe1d5c/"
                        + "?limit=100&page=1");
    }

    @Test
    void aSubstackFeedsLinkGivesTheSlugForThePostRequest() {
        FeedItem item = items("substack-heated-1item.rss.xml", "https://heated.world/feed").get(0);
        PostRef post = FeedPosts.postRef(Platform.SUBSTACK, item.url(), item.id(), item.platformPostId(), null);

        assertThat(firstRequest(new SubstackPublication(URI.create("https://heated.world"), "generator Substack"), post)
                .url()).hasToString("https://heated.world/api/v1/posts/a-conversation-about-keystone-xl");
    }

    @Test
    void aWordPressFeedsPostIdGoesStraightToTheRestComments() {
        FeedItem item = items("wordpress-codehollow-wp4.7.rss.xml", "https://codehollow.com/feed/").get(0);
        PostRef post = FeedPosts.postRef(Platform.WORDPRESS, item.url(), item.id(), item.platformPostId(), null);

        assertThat(post.platformPostId()).matches("\\d+");
        assertThat(firstRequest(new WordPressRestSite(URI.create("https://codehollow.com/wp-json/"), "x"), post).url()
                .toString()).startsWith("https://codehollow.com/wp-json/wp/v2/comments?post="
                        + post.platformPostId() + "&per_page=100&page=1");
    }
}
