package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.officialblogs.crawl.comments.Fixtures.byId;
import static org.officialblogs.crawl.comments.Fixtures.bytes;
import static org.officialblogs.crawl.comments.Fixtures.ids;
import static org.officialblogs.crawl.comments.Fixtures.officialIds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.read.MarkupText;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.metrics.CommentsState;

class HtmlCommentParserTest {
    private final HtmlCommentParser parser = new HtmlCommentParser(HtmlCommentOptions.DEFAULTS);

    private CommentPage fixture(String name) {
        return parser.parse(bytes("/comments/" + name), null, "https://example.org/post/");
    }

    @Test
    void aClosedWordPressPageKeepsItsCommentsAndSaysClosed() {
        CommentPage page = fixture("wordpress-comments-closed.html");

        assertThat(page.commentsState()).isEqualTo(CommentsState.CLOSED);
        assertThat(ids(page.comments())).containsExactly("31", "32");
        assertThat(byId(page.comments(), "32").parentId()).isEqualTo("31");
    }

    @Test
    void aWordPressPageWithNeitherCommentsNorFormIsClosed() {
        CommentPage page = fixture("wordpress-no-comments-closed.html");

        assertThat(page.source()).isEqualTo(CommentSourceKind.HTML_WORDPRESS);
        assertThat(page.comments()).isEmpty();
        assertThat(page.commentsState()).isEqualTo(CommentsState.CLOSED);
        assertThat(page.pageAuthor().name()).isEqualTo("Lisa Chen");
    }

    @Test
    void aWordPressPageWithAFormButNoCommentsYetIsOpen() {
        CommentPage page = fixture("wordpress-no-comments-open.html");

        assertThat(page.comments()).isEmpty();
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);
    }

    @Test
    void commentsInAThirdPartyWidgetLeaveTheStateUnknown() {
        CommentPage page = parser.parse("<html><body><article><p>Post</p></article><div id=\"disqus_thread\">"
                + "</div></body></html>", null);

        assertThat(page.comments()).isEmpty();
        assertThat(page.commentsState()).isEqualTo(CommentsState.UNKNOWN);
    }

    @Test
    void hostileMarkupLeavesOnlyPlainTextAndNoFakeFlags() {
        CommentPage page = fixture("hostile-comments.html");

        // li#comment-45x is not a WordPress comment id and is skipped.
        assertThat(ids(page.comments())).containsExactly("41", "42", "43", "44", "46");
        assertThat(page.comments()).extracting(Comment::authorName).startsWith("Eve", "Mallory", "nimdA Bob",
                "Min Park (author)");
        assertThat(page.comments()).allSatisfy(c -> assertThat(c.authorName())
                .doesNotContain("<", ">", "script", "alert", "onerror", "\u202E", "\u200B"));
        assertThat(byId(page.comments(), "46").authorName()).hasSize(MarkupText.MAX_NAME_CHARS);
        assertThat(byId(page.comments(), "46").published()).isNull();
        // Classes inside the comment's text are not the platform's flags: only the comment element's count.
        assertThat(page.comments()).allMatch(c -> c.flags().isEmpty());
        List<Comment> decided = new ReplyDetector().decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(officialIds(decided)).isEmpty();
    }

    @Test
    void bloggerBlogAuthorReplyIsReadWithItsThreadAndRemovedComment() {
        CommentPage page = fixture("blogger-blog-author-thread.html");

        assertThat(page.source()).isEqualTo(CommentSourceKind.HTML_BLOGGER);
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId).containsExactly(
                tuple("1001002003004005006", null), tuple("1501002003004005006", "1001002003004005006"),
                tuple("3001002003004005006", "1001002003004005006"), tuple("2001002003004005006", null));
        Comment reply = byId(page.comments(), "1501002003004005006");
        assertThat(reply.flags()).containsExactly(PlatformFlag.BLOG_AUTHOR);
        // Protocol-relative profile link made absolute.
        assertThat(reply.authorProfileUrl()).isEqualTo("https://www.blogger.com/profile/05550001112223334445");
        assertThat(byId(page.comments(), "2001002003004005006").flags()).containsExactly(
                PlatformFlag.CONTENT_REMOVED);
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);

        List<Comment> decided = new ReplyDetector().decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(officialIds(decided)).containsExactly("1501002003004005006");
        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2024-04-10T08:00:00Z"), Fixtures.clockAt("2024-04-12T12:00:00Z"));
        // Greta's two comments are the readers'; the removed anonymous comment counts on no side.
        assertThat(facts.readerComments()).isEqualTo(2);
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.parse("PT13H45M30S"));
        assertThat(facts.tooYoungToJudge()).isTrue();
    }

    @Test
    void drupalNodeAuthorFlagDecidesAndAnotherAccountWithTheSameNameDoesNot() {
        CommentPage page = fixture("drupal8-node-author.html");

        assertThat(page.source()).isEqualTo(CommentSourceKind.HTML_DRUPAL);
        assertThat(page.pageAuthor().name()).isEqualTo("Diego Ruiz");
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId, Comment::authorUserId,
                Comment::published).containsExactly(
                tuple("120", null, null, Instant.parse("2024-04-09T10:00:00Z")),
                tuple("121", "120", "2", Instant.parse("2024-04-09T15:00:00Z")),
                tuple("122", null, "9", Instant.parse("2024-04-10T15:00:00Z")));

        List<Comment> decided = new ReplyDetector().decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("120", AuthorshipSignal.NO_MATCH), tuple("121", AuthorshipSignal.DRUPAL_NODE_AUTHOR_FLAG),
                tuple("122", AuthorshipSignal.OTHER_ACCOUNT));
    }

    @Test
    void genericMarkupIsReadWithStableHashIdsWhenThePageGivesNone() {
        String html = "<html><body><section id=\"comments\"><ol>"
                + "<li><div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
                + "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">"
                + "Ivo</span></span><time itemprop=\"dateCreated\" datetime=\"2024-02-01T10:00:00Z\">1 Feb</time>"
                + "<p>First!</p></div>"
                + "<ul class=\"children\"><li><div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
                + "<span itemprop=\"author\"><span itemprop=\"name\">Mayor Vega</span></span>"
                + "<time itemprop=\"dateCreated\" datetime=\"2024-02-01T12:30:00Z\">1 Feb</time><p>Thanks</p></div></li></ul>"
                + "</li></ol></section></body></html>";

        CommentPage first = parser.parse(html, null);
        CommentPage again = parser.parse(html, null);

        assertThat(first.source()).isEqualTo(CommentSourceKind.HTML_GENERIC);
        assertThat(first.comments()).extracting(Comment::authorName).containsExactly("Ivo", "Mayor Vega");
        assertThat(first.comments().get(0).id()).startsWith("h:");
        assertThat(first.comments().get(1).parentId()).isEqualTo(first.comments().get(0).id());
        assertThat(ids(again.comments())).isEqualTo(ids(first.comments()));
        assertThat(first.comments().get(1).published()).isEqualTo(Instant.parse("2024-02-01T12:30:00Z"));
    }

    @Test
    void thousandsOfCommentsCostBoundedTimeAndTheCapIsHonoured() {
        int total = 12_000;
        StringBuilder html = new StringBuilder("<html><head><meta name=\"generator\" content=\"WordPress 6.5\">"
                + "</head><body><div id=\"comments\"><ol class=\"comment-list\">");
        for (int i = 1; i <= total; i += 2) {
            // Every thread: a reader comment and a nested reply by the post author.
            html.append("<li id=\"comment-").append(i).append("\" class=\"comment depth-1\"><article id=\"div-comment-")
                    .append(i).append("\"><b class=\"fn\">Reader ").append(i).append("</b><time datetime=\"")
                    .append(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L)).append("\">t</time>")
                    .append("<p>Question</p></article><ol class=\"children\"><li id=\"comment-").append(i + 1)
                    .append("\" class=\"comment byuser bypostauthor depth-2\"><article><b class=\"fn\">Mayor</b>")
                    .append("<p>Answer</p></article></li></ol></li>");
        }
        html.append("</ol></div><div id=\"respond\"></div></body></html>");

        long start = System.nanoTime();
        CommentPage page = parser.parse(html.toString(), null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(page.comments()).hasSize(HtmlCommentOptions.DEFAULT_MAX_COMMENTS);
        assertThat(page.truncated()).isTrue();
        assertThat(page.comments().get(1).parentId()).isEqualTo("1");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));

        CommentPage small = new HtmlCommentParser(new HtmlCommentOptions(100, ZoneOffset.UTC))
                .parse(html.toString(), null);
        assertThat(small.comments()).hasSize(100);
        assertThat(small.truncated()).isTrue();
    }

    @Test
    void anEmptyBodyIsAFailureValue() {
        CommentPage page = parser.parse(new byte[0], null, null);

        assertThat(page.readable()).isFalse();
        assertThat(page.failure().kind()).isEqualTo(ReadFailureKind.EMPTY);
    }
}
