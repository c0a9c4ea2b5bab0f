package org.officialblogs.crawl.comments.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.fetch.FailureKind;

class ApiReadingsTest {

    /** A service of numbered pages with one comment each; page N asks for page N + 1 until {@code pages}. */
    private record Paged(int pages) implements CommentApi {
        @Override
        public ApiReading start() {
            return ApiReading.start(CommentSourceKind.ISSO_API, page(1));
        }

        @Override
        public ApiReading read(ApiReading reading, ApiAnswer answer) {
            ApiRequest request = reading.next().orElseThrow();
            ApiReading next = reading.answered();
            JsonAnswer json = JsonAnswer.of(answer, "Paged");
            if (!json.readable()) {
                return next.failing(json.failure(), answer.retryAt());
            }
            int n = Integer.parseInt(request.key());
            next = next.withComments(List.of(Comment.undecided(CommentSourceKind.ISSO_API, "c" + n, null,
                    Instant.EPOCH, "Reader " + n, null, null, Set.of())));
            return n < pages ? next.asking(page(n + 1)) : next;
        }

        private static ApiRequest page(int n) {
            return ApiRequest.get("comments", Integer.toString(n), URI.create("https://comments.example.org/?p=" + n));
        }
    }

    private static ApiAnswer ok() {
        return ApiAnswer.json("{}".getBytes());
    }

    @Test
    void runsEveryRequestInOrderUntilNothingIsLeft() {
        List<String> asked = new ArrayList<>();
        ApiReading done = ApiReadings.run(new Paged(3), r -> {
            asked.add(r.url().toString());
            return ok();
        }, 10);

        assertThat(asked).containsExactly("https://comments.example.org/?p=1", "https://comments.example.org/?p=2",
                "https://comments.example.org/?p=3");
        assertThat(done.done()).isTrue();
        assertThat(done.requestsMade()).isEqualTo(3);
        assertThat(done.toPage().comments()).extracting(Comment::id).containsExactly("c1", "c2", "c3");
        assertThat(done.toPage().truncated()).isFalse();
    }

    @Test
    void aSpentBudgetKeepsWhatWasReadAndSaysSo() {
        ApiReading done = ApiReadings.run(new Paged(50), r -> ok(), 4);

        assertThat(done.toPage().comments()).hasSize(4);
        assertThat(done.truncated()).isTrue();
        assertThat(done.notes()).containsExactly("request budget of 4 spent with 1 requests left");
        assertThat(done.toPage().readable()).isTrue();
    }

    @Test
    void aFailureOnTheFirstPageMakesThePostUnreadableButALaterOneOnlyTruncates() {
        ApiReading first = ApiReadings.run(new Paged(3), r -> ApiAnswer.failed(403, FailureKind.HTTP_4XX), 10);
        assertThat(first.toPage().readable()).isFalse();
        assertThat(first.toPage().failure().kind()).isEqualTo(ReadFailureKind.FORBIDDEN);

        Instant pause = Instant.parse("2024-05-01T12:00:00Z");
        ApiReading later = ApiReadings.run(new Paged(3), r -> r.key().equals("2")
                ? new ApiAnswer(429, null, null, FailureKind.RATE_LIMITED, "wait", pause) : ok(), 10);
        assertThat(later.toPage().readable()).isTrue();
        assertThat(later.toPage().comments()).extracting(Comment::id).containsExactly("c1");
        assertThat(later.truncated()).isTrue();
        assertThat(later.retryAt()).isEqualTo(pause);
        assertThat(later.notes()).singleElement().asString().startsWith("stopped: RATE_LIMITED");
    }

    @Test
    void aPostIsTheOnlyRequestTheFetcherCannotMake() {
        ApiRequest post = ApiRequest.postJson("comments", null, URI.create("https://commento.example.org/api/x"),
                "{}");
        assertThatThrownBy(post::toFetchRequest).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET requests only");
        assertThat(ApiRequest.get("post", null, URI.create("https://a.example/x")).toFetchRequest().accept())
                .isEqualTo("application/json");
        assertThatThrownBy(() -> ApiRequest.get("x", null, URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
