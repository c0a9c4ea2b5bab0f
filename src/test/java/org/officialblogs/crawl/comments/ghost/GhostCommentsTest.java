package org.officialblogs.crawl.comments.ghost;

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
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.PostReplyFacts;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.FixtureServer;

class GhostCommentsTest {
    private static final String DIR = "/comments/services/ghost/";
    private static final String POST = "665f1a2b3c4d5e6f7a8b9c0d";
    private static final String COMMENTS = "/members/api/comments/post/" + POST + "/";
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveComments() {
        server.json(COMMENTS, "page=1", DIR + "comments-page1.json")
                .json(COMMENTS, "page=2", DIR + "comments-page2.json")
                .json("/members/api/comments/6660a0010000000000000001/replies/", "page=1",
                        DIR + "replies-6660a0010000000000000001.json");
    }

    private GhostComments withKey() {
        return new GhostComments(server.url("/"), POST, server.url("/ghost/api/content/"), "22444f78447824223cefc48062",
                2);
    }

    @Test
    void readsEveryPageAndMissingRepliesAndTheStaffRecordNamesTheOfficial() {
        serveComments();
        server.json("/ghost/api/content/posts/" + POST + "/", "key=", DIR + "content-post-authors.json");

        ApiReading reading = server.run(withKey(), 10);

        assertThat(server.requests()).containsExactly(COMMENTS + "?limit=2&page=1",
                "/members/api/comments/6660a0010000000000000001/replies/?limit=2&page=1",
                "/ghost/api/content/posts/" + POST + "/?key=22444f78447824223cefc48062&include=authors",
                COMMENTS + "?limit=2&page=2");
        CommentPage page = reading.toPage();
        assertThat(page.readable()).isTrue();
        assertThat(page.truncated()).isFalse();
        assertThat(reading.postAuthors()).extracting(PostAuthor::name).containsExactly("Jane Doe", "Editorial Team");
        assertThat(page.comments()).extracting(c -> c.id().substring(22), c -> c.parentId() == null ? null
                : c.parentId().substring(22)).containsExactly(
                tuple("01", null), tuple("02", "01"), tuple("03", "02"), tuple("04", "01"), tuple("06", null),
                tuple("05", "04"), tuple("07", null), tuple("08", null), tuple("09", "08"));
        assertThat(page.comments().stream().filter(c -> c.has(PlatformFlag.CONTENT_REMOVED))
                .map(c -> c.id().substring(22))).containsExactly("06", "08");

        List<Comment> decided = new ReplyDetector().decide(page.comments(), reading.postAuthor(), List.of());
        assertThat(decided).extracting(c -> c.id().substring(22), Comment::decidedBy).containsExactly(
                tuple("01", AuthorshipSignal.NO_MATCH), tuple("02", AuthorshipSignal.POST_AUTHOR_NAME),
                tuple("03", AuthorshipSignal.NO_MATCH),
                // a co-author on the staff record is not the official
                tuple("04", AuthorshipSignal.NO_MATCH),
                tuple("06", AuthorshipSignal.NO_MATCH), tuple("05", AuthorshipSignal.POST_AUTHOR_NAME),
                tuple("07", AuthorshipSignal.NO_MATCH), tuple("08", AuthorshipSignal.NO_MATCH),
                tuple("09", AuthorshipSignal.POST_AUTHOR_NAME));

        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2024-06-01T08:00:00Z"), Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"),
                        ZoneOffset.UTC));
        assertThat(facts.readerComments()).isEqualTo(4);
        assertThat(facts.officialComments()).isEqualTo(3);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(2);
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void withoutTheContentKeyTheFeedsAuthorNameDecides() {
        serveComments();
        ApiReading reading = server.run(new GhostComments(server.url("/"), POST, null, null, 2), 10);

        assertThat(server.requests()).hasSize(3).noneMatch(r -> r.startsWith("/ghost/api/content/"));
        assertThat(reading.postAuthors()).isEmpty();
        List<Comment> decided = new ReplyDetector().decide(reading.toPage().comments(), PostAuthor.named("Jane Doe"),
                List.of());
        assertThat(decided.stream().filter(Comment::isOfficial)).hasSize(3)
                .allMatch(c -> c.decidedBy() == AuthorshipSignal.POST_AUTHOR_NAME);
    }

    @Test
    void anOlderGhostWithoutThePostRouteIsAskedByFilter() {
        server.answer(COMMENTS, "", 404, "application/json", FixtureServer.bytes(DIR + "error-not-found.json"))
                .json("/members/api/comments/", "filter=post_id%3A%27" + POST + "%27", DIR + "comments-page2.json");

        ApiReading reading = server.run(new GhostComments(server.url("/"), POST, null, null, 100), 10);

        assertThat(server.requests()).containsExactly(COMMENTS + "?limit=100&page=1",
                "/members/api/comments/?filter=post_id%3A%27" + POST + "%27&limit=100&page=1");
        assertThat(reading.toPage().comments()).hasSize(3);
    }

    @Test
    void aMissingStaffRecordLeavesTheCommentsReadable() {
        serveComments();
        server.answer("/ghost/api/content/posts/" + POST + "/", "", 401, "application/json", "{}");

        ApiReading reading = server.run(withKey(), 10);

        assertThat(reading.toPage().readable()).isTrue();
        assertThat(reading.notes()).singleElement().asString().startsWith("post authors unknown: ");
    }

    @Test
    void errorAnswersAreClearFailures() {
        assertThat(failure(403, "application/json")).isEqualTo(ReadFailureKind.FORBIDDEN);
        assertThat(failure(429, "application/json")).isEqualTo(ReadFailureKind.RATE_LIMITED);
    }

    @Test
    void htmlWhereTheApiShouldBeAndAPostWithoutItsIdAreFailuresToo() {
        server.answer(COMMENTS, "", 200, "text/html", "<!DOCTYPE html><html><body>404</body></html>");
        assertThat(server.run(new GhostComments(server.url("/"), POST, null, null, 100), 5).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.NOT_JSON);

        GhostSite site = new GhostSite(server.url("/"), null, null, "all", "script data-ghost-comments");
        assertThat(site.forPost(PostRef.of(URI.create("https://jane-doe.ghost.io/school-crossings/")))).isEmpty();
        assertThat(site.forPost(PostRef.of(URI.create("https://x/")).withPlatformPostId(POST))).isPresent();
    }

    private ReadFailureKind failure(int status, String contentType) {
        try (FixtureServer s = new FixtureServer()) {
            s.answer(COMMENTS, "", status, contentType, "{\"errors\":[{\"message\":\"no\"}]}");
            return s.run(new GhostComments(s.url("/"), POST, null, null, 100), 5).toPage().failure().kind();
        }
    }
}
