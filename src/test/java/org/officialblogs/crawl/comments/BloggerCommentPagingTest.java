package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BloggerCommentPagingTest {
    private static final URI FEED = URI.create(
            "https://brandt-notebook.blogspot.com/feeds/8812345678901234567/comments/default?alt=atom&start-index=1");

    @Test
    void pageUrlSetsOneBasedStartIndexAndKeepsOtherParameters() {
        assertThat(BloggerCommentPaging.pageUrl(FEED, 26, 25)).hasToString(
                "https://brandt-notebook.blogspot.com/feeds/8812345678901234567/comments/default"
                        + "?alt=atom&start-index=26&max-results=25");
        assertThatThrownBy(() -> BloggerCommentPaging.pageUrl(FEED, 0, 25))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followingPagesCoverTheTotalAndStopAtTheBound() {
        FeedPaging first = new FeedPaging(60, 1, 25);

        assertThat(BloggerCommentPaging.followingPages(FEED, first, 25, 10)).extracting(URI::getQuery)
                .containsExactly("alt=atom&start-index=26&max-results=25", "alt=atom&start-index=51&max-results=25");
        assertThat(BloggerCommentPaging.followingPages(FEED, new FeedPaging(100_000, 1, 25), 500, 3)).hasSize(3);
        assertThat(BloggerCommentPaging.followingPages(FEED, new FeedPaging(5, 1, 25), 25, 10)).isEmpty();
    }

    @Test
    void nextStartIndexFollowsOpenSearchNumbers() {
        assertThat(BloggerCommentPaging.nextStartIndex(new FeedPaging(30, 1, 25), 25)).hasValue(26);
        assertThat(BloggerCommentPaging.nextStartIndex(new FeedPaging(30, 26, 25), 5)).isEmpty();
        assertThat(BloggerCommentPaging.nextStartIndex(FeedPaging.NONE, 25)).isEmpty();
    }
}
