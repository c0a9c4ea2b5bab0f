package org.officialblogs.crawl.comments.commento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PlatformFlag;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiAnswer;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.ApiReadings;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.FixtureServer;
import org.officialblogs.crawl.fetch.FailureKind;

/** Commento lists comments by POST, which the Fetcher does not send: these readings run on stated answers. */
class CommentoCommentsTest {
    private static final String DIR = "/comments/services/commento/";
    private final List<ApiRequest> asked = new ArrayList<>();

    private ApiReading read(ApiAnswer answer) {
        PostRef post = PostRef.of(URI.create("https://janedoe.example.org/2024/06/school-crossings/"));
        return ApiReadings.run(new CommentoSite(URI.create("https://commento.example.net"), "script commento.js")
                .forPost(post).orElseThrow(), r -> {
                    asked.add(r);
                    return answer;
                }, 5);
    }

    @Test
    void onePostListsTheWholeThreadAndNamesDecide() {
        ApiReading reading = read(ApiAnswer.json(FixtureServer.bytes(DIR + "list.json")));

        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.url()).hasToString("https://commento.example.net/api/comment/list");
            assertThat(r.jsonBody()).isEqualTo("{\"commenterToken\":\"anonymous\",\"domain\":\"janedoe.example.org\","
                    + "\"path\":\"/2024/06/school-crossings/\"}");
        });
        List<Comment> comments = reading.toPage().comments();
        assertThat(comments).extracting(c -> c.id().substring(62), c -> c.parentId() == null ? null
                : c.parentId().substring(62), Comment::authorName).containsExactly(
                tuple("01", null, "Maria López"), tuple("02", "01", "Jane Doe"), tuple("03", "01", "Press Office"),
                tuple("04", null, null), tuple("05", null, "Maria López"));
        assertThat(comments.get(4).has(PlatformFlag.CONTENT_REMOVED)).isTrue();
        assertThat(comments.get(3).authorUserId()).isNull();
        assertThat(reading.commentsState()).isEqualTo(CommentsState.OPEN);

        List<Comment> decided = new ReplyDetector().decide(comments, PostAuthor.named("Jane Doe"), List.of());
        assertThat(decided).extracting(Comment::decidedBy).containsExactly(AuthorshipSignal.NO_MATCH,
                AuthorshipSignal.POST_AUTHOR_NAME,
                // the press office is a moderator too, not the official: kept apart
                AuthorshipSignal.NO_MATCH, AuthorshipSignal.NO_MATCH, AuthorshipSignal.NO_MATCH);
    }

    @Test
    void refusalsAreClearFailures() {
        assertThat(read(ApiAnswer.json(FixtureServer.bytes(DIR + "refused.json"))).toPage().failure().message())
                .isEqualTo("Commento refused the list: This domain is not registered with Commento.");
        assertThat(read(ApiAnswer.failed(403, FailureKind.HTTP_4XX)).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.FORBIDDEN);
        assertThat(read(ApiAnswer.ok("<html></html>".getBytes(), "text/html")).toPage().failure().kind())
                .isEqualTo(ReadFailureKind.NOT_JSON);
        assertThat(read(new ApiAnswer(429, null, null, FailureKind.RATE_LIMITED, "wait", null)).toPage().failure()
                .kind()).isEqualTo(ReadFailureKind.RATE_LIMITED);
    }
}
