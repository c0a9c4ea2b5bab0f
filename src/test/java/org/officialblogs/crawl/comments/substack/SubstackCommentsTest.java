package org.officialblogs.crawl.comments.substack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.PostReplyFacts;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.RepliesMeasurable;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.FixtureServer;
import org.officialblogs.crawl.comments.api.JsonAnswer;

class SubstackCommentsTest {
    private static final String DIR = "/comments/services/substack/";
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private SubstackPublication publication() {
        return new SubstackPublication(server.url("/"), "generator Substack");
    }

    private ApiReading read(String slug) {
        PostRef post = PostRef.of(URI.create("https://janedoe.substack.com/p/" + slug));
        return server.run(publication().forPost(post).orElseThrow(), 10);
    }

    @Test
    void readsThePostThenItsWholeTreeAndTheBylineAccountIsTheOfficials() {
        server.json("/api/v1/posts/school-crossings", "", DIR + "post-school-crossings.json")
                .json("/api/v1/post/140001/comments", "", DIR + "comments-140001.json");

        ApiReading reading = read("school-crossings");

        assertThat(server.requests()).containsExactly("/api/v1/posts/school-crossings",
                "/api/v1/post/140001/comments?token=&all_comments=true&sort=oldest_first");
        CommentPage page = reading.toPage();
        assertThat(page.readable()).isTrue();
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);
        assertThat(page.pageAuthor()).isEqualTo(new PostAuthor("Jane Doe", "https://substack.com/@janedoe", "5551"));
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId).containsExactly(
                tuple("9001", null), tuple("9004", "9001"), tuple("9006", "9004"), tuple("9002", null),
                tuple("9003", null), tuple("9005", "9003"), tuple("9007", null), tuple("9008", "9007"),
                tuple("9009", null));
        // Kevin's comment counts three replies but the answer carries one; one comment is held back by automod.
        assertThat(page.truncated()).isTrue();
        assertThat(reading.hidden()).isEqualTo(1);

        List<Comment> decided = new ReplyDetector().decide(page.comments(), PostAuthor.named("Jane Doe"),
                List.of("Northfield Council Press Office"));
        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("9001", AuthorshipSignal.OTHER_ACCOUNT),
                tuple("9004", AuthorshipSignal.POST_BYLINE_ACCOUNT),
                tuple("9006", AuthorshipSignal.OTHER_ACCOUNT),
                // a reader whose account is named like the official: not the official
                tuple("9002", AuthorshipSignal.OTHER_ACCOUNT),
                // deleted: no account, no name
                tuple("9003", AuthorshipSignal.NO_MATCH),
                // the press office's staff account, even set up as an alias: kept apart
                tuple("9005", AuthorshipSignal.OTHER_ACCOUNT),
                tuple("9007", AuthorshipSignal.OTHER_ACCOUNT),
                tuple("9008", AuthorshipSignal.POST_BYLINE_ACCOUNT),
                tuple("9009", AuthorshipSignal.OTHER_ACCOUNT));
        assertThat(decided.stream().filter(c -> c.has(PlatformFlag.CONTENT_REMOVED)).map(Comment::id))
                .containsExactly("9003", "9009");

        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2024-06-01T08:00:00Z"), Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"),
                        ZoneOffset.UTC));
        assertThat(facts.threaded()).isTrue();
        assertThat(facts.readerComments()).isEqualTo(5);
        assertThat(facts.officialComments()).isEqualTo(2);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(2);
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void commentsOnlyPayingSubscribersCanReadAreSaidSo() {
        server.json("/api/v1/posts/budget-briefing", "", DIR + "post-paid.json")
                .answer("/api/v1/post/140002/comments", "", 403, "application/json", "{\"error\":\"Forbidden\"}");

        ApiReading refused = read("budget-briefing");

        assertThat(refused.toPage().failure().kind()).isEqualTo(ReadFailureKind.PAID_ONLY);
        assertThat(RepliesMeasurable.of(CommentService.SUBSTACK).after(refused.failure()).label())
                .isEqualTo("comments not readable (paid subscribers only)");
    }

    @Test
    void aPaidPostThatListsNoneOfItsCountedCommentsIsPaidOnlyNotEmpty() {
        server.json("/api/v1/posts/budget-briefing", "", DIR + "post-paid.json")
                .json("/api/v1/post/140002/comments", "", DIR + "comments-empty.json");

        ApiReading reading = read("budget-briefing");

        assertThat(reading.toPage().failure().kind()).isEqualTo(ReadFailureKind.PAID_ONLY);
        assertThat(reading.toPage().failure().message())
                .isEqualTo("Substack counts 12 comments on this post for paying subscribers but lists none");
    }

    @Test
    void aLongThreadIsReadBatchByBatchAfterTheLastTopLevelComment() {
        server.json("/api/v1/posts/open-thread", "", DIR + "post-long-thread.json")
                .json("/api/v1/post/140003/comments", "last_comment_at=", DIR + "comments-140003-next.json")
                .json("/api/v1/post/140003/comments", "", DIR + "comments-140003-first.json");

        ApiReading reading = read("open-thread");

        assertThat(server.requests()).containsExactly("/api/v1/posts/open-thread",
                "/api/v1/post/140003/comments?token=&all_comments=true&sort=oldest_first",
                "/api/v1/post/140003/comments?token=&all_comments=true&sort=oldest_first"
                        + "&last_comment_at=2024-06-15T09%3A30%3A00.000Z");
        assertThat(reading.toPage().comments()).extracting(Comment::id).containsExactly("9101", "9102", "9103");
        // write_comment_permissions "none": comments are closed.
        assertThat(reading.commentsState()).isEqualTo(CommentsState.CLOSED);
    }

    @Test
    void theArchiveGivesPostIdsAndBylinesSoEachPostNeedsOneRequest() {
        SubstackPublication publication = publication();
        assertThat(publication.archivePage(0, 12).url())
                .hasToString(server.url("/api/v1/archive?sort=new&search=&offset=0&limit=12").toString());

        List<SubstackPost> posts = SubstackPostParser.posts(JsonAnswer.parse(
                new String(FixtureServer.bytes(DIR + "archive-page.json"))));
        assertThat(posts).extracting(SubstackPost::id, SubstackPost::slug, SubstackPost::forPayingReaders)
                .containsExactly(tuple(140003L, "open-thread", false), tuple(140002L, "budget-briefing", true));
        assertThat(posts.get(1).bylineUserIds()).containsExactlyInAnyOrder("5551", "5560");

        server.json("/api/v1/post/140003/comments", "last_comment_at=", DIR + "comments-140003-next.json")
                .json("/api/v1/post/140003/comments", "", DIR + "comments-140003-first.json");
        ApiReading reading = server.run(publication.forPost(posts.get(0)), 10);
        assertThat(server.requests()).hasSize(2).allMatch(r -> r.startsWith("/api/v1/post/140003/comments"));
        assertThat(reading.toPage().comments()).hasSize(3);
        assertThat(reading.postAuthor().userId()).isEqualTo("5551");
    }

    @Test
    void errorAnswersAreClearFailures() {
        server.answer("/api/v1/posts/members", "", 401, "application/json", "{}")
                .answer("/api/v1/posts/walled", "", 200, "text/html", "<html><body>Sign in to Substack</body></html>")
                .json("/api/v1/posts/school-crossings", "", DIR + "post-school-crossings.json")
                .answer("/api/v1/post/140001/comments", "", 500, "text/plain", "oops");

        assertThat(read("members").toPage().failure().kind()).isEqualTo(ReadFailureKind.UNAUTHORIZED);
        assertThat(read("walled").toPage().failure().kind()).isEqualTo(ReadFailureKind.NOT_JSON);
        assertThat(read("gone").toPage().failure().kind()).isEqualTo(ReadFailureKind.NOT_FOUND);
        assertThat(read("school-crossings").toPage().failure().kind()).isEqualTo(ReadFailureKind.SERVER_ERROR);
        assertThat(publication().forPost(PostRef.of(URI.create("https://janedoe.substack.com/about")))).isEmpty();
    }
}
