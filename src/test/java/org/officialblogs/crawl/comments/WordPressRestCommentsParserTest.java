package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.officialblogs.crawl.comments.Fixtures.byId;
import static org.officialblogs.crawl.comments.Fixtures.bytes;
import static org.officialblogs.crawl.comments.Fixtures.clockAt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.read.ReadFailureKind;

class WordPressRestCommentsParserTest {
    private final WordPressRestCommentsParser parser = new WordPressRestCommentsParser();

    @Test
    void readsIdsParentsUserIdsNamesAndUtcDates() {
        CommentPage page = parser.parse(bytes("/comments/wordpress-rest-comments.json"));

        assertThat(page.readable()).isTrue();
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId, Comment::authorUserId,
                Comment::authorName).containsExactly(
                tuple("4471", "4468", "3", "Councillor Jane Doe"), tuple("4470", null, "7", "Jane Doe"),
                tuple("4469", null, null, "Kevin"), tuple("4468", null, null, "Maria López"));
        // date_gmt has no zone: it is UTC (date, the site's local time, is two hours ahead here).
        assertThat(byId(page.comments(), "4471").published()).isEqualTo(Instant.parse("2024-06-03T07:30:00Z"));
        assertThat(byId(page.comments(), "4470").flags()).containsExactly(PlatformFlag.BY_REGISTERED_USER);
        assertThat(byId(page.comments(), "4469").flags()).isEmpty();
    }

    @Test
    void theRestAuthorIdDecidesBeforeTheName() {
        CommentPage page = parser.parse(bytes("/comments/wordpress-rest-comments.json"));
        PostAuthor author = new PostAuthor("Jane Doe", null, "3");

        List<Comment> decided = new ReplyDetector().decide(page.comments(), author, List.of());

        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("4471", AuthorshipSignal.ACCOUNT_ID_MATCH),
                // Named like the official, but written from user 7's account.
                tuple("4470", AuthorshipSignal.OTHER_ACCOUNT),
                tuple("4469", AuthorshipSignal.NO_MATCH), tuple("4468", AuthorshipSignal.NO_MATCH));
        PostReplyFacts facts = PostReplyFacts.compute(decided, page.commentsState(),
                Instant.parse("2024-06-01T08:00:00Z"), clockAt("2024-07-01T00:00:00Z"));
        assertThat(facts.readerComments()).isEqualTo(3);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(1);
        // 4468 at 2024-06-01 17:45 UTC, answered at 2024-06-03 07:30 UTC.
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.parse("PT37H45M"));
    }

    @Test
    void pingbacksAreCountedNotKept() {
        String json = "[{\"id\":2,\"parent\":0,\"author\":0,\"author_name\":\"Other blog\","
                + "\"date_gmt\":\"2024-01-02T00:00:00\",\"type\":\"pingback\"},"
                + "{\"id\":1,\"parent\":0,\"author\":0,\"author_name\":\"Ann\",\"date_gmt\":\"2024-01-01T00:00:00\"}]";

        CommentPage page = parser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(page.comments()).extracting(Comment::id).containsExactly("1");
        assertThat(page.pingbacksIgnored()).isEqualTo(1);
    }

    @Test
    void errorsAndJunkAreFailureValues() {
        String error = "{\"code\":\"rest_post_invalid_id\",\"message\":\"Invalid post ID.\",\"data\":{\"status\":404}}";
        CommentPage restError = parser.parse(error.getBytes(StandardCharsets.UTF_8));
        assertThat(restError.failure().kind()).isEqualTo(ReadFailureKind.UNEXPECTED_FORMAT);
        assertThat(restError.failure().message()).contains("rest_post_invalid_id");

        assertThat(parser.parse("<html>".getBytes(StandardCharsets.UTF_8)).failure().kind())
                .isEqualTo(ReadFailureKind.MALFORMED);
        assertThat(parser.parse("  ".getBytes(StandardCharsets.UTF_8)).failure().kind())
                .isEqualTo(ReadFailureKind.EMPTY);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(parser.parse(deep.getBytes(StandardCharsets.UTF_8)).failure().kind())
                .isEqualTo(ReadFailureKind.MALFORMED);
    }
}
