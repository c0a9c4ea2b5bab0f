package org.officialblogs.crawl.comments.remark42;

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

class Remark42CommentsTest {
    private static final String DIR = "/comments/services/remark42/";
    private static final String FIND = "/api/v1/find";
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsPageAfterPageByTheLastCommentAndNamesDecide() {
        server.json(FIND, "offset_id=6c1e7d5e-0002", DIR + "find-page2.json")
                .json(FIND, "site=janedoe", DIR + "find-page1.json");
        PostRef post = PostRef.of(URI.create("https://janedoe.example.org/2024/06/school-crossings/?utm_source=x#c"));

        ApiReading reading = server.run(new Remark42Site(server.url("/"), "janedoe", "remark_config")
                .forPost(post).orElseThrow(), 10);

        assertThat(server.requests()).containsExactly(
                FIND + "?site=janedoe&url=https%3A%2F%2Fjanedoe.example.org%2F2024%2F06%2Fschool-crossings%2F"
                        + "&sort=%2Btime&format=plain&limit=100",
                FIND + "?site=janedoe&url=https%3A%2F%2Fjanedoe.example.org%2F2024%2F06%2Fschool-crossings%2F"
                        + "&sort=%2Btime&format=plain&limit=100&offset_id=6c1e7d5e-0002-4b8a-9a0b-000000000002");
        List<Comment> comments = reading.toPage().comments();
        assertThat(comments).extracting(c -> c.id().substring(9, 13), c -> c.parentId() == null ? null
                : c.parentId().substring(9, 13), Comment::authorName).containsExactly(
                tuple("0001", null, "Maria López"), tuple("0002", "0001", "Jane Doe"),
                tuple("0003", "0001", "Press Office"), tuple("0004", null, null), tuple("0005", null, "Kevin"));
        assertThat(comments.get(3).has(PlatformFlag.CONTENT_REMOVED)).isTrue();
        // signed-in accounts are kept as references; anonymous and deleted users are not accounts
        assertThat(comments).extracting(Comment::authorUserId).containsExactly(
                "github_5f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f90", "github_0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
                "google_9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", null, null);
        assertThat(reading.commentsState()).isEqualTo(CommentsState.CLOSED);

        List<Comment> decided = new ReplyDetector().decide(comments, PostAuthor.named("Jane Doe"), List.of());
        assertThat(decided).extracting(Comment::decidedBy).containsExactly(AuthorshipSignal.NO_MATCH,
                AuthorshipSignal.POST_AUTHOR_NAME,
                // an admin account that is the press office, not the official: kept apart
                AuthorshipSignal.NO_MATCH, AuthorshipSignal.NO_MATCH, AuthorshipSignal.NO_MATCH);
    }

    @Test
    void aPageConfiguredUrlAndErrorAnswers() {
        server.json(FIND, "url=https%3A%2F%2Fold.example%2Fpost-1", DIR + "find-page2.json")
                .answer(FIND, "site=locked", 401, "application/json", "{\"code\":0,\"error\":\"unauthorized\"}")
                .answer(FIND, "site=walled", 200, "text/html", "<html>login</html>");
        PostRef post = PostRef.of(URI.create("https://janedoe.example.org/post-1/"))
                .withThreadId("https://old.example/post-1");

        assertThat(server.run(new Remark42Site(server.url("/"), null, "x").forPost(post).orElseThrow(), 5)
                .toPage().comments()).hasSize(3);
        assertThat(server.run(new Remark42Comments(server.url("/"), "locked", "u", 100), 5).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.UNAUTHORIZED);
        assertThat(server.run(new Remark42Comments(server.url("/"), "walled", "u", 100), 5).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.NOT_JSON);
        assertThat(new Remark42Site(server.url("/"), null, "x").siteId()).isEqualTo("remark");
    }
}
