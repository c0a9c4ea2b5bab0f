package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.officialblogs.crawl.comments.Fixtures.byId;
import static org.officialblogs.crawl.comments.Fixtures.bytes;
import static org.officialblogs.crawl.comments.Fixtures.ids;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.read.ReadFailure;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.metrics.CommentsState;

class CommentFeedParserTest {
    private final CommentFeedParser parser = new CommentFeedParser();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wordPressRssCommentFeedGivesTenCommentsWithIdsTimesNamesAndReplyParents() {
        CommentPage page = parser.parse(bytes("/comments/wordpress-comment-feed.rss.xml"),
                CommentSourceKind.WORDPRESS_RSS_FEED);

        assertThat(page.readable()).isTrue();
        assertThat(page.source()).isEqualTo(CommentSourceKind.WORDPRESS_RSS_FEED);
        assertThat(ids(page.comments()))
                .containsExactly("510", "509", "508", "507", "506", "505", "504", "503", "502", "501");
        assertThat(page.comments()).filteredOn(c -> c.parentId() != null)
                .extracting(Comment::id, Comment::parentId)
                .containsExactly(tuple("509", "507"), tuple("506", "504"), tuple("505", "503"),
                        tuple("503", "501"));
        Comment reply = byId(page.comments(), "503");
        assertThat(reply.authorName()).isEqualTo("Ana Núñez");
        assertThat(reply.published()).isEqualTo(Instant.parse("2024-03-01T14:15:00Z"));
        assertThat(reply.decidedBy()).isEqualTo(AuthorshipSignal.UNDECIDED);
        assertThat(page.commentsState()).isEqualTo(CommentsState.UNKNOWN);
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void aLinkToACommentFurtherDownTheTextIsNotAParent() {
        String feed = rss("<item><link>https://a.example/p/#comment-9</link><dc:creator>Lu</dc:creator>"
                + "<pubDate>Fri, 01 Mar 2024 10:15:00 +0000</pubDate><content:encoded><![CDATA[<p>I agree with "
                + "much of the post and with what others wrote, in particular <a href=\"https://a.example/p/"
                + "#comment-4\">Jo</a>.</p>]]></content:encoded></item>");

        CommentPage page = parser.parse(utf8(feed), CommentSourceKind.WORDPRESS_RSS_FEED);

        assertThat(page.comments()).singleElement().satisfies(c -> assertThat(c.parentId()).isNull());
    }

    @Test
    void wordPressAtomCommentFeedReadsParentsFromThreadInReplyTo() {
        CommentPage page = parser.parse(bytes("/comments/wordpress-comment-feed.atom.xml"),
                CommentSourceKind.WORDPRESS_RSS_FEED);

        assertThat(page.source()).isEqualTo(CommentSourceKind.WORDPRESS_ATOM_FEED);
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId, Comment::authorName)
                .containsExactly(tuple("2210", "2207", "Ruth Hale"), tuple("2208", null, "Dale Fischer"),
                        tuple("2207", null, "Mara Quinn"), tuple("2205", null, "Omar Said"));
        assertThat(byId(page.comments(), "2210").published()).isEqualTo(Instant.parse("2024-05-03T17:05:31Z"));
        // A commenter's self-declared website is not a profile the platform vouches for.
        assertThat(page.comments()).allMatch(c -> c.authorProfileUrl() == null);
    }

    @Test
    void bloggerCommentFeedReadsIdsParentsProfilesPidsRemovalAndPaging() {
        CommentPage page = parser.parse(bytes("/comments/blogger-comment-feed.atom.xml"),
                CommentSourceKind.BLOGGER_FEED);

        assertThat(page.source()).isEqualTo(CommentSourceKind.BLOGGER_FEED);
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId).containsExactly(
                tuple("3001002003004005006", "1001002003004005006"), tuple("2001002003004005006", null),
                tuple("1501002003004005006", "1001002003004005006"), tuple("1101002003004005006", null),
                tuple("1001002003004005006", null));
        Comment official = byId(page.comments(), "1501002003004005006");
        assertThat(official.authorProfileUrl()).isEqualTo("https://www.blogger.com/profile/05550001112223334445");
        assertThat(official.authorUserId()).isEqualTo("pid-1505550001");
        assertThat(official.published()).isEqualTo(Instant.parse("2024-04-11T07:45:30Z"));
        assertThat(byId(page.comments(), "2001002003004005006").flags()).containsExactly(
                PlatformFlag.CONTENT_REMOVED);
        // The javascript: "profile" of comment 1101... never survives.
        assertThat(byId(page.comments(), "1101002003004005006").authorProfileUrl()).isNull();
        assertThat(page.pageAuthor()).isEqualTo(new PostAuthor("Klaus Brandt",
                "http://www.blogger.com/profile/05550001112223334445", null));
        assertThat(page.paging()).isEqualTo(new FeedPaging(5, 1, 25));
    }

    @Test
    void doctypeIsRefusedSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss version=\"2.0\"><channel><item><title>&xxe;</title></item></channel></rss>";
        String laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<rss><channel><item><dc:creator>&lol2;</dc:creator></item></channel></rss>";

        for (String hostile : new String[] {xxe, laughs}) {
            CommentPage page = parser.parse(utf8(hostile), CommentSourceKind.WORDPRESS_RSS_FEED);
            assertThat(page.readable()).isFalse();
            assertThat(page.failure().kind()).isEqualTo(ReadFailureKind.UNSAFE);
            assertThat(page.comments()).isEmpty();
        }
    }

    @Test
    void theParserItselfRefusesADoctypeTheQuickCheckCannotSee() {
        // UTF-16 hides the prolog from the byte-level check: the hardened parser's own refusal must hold.
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!-- a comment first -->"
                + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]><rss><channel><item>"
                + "<title>&xxe;</title></item></channel></rss>";
        CommentPage utf16 = parser.parse(xxe.getBytes(StandardCharsets.UTF_16), CommentSourceKind.WORDPRESS_RSS_FEED);
        assertThat(utf16.failure().kind()).isEqualTo(ReadFailureKind.UNSAFE);

        CommentPage afterComment = parser.parse(utf8("<!-- hi --><!DOCTYPE rss><rss><channel/></rss>"),
                CommentSourceKind.WORDPRESS_RSS_FEED);
        assertThat(afterComment.failure().kind()).isEqualTo(ReadFailureKind.UNSAFE);
    }

    @Test
    void unreadableBodiesAreFailureValues() {
        assertThat(parser.parse(new byte[0], CommentSourceKind.BLOGGER_FEED).failure())
                .isEqualTo(new ReadFailure(ReadFailureKind.EMPTY, "the body is empty"));
        CommentPage broken = parser.parse(utf8("<rss><channel><item></channel>"), CommentSourceKind.WORDPRESS_RSS_FEED);
        assertThat(broken.failure().kind()).isEqualTo(ReadFailureKind.MALFORMED);
        CommentPage html = parser.parse(utf8("<html><body>Not found</body></html>"), CommentSourceKind.BLOGGER_FEED);
        assertThat(html.source()).isEqualTo(CommentSourceKind.BLOGGER_FEED);
        assertThat(html.failure().kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(html.failure().message()).contains("<html>");
    }

    @Test
    void aBlankLineBeforeTheXmlDeclarationIsTolerated() {
        String feed = "\n\n" + rss("<item><link>https://a.example/p/#comment-3</link><dc:creator>Lu</dc:creator>"
                + "<pubDate>Fri, 1 Mar 2024 10:15:00 GMT</pubDate></item>");

        CommentPage page = parser.parse(utf8(feed), CommentSourceKind.WORDPRESS_RSS_FEED);

        assertThat(page.comments()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("3");
            assertThat(c.published()).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
        });
    }

    @Test
    void hostileCreatorNamesComeOutAsPlainText() {
        String feed = rss("<item><link>https://a.example/p/#comment-5</link>"
                + "<dc:creator><![CDATA[<img src=x onerror=alert(1)>Eve<script>alert(2)</script>]]></dc:creator>"
                + "</item>");

        Comment comment = parser.parse(utf8(feed), CommentSourceKind.WORDPRESS_RSS_FEED).comments().get(0);

        assertThat(comment.authorName()).isEqualTo("Eve");
    }

    @Test
    void theCapBoundsAHugeFeedAndSaysSo() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            items.append("<item><link>https://a.example/p/#comment-").append(i).append("</link></item>");
        }
        CommentPage page = new CommentFeedParser(20).parse(utf8(rss(items.toString())),
                CommentSourceKind.WORDPRESS_RSS_FEED);

        assertThat(page.comments()).hasSize(20);
        assertThat(page.truncated()).isTrue();
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Comments on: P</title>"
                + items + "</channel></rss>";
    }
}
