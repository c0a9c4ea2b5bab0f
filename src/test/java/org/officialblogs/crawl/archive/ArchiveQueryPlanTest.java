package org.officialblogs.crawl.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.feed.PlatformDetector;

class ArchiveQueryPlanTest {

    private final ArchiveQueryPlan plan = new ArchiveQueryPlan(new FeedDiscovery(new PlatformDetector()));
    private final ArchiveSettings settings = ArchiveSettings.defaults(URI.create("https://web.archive.org"));

    private static List<String> described(List<CdxQuery> queries) {
        return queries.stream().map(q -> q.url() + " " + q.matchType()).toList();
    }

    @Test
    void aBloggerBlogIsAskedAboutItsFeedByPrefixAndTheUsualPathsOnce() {
        List<CdxQuery> queries = plan.queries(new ArchiveRequest(
                URI.create("http://mayor.blogspot.com/feeds/posts/default"), URI.create("http://mayor.blogspot.com/"),
                Platform.BLOGGER, 2007, 2008), settings);

        assertThat(described(queries)).containsExactly(
                "http://mayor.blogspot.com/feeds/posts/default PREFIX", "http://mayor.blogspot.com/feed/ PREFIX",
                "http://mayor.blogspot.com/feed EXACT", "http://mayor.blogspot.com/rss EXACT",
                "http://mayor.blogspot.com/rss.xml EXACT", "http://mayor.blogspot.com/atom.xml EXACT",
                "http://mayor.blogspot.com/feed.xml EXACT", "http://mayor.blogspot.com/index.xml EXACT",
                "http://mayor.blogspot.com/index.rdf EXACT", "http://mayor.blogspot.com/rss/ PREFIX");
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.from()).isEqualTo("2007");
            assertThat(q.to()).as("a year on: the feed still lists the last posts").isEqualTo("2009");
            assertThat(q.filters()).containsExactly(CdxQuery.READABLE_STATUS);
            assertThat(q.collapse()).containsExactly("digest");
            assertThat(q.limit()).isEqualTo(1_000);
        });
    }

    @Test
    void aBlogInADirectoryIsAskedAboutThereFirstAndTheQueriesAreCapped() {
        ArchiveSettings three = new ArchiveSettings(settings.endpoint(), settings.requestDelay(),
                settings.maxRetryWait(), settings.maxAttempts(), settings.cdxPageSize(), settings.maxCdxPages(), 3,
                settings.captureSpacing(), settings.maxCaptures(), settings.maxRedirectHops());

        List<CdxQuery> queries = plan.queries(new ArchiveRequest(null, URI.create("https://www.city.example/mayor/"),
                null, null, null), three);

        assertThat(described(queries)).containsExactly("https://www.city.example/mayor/feed/ PREFIX",
                "https://www.city.example/mayor/feed EXACT", "https://www.city.example/mayor/rss EXACT");
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.from()).isNull();
            assertThat(q.to()).isNull();
        });
    }

    @Test
    void withoutASiteTheFeedsOwnSiteRootStandsIn() {
        List<CdxQuery> queries = plan.queries(new ArchiveRequest(URI.create("http://blog.example.org/atom.xml"),
                null, Platform.MOVABLE_TYPE, null, 2006), settings);

        assertThat(described(queries)).startsWith("http://blog.example.org/atom.xml EXACT",
                "http://blog.example.org/index.xml EXACT", "http://blog.example.org/index.rdf EXACT",
                "http://blog.example.org/feed/ PREFIX");
        assertThat(described(queries)).doesNotHaveDuplicates().hasSize(10);
        assertThat(queries.get(0).to()).isEqualTo("2007");
    }

    @Test
    void prefixIsForDirectoriesAndBloggersFeedNotForAddressesWithAQuery() {
        assertThat(ArchiveQueryPlan.byPrefix(URI.create("http://a.example/feed/"))).isTrue();
        assertThat(ArchiveQueryPlan.byPrefix(URI.create("http://a.example/feeds/posts/default"))).isTrue();
        assertThat(ArchiveQueryPlan.byPrefix(URI.create("http://a.example/feed"))).isFalse();
        assertThat(ArchiveQueryPlan.byPrefix(URI.create("http://a.example/"))).isFalse();
        assertThat(ArchiveQueryPlan.byPrefix(URI.create("http://a.example/?feed=rss2"))).isFalse();
    }

    @Test
    void commentFeedsAreNotReadAsPosts() {
        assertThat(ArchiveHistoryReader.commentFeed(URI.create("http://a.example/comments/feed/"))).isTrue();
        assertThat(ArchiveHistoryReader.commentFeed(URI.create("http://a.example/feeds/123/comments/default"))).isTrue();
        assertThat(ArchiveHistoryReader.commentFeed(URI.create("http://a.example/?feed=comments-rss2"))).isTrue();
        assertThat(ArchiveHistoryReader.commentFeed(URI.create("http://a.example/feed/atom/"))).isFalse();
    }
}
