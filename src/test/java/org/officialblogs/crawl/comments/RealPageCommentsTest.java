package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.officialblogs.crawl.comments.Fixtures.byId;
import static org.officialblogs.crawl.comments.Fixtures.bytes;
import static org.officialblogs.crawl.comments.Fixtures.clockAt;
import static org.officialblogs.crawl.comments.Fixtures.ids;
import static org.officialblogs.crawl.comments.Fixtures.officialIds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.metrics.CommentsState;

/**
 * Real post pages saved by real blogs (src/test/resources/feeds, see MANIFEST.tsv). Each expected count was
 * established by reading the file; the comment above each test says how.
 */
class RealPageCommentsTest {
    private final HtmlCommentParser parser = new HtmlCommentParser(HtmlCommentOptions.DEFAULTS);
    private final ReplyDetector detector = new ReplyDetector();

    private CommentPage read(String file) {
        CommentPage page = parser.parse(bytes("/feeds/" + file), null, "https://example.org/post/");
        assertThat(page.readable()).as("read %s", file).isTrue();
        return page;
    }

    /*
     * grep -c '<li id="comment-[0-9]*"' = 5 comments; grep -o bypostauthor | wc -l = 2, both on the class of
     * li#comment-422230 and li#comment-422257, nested in ol.children under 422154 and 422240.
     */
    @Test
    void lemireWordPressPageHasFiveCommentsAndTwoRepliesByThePostAuthor() {
        CommentPage page = read("wordpress-lemire-post-comments.html");

        assertThat(page.source()).isEqualTo(CommentSourceKind.HTML_WORDPRESS);
        assertThat(ids(page.comments())).containsExactly("421882", "422154", "422230", "422240", "422257");
        assertThat(byId(page.comments(), "422230").parentId()).isEqualTo("422154");
        assertThat(byId(page.comments(), "422257").parentId()).isEqualTo("422240");
        assertThat(byId(page.comments(), "421882").published()).isEqualTo(Instant.parse("2019-08-03T04:11:57Z"));
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);
        assertThat(page.pageAuthor().name()).isEqualTo("Daniel Lemire");

        List<Comment> decided = detector.decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(officialIds(decided)).containsExactly("422230", "422257");
        assertThat(byId(decided, "422230").decidedBy()).isEqualTo(AuthorshipSignal.WORDPRESS_POST_AUTHOR_FLAG);

        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2019-08-02T15:57:41Z"), clockAt("2019-10-01T00:00:00Z"));
        assertThat(facts.readerComments()).isEqualTo(3);
        assertThat(facts.officialComments()).isEqualTo(2);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(2);
        // 422230 at 13:46:09 answers 422154 at 02:51:17 the same day.
        assertThat(facts.firstReplyAt()).isEqualTo(Instant.parse("2019-08-05T13:46:09Z"));
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.parse("PT10H54M52S"));
        assertThat(facts.tooYoungToJudge()).isFalse();
    }

    /*
     * grep -o 'id="li-comment-[0-9]*"' | wc -l = 40 comments; grep -c 'class="pingback' = 5 pingbacks (45 comment
     * ids in all); grep -o bypostauthor | wc -l = 11; grep -o 'class="comment byuser[^"]*"' | grep -vc
     * bypostauthor = 6 comments from other registered accounts (tobiasraff once, asi8h five times).
     * The 11 official replies answer these reader comments (parent ids read from the nesting): 156, 173, 169,
     * 176, 182, 189 (twice), 187 = 7 answered; 193, 181 and 185 answer the official's own comments.
     */
    @Test
    void gormulusWordPressComPageSeparatesPostAuthorOtherAccountsAndPingbacks() {
        CommentPage page = read("wordpresscom-gormulus-post-comments.html");

        assertThat(page.comments()).hasSize(40);
        assertThat(page.pingbacksIgnored()).isEqualTo(5);
        assertThat(page.comments()).filteredOn(c -> c.has(PlatformFlag.BY_POST_AUTHOR)).hasSize(11);
        assertThat(page.pageAuthor().name()).isEqualTo("Mathias");

        List<Comment> decided = detector.decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(decided).filteredOn(Comment::isOfficial).hasSize(11)
                .allMatch(c -> c.decidedBy() == AuthorshipSignal.WORDPRESS_POST_AUTHOR_FLAG);
        assertThat(decided).filteredOn(c -> c.decidedBy() == AuthorshipSignal.OTHER_ACCOUNT)
                .extracting(Comment::id).containsExactly("160", "173", "189", "196", "199", "200");

        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2012-12-11T10:00:53Z"), clockAt("2013-03-01T00:00:00Z"));
        assertThat(facts.readerComments()).isEqualTo(29);
        assertThat(facts.officialComments()).isEqualTo(11);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(7);
        // 157 (13:19:41+01:00) answers 156 (12:57:50+01:00) on 11 December 2012.
        assertThat(facts.firstReplyAt()).isEqualTo(Instant.parse("2012-12-11T12:19:41Z"));
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.parse("PT21M51S"));
    }

    /*
     * grep -c '<li id="comment-[0-9]*"' = 2; grep -o bypostauthor | wc -l = 1 (li#comment-17305, nested under
     * 17303). The theme prints times only as text: "March 11th, 2015 at 02:57" and "... at 08:00".
     */
    @Test
    void mozillaHacksPageHasOneReaderCommentAnsweredByThePostAuthor() {
        CommentPage page = read("wordpress-mozillahacks-post-comments.html");

        assertThat(ids(page.comments())).containsExactly("17303", "17305");
        assertThat(byId(page.comments(), "17305").parentId()).isEqualTo("17303");
        assertThat(page.pageAuthor().name()).isEqualTo("Nikhil Marathe");
        List<Comment> decided = detector.decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(officialIds(decided)).containsExactly("17305");

        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2015-03-10T15:05:41Z"), clockAt("2015-06-01T00:00:00Z"));
        assertThat(facts.replied()).isTrue();
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.parse("PT5H3M"));
    }

    @Test
    void textTimesAreReadInTheSiteZone() {
        HtmlCommentParser pacific = new HtmlCommentParser(new HtmlCommentOptions(5_000,
                ZoneId.of("America/Los_Angeles")));
        CommentPage page = pacific.parse(bytes("/feeds/wordpress-mozillahacks-post-comments.html"), null, null);

        // 02:57 Pacific Daylight Time (UTC-7 from 8 March 2015) is 09:57 UTC.
        assertThat(byId(page.comments(), "17303").published()).isEqualTo(Instant.parse("2015-03-11T09:57:00Z"));
    }

    /*
     * grep -o '<div id="comment-[0-9]*" data-comment-id="[0-9]*">' | wc -l = 13 (the 14th Epoch entry is its
     * escaped {{comment_ID}} template); grep -c bypostauthor = 0; the byline names Sarah Gooding and
     * grep -c 'epoch-author-link">Sarah' = 0: no official reply. Exactly one comment is signed plainly
     * "Sallie Goetsch" (grep -o 'epoch-author-link">Sallie Goetsch<' | wc -l = 1); two more add a suffix.
     */
    @Test
    void epochPluginPageHasThirteenCommentsAndNoOfficialReply() {
        CommentPage page = read("wordpress-wptavern-epoch-comments.html");

        assertThat(page.comments()).hasSize(13);
        assertThat(page.pageAuthor().name()).isEqualTo("Sarah Gooding");
        assertThat(byId(page.comments(), "215219").authorName()).isEqualTo("Ammon");
        assertThat(byId(page.comments(), "215190").parentId()).isEqualTo("215186");
        assertThat(byId(page.comments(), "215186").published()).isEqualTo(Instant.parse("2017-03-10T18:16:00Z"));

        assertThat(officialIds(detector.decide(page.comments(), page.pageAuthor(), List.of()))).isEmpty();
        // An alias matches whole names only: "Sallie Goetsch (rhymes with sketch)" is not "Sallie Goetsch".
        List<Comment> withAlias = detector.decide(page.comments(), page.pageAuthor(), List.of("sallie goetsch"));
        assertThat(officialIds(withAlias)).containsExactly("215180");
        assertThat(byId(withAlias, "215180").decidedBy()).isEqualTo(AuthorshipSignal.ALIAS);
    }

    /*
     * grep -o '<li class="comment" id="c[0-9]*"' | wc -l = 24 comments, all top-level; 'blog-author' appears once,
     * in the CSS only; the post's edit control carries pid-1508897084 and grep -o pid-1508897084 | wc -l = 1:
     * no comment comes from the post's account.
     */
    @Test
    void bloggerPageHasTwentyFourCommentsNoneByTheBlogAuthor() {
        CommentPage page = read("blogger-luxuryhaven-post-comments.html");

        assertThat(page.source()).isEqualTo(CommentSourceKind.HTML_BLOGGER);
        assertThat(page.comments()).hasSize(24).allMatch(c -> c.parentId() == null);
        assertThat(page.comments()).noneMatch(c -> c.has(PlatformFlag.BLOG_AUTHOR));
        assertThat(page.pageAuthor()).isEqualTo(new PostAuthor("Blackswan",
                "https://www.blogger.com/profile/04765892937555860461", "pid-1508897084"));
        Comment first = page.comments().get(0);
        assertThat(first.id()).isEqualTo("7704569152969066600");
        assertThat(first.published()).isEqualTo(Instant.ofEpochMilli(1559192764955L));
        assertThat(first.authorUserId()).isEqualTo("pid-906320520");
        assertThat(page.comments()).filteredOn(c -> "pid-1445543003".equals(c.authorUserId())).hasSize(2);
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);

        List<Comment> decided = detector.decide(page.comments(), page.pageAuthor(), List.of());
        assertThat(decided).noneMatch(Comment::isOfficial)
                .allMatch(c -> c.decidedBy() == AuthorshipSignal.OTHER_ACCOUNT);
    }

    /*
     * grep -o '<a id="comment-[0-9]*"></a>' | wc -l = 10; grep -o comment-by-anonymous | wc -l = 10;
     * comment-by-node-author does not occur. Replies sit in div.indented after the comment they answer.
     */
    @Test
    void drupalSevenPageHasTenAnonymousCommentsWithThreading() {
        CommentPage page = read("drupal7-hpd-article-comments.html");

        assertThat(page.source()).isEqualTo(CommentSourceKind.HTML_DRUPAL);
        assertThat(page.comments()).hasSize(10).allMatch(c -> c.flags().isEmpty());
        assertThat(page.comments()).filteredOn(c -> c.parentId() != null)
                .extracting(Comment::id, Comment::parentId)
                .containsExactly(tuple("82811", "82784"),
                        tuple("82822", "82811"),
                        tuple("82837", "82822"),
                        tuple("82812", "82798"),
                        tuple("82825", "82812"));
        assertThat(byId(page.comments(), "82808").authorName()).isEqualTo("Dirk Schöllgen");
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);
        assertThat(officialIds(detector.decide(page.comments(), PostAuthor.named("Moritz Pieczewski-Freimuth"),
                List.of()))).isEmpty();
    }

    /* grep -ci comment on both files = 0: neither page prints comments or a comment form. */
    @Test
    void tumblrAndMediumPagesHaveNoCommentsAndAnUnknownState() {
        for (String file : List.of("tumblr-minecraft-post.html", "medium-openjournalism-post.html")) {
            CommentPage page = read(file);
            assertThat(page.comments()).as(file).isEmpty();
            assertThat(page.commentsState()).as(file).isEqualTo(CommentsState.UNKNOWN);
            assertThat(page.truncated()).isFalse();
        }
    }
}
