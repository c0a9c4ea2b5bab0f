package org.officialblogs.crawl.comments.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.FixtureServer;

class GiscusCommentsTest {
    private static final String DIR = "/comments/services/giscus/";
    private static final String API = "/api/discussions";
    private static final PostRef POST = PostRef.of(URI.create("https://janedoe.example.org/2024/06/school-crossings.html"))
            .withTitle("School crossings: where the money goes");
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private GiscusSite site(String mapping, String term) {
        return new GiscusSite(server.url("/"), "janedoe/blog-comments", "Comments", mapping, term, false,
                "script giscus.app/client.js");
    }

    @Test
    void readsTheDiscussionPageByPageAndTheRepositoryOwnerIsTheOfficial() {
        server.json(API, "after=", DIR + "discussion-page2.json")
                .json(API, "term=2024%2F06%2Fschool-crossings&", DIR + "discussion-page1.json");

        ApiReading reading = server.run(site("pathname", null).forPost(POST).orElseThrow(), 10);

        assertThat(server.requests()).containsExactly(
                API + "?repo=janedoe%2Fblog-comments&term=2024%2F06%2Fschool-crossings&category=Comments"
                        + "&strict=false&first=100",
                API + "?repo=janedoe%2Fblog-comments&term=2024%2F06%2Fschool-crossings&category=Comments"
                        + "&strict=false&first=100&after=Y3Vyc29yOnYyOpK0MjAyNC0wNi0wMVQxNTowMDowMFo");
        List<Comment> comments = reading.toPage().comments();
        assertThat(comments).extracting(c -> c.id().substring(18), c -> c.parentId() == null ? null
                : c.parentId().substring(18)).containsExactly(tuple("01", null), tuple("02", "01"),
                tuple("03", "01"), tuple("04", "01"), tuple("05", null), tuple("06", "05"), tuple("07", null));
        // a minimized reply and a deleted comment: kept for their threads, counted on neither side
        assertThat(comments.stream().filter(c -> c.has(PlatformFlag.CONTENT_REMOVED)).map(c -> c.id().substring(18)))
                .containsExactly("04", "05");
        // the deleted comment has 102 replies; giscus serves the last 100 at most
        assertThat(reading.truncated()).isTrue();
        assertThat(reading.commentsState()).isEqualTo(CommentsState.CLOSED);

        List<Comment> decided = new ReplyDetector().decide(comments, PostAuthor.named("Jane Doe"), List.of());
        assertThat(decided).extracting(Comment::decidedBy).containsExactly(AuthorshipSignal.NO_MATCH,
                AuthorshipSignal.REPOSITORY_OWNER,
                // a collaborator (the press office's account): kept apart
                AuthorshipSignal.NO_MATCH, AuthorshipSignal.NO_MATCH, AuthorshipSignal.NO_MATCH,
                AuthorshipSignal.REPOSITORY_OWNER, AuthorshipSignal.NO_MATCH);
    }

    @Test
    void theMappingDecidesTheTerm() {
        assertThat(site("title", null).forPost(POST).orElseThrow().start().next().orElseThrow().url().getRawQuery())
                .contains("term=School%20crossings%3A%20where%20the%20money%20goes");
        assertThat(site("url", null).forPost(POST).orElseThrow().start().next().orElseThrow().url().getRawQuery())
                .contains("term=https%3A%2F%2Fjanedoe.example.org%2F2024%2F06%2Fschool-crossings.html");
        assertThat(site("number", "12").forPost(POST).orElseThrow().start().next().orElseThrow().url().getRawQuery())
                .contains("number=12").doesNotContain("term=");
        assertThat(site("title", null).forPost(PostRef.of(POST.url()))).isEmpty();
        assertThat(GitHubTerms.pathname(URI.create("https://janedoe.example.org/"))).isEqualTo("index");
    }

    @Test
    void noDiscussionYetIsNoCommentsAndTheServersRefusalsAreFailures() {
        server.answer(API, "term=new-post", 404, "application/json", FixtureServer.bytes(DIR + "no-discussion.json"))
                .answer(API, "term=busy", 429, "application/json", FixtureServer.bytes(DIR + "rate-limited.json"));

        ApiReading none = server.run(site("specific", "new-post").forPost(POST).orElseThrow(), 5);
        assertThat(none.toPage().readable()).isTrue();
        assertThat(none.toPage().comments()).isEmpty();
        assertThat(server.run(site("specific", "busy").forPost(POST).orElseThrow(), 5).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.RATE_LIMITED);
    }
}
