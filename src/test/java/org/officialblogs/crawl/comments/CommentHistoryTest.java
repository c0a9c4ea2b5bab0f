package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.officialblogs.crawl.comments.Fixtures.byId;
import static org.officialblogs.crawl.comments.Fixtures.ids;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommentHistoryTest {
    private static final Instant FIRST = Instant.parse("2024-03-01T00:00:00Z");
    private final CommentFeedParser feeds = new CommentFeedParser();

    /** A WordPress comment feed as served when comments first..last exist: only the newest ten, newest first. */
    private static byte[] wordPressFeedShowingNewestTen(int last) {
        StringBuilder items = new StringBuilder();
        for (int id = last; id > Math.max(0, last - 10); id--) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(FIRST.plusSeconds(3600L * id)
                    .atOffset(ZoneOffset.UTC));
            items.append("<item><title>By: Reader ").append(id).append("</title>")
                    .append("<link>https://blog.example/p/#comment-").append(id).append("</link>")
                    .append("<dc:creator><![CDATA[Reader ").append(id).append("]]></dc:creator>")
                    .append("<pubDate>").append(date).append("</pubDate></item>");
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Comments on: P</title>"
                + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void threeCrawlsOfASlidingTenCommentWindowKeepEveryComment() {
        List<Comment> history = List.of();
        // Crawl 1 sees comments 1-10, crawl 2 sees 6-15, crawl 3 sees 11-20.
        for (int last : new int[] {10, 15, 20}) {
            CommentPage page = feeds.parse(wordPressFeedShowingNewestTen(last), CommentSourceKind.WORDPRESS_RSS_FEED);
            assertThat(page.comments()).hasSize(10);
            history = CommentHistory.merge(history, page.comments());
        }

        assertThat(ids(history)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList());
        Comment onlySeenInTheFirstCrawl = byId(history, "3");
        assertThat(onlySeenInTheFirstCrawl.authorName()).isEqualTo("Reader 3");
        assertThat(onlySeenInTheFirstCrawl.published()).isEqualTo(FIRST.plusSeconds(3 * 3600));
    }

    @Test
    void betterDataFromThePageIsKeptWhenTheFeedIsReadAgain() {
        Comment fromFeed = Comment.undecided(CommentSourceKind.WORDPRESS_RSS_FEED, "7", null,
                Instant.parse("2024-03-02T10:00:00Z"), "Ana", null, null, Set.of())
                .withDecision(AuthorshipSignal.NO_MATCH);
        Comment fromPage = Comment.undecided(CommentSourceKind.HTML_WORDPRESS, "7", "5", null, "Ana Núñez", null,
                null, EnumSet.of(PlatformFlag.BY_POST_AUTHOR, PlatformFlag.BY_REGISTERED_USER));
        Comment fromFeedAgain = Comment.undecided(CommentSourceKind.WORDPRESS_RSS_FEED, "7", null,
                Instant.parse("2024-03-02T10:00:00Z"), "Ana Núñez", null, null, Set.of());

        List<Comment> afterPage = CommentHistory.merge(List.of(fromFeed), List.of(fromPage));
        List<Comment> afterFeed = CommentHistory.merge(afterPage, List.of(fromFeedAgain));

        Comment merged = afterFeed.get(0);
        assertThat(afterFeed).hasSize(1);
        assertThat(merged.source()).isEqualTo(CommentSourceKind.HTML_WORDPRESS);
        assertThat(merged.parentId()).isEqualTo("5");
        assertThat(merged.published()).isEqualTo(Instant.parse("2024-03-02T10:00:00Z"));
        assertThat(merged.authorName()).isEqualTo("Ana Núñez");
        assertThat(merged.flags()).containsExactlyInAnyOrder(PlatformFlag.BY_POST_AUTHOR,
                PlatformFlag.BY_REGISTERED_USER);
        // The flags changed what decides authorship: the old decision is not carried over.
        assertThat(afterPage.get(0).decidedBy()).isEqualTo(AuthorshipSignal.UNDECIDED);
        assertThat(new ReplyDetector().decide(afterFeed, PostAuthor.UNKNOWN, List.of()).get(0).decidedBy())
                .isEqualTo(AuthorshipSignal.WORDPRESS_POST_AUTHOR_FLAG);
    }

    @Test
    void aDecisionSurvivesWhenNothingThatDecidesAuthorshipChanged() {
        Comment decided = Comment.undecided(CommentSourceKind.WORDPRESS_RSS_FEED, "4", null, null, "Ann", null,
                null, Set.of()).withDecision(AuthorshipSignal.NO_MATCH);
        Comment sameWithTime = Comment.undecided(CommentSourceKind.WORDPRESS_RSS_FEED, "4", null,
                Instant.parse("2024-03-02T10:00:00Z"), "Ann", null, null, Set.of());

        Comment merged = CommentHistory.merge(List.of(decided), List.of(sameWithTime)).get(0);

        assertThat(merged.decidedBy()).isEqualTo(AuthorshipSignal.NO_MATCH);
        assertThat(merged.published()).isEqualTo(Instant.parse("2024-03-02T10:00:00Z"));
    }

    @Test
    void theSameNumberOnAnotherPlatformIsAnotherComment() {
        Comment wordPress = Comment.undecided(CommentSourceKind.WORDPRESS_REST, "12", null, null, "A", null, null,
                Set.of());
        Comment drupal = Comment.undecided(CommentSourceKind.HTML_DRUPAL, "12", null, null, "B", null, null,
                Set.of());

        assertThat(CommentHistory.merge(List.of(wordPress), List.of(drupal))).hasSize(2);
    }
}
