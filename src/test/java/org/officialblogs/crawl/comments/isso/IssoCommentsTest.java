package org.officialblogs.crawl.comments.isso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.FixtureServer;

class IssoCommentsTest {
    private static final String DIR = "/comments/services/isso/";
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiReading read(String threadId) {
        PostRef post = PostRef.of(URI.create("https://janedoe.example.org/2024/06/school-crossings/"))
                .withThreadId(threadId);
        return server.run(new IssoSite(server.url("/isso/"), "script data-isso").forPost(post).orElseThrow(), 10);
    }

    @Test
    void readsEveryTopLevelPageWithItsRepliesAndNamesDecide() {
        server.json("/isso/", "offset=0", DIR + "thread-page0.json")
                .json("/isso/", "offset=2", DIR + "thread-page2.json");

        ApiReading reading = read(null);

        assertThat(server.requests()).containsExactly(
                "/isso/?uri=%2F2024%2F06%2Fschool-crossings%2F&sort=oldest&limit=100&offset=0",
                "/isso/?uri=%2F2024%2F06%2Fschool-crossings%2F&sort=oldest&limit=100&offset=2");
        List<Comment> comments = reading.toPage().comments();
        assertThat(comments).extracting(Comment::id, Comment::parentId, Comment::authorName).containsExactly(
                tuple("11", null, "Maria López"), tuple("12", "11", "Jane Doe"), tuple("13", "11", "Press Office"),
                tuple("14", "11", null), tuple("15", null, null), tuple("16", "15", "Jane Doe"),
                tuple("17", null, "Kevin"));
        assertThat(comments.get(0).published()).isEqualTo(Instant.parse("2024-06-01T10:00:00.250Z"));
        assertThat(comments.get(4).has(PlatformFlag.CONTENT_REMOVED)).isTrue();
        // comment 18 awaits moderation (mode 2): not public, not read
        assertThat(comments).extracting(Comment::id).doesNotContain("18");

        List<Comment> decided = new ReplyDetector().decide(comments, PostAuthor.named("Jane Doe"), List.of());
        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("11", AuthorshipSignal.NO_MATCH), tuple("12", AuthorshipSignal.POST_AUTHOR_NAME),
                // staff write under their own name: kept apart
                tuple("13", AuthorshipSignal.NO_MATCH), tuple("14", AuthorshipSignal.NO_MATCH),
                tuple("15", AuthorshipSignal.NO_MATCH), tuple("16", AuthorshipSignal.POST_AUTHOR_NAME),
                tuple("17", AuthorshipSignal.NO_MATCH));
    }

    @Test
    void aThreadIdNamedByThePageReplacesThePath() {
        server.json("/isso/", "uri=school-crossings-2024", DIR + "thread-page2.json");

        assertThat(read("school-crossings-2024").toPage().comments()).hasSize(1);
    }

    @Test
    void anIssoWithoutOffsetAnsweringTheSamePageEndsTruncated() {
        server.json("/isso/", "", DIR + "thread-page0.json");

        ApiReading reading = read(null);

        assertThat(reading.requestsMade()).isEqualTo(2);
        assertThat(reading.truncated()).isTrue();
        assertThat(reading.toPage().comments()).hasSize(6);
    }

    @Test
    void anUnknownThreadIsNoCommentsYetAndOtherErrorsAreFailures() {
        server.answer("/isso/", "uri=%2Fnew%2F", 404, "text/plain", "Not Found")
                .answer("/isso/", "uri=%2Fprivate%2F", 403, "text/html", "<h1>403</h1>")
                .answer("/isso/", "uri=%2Fhtml%2F", 200, "text/html", "<!doctype html><p>blog</p>");

        ApiReading fresh = server.run(new IssoComments(server.url("/isso/"), "/new/", 100), 5);
        assertThat(fresh.toPage().readable()).isTrue();
        assertThat(fresh.toPage().comments()).isEmpty();
        assertThat(server.run(new IssoComments(server.url("/isso/"), "/private/", 100), 5).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.FORBIDDEN);
        assertThat(server.run(new IssoComments(server.url("/isso/"), "/html/", 100), 5).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.NOT_JSON);
    }
}
