package org.officialblogs.crawl.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.officialblogs.crawl.comments.Fixtures.bytes;
import static org.officialblogs.crawl.comments.Fixtures.clockAt;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.officialblogs.metrics.CommentsState;

class PostReplyFactsTest {
    private static final Instant POSTED = Instant.parse("2024-03-01T09:00:00Z");

    private static Comment reader(String id, String parent, String at) {
        return Comment.undecided(CommentSourceKind.HTML_WORDPRESS, id, parent, at == null ? null : Instant.parse(at),
                "Reader " + id, null, null, Set.of()).withDecision(AuthorshipSignal.NO_MATCH);
    }

    private static Comment official(String id, String parent, String at) {
        return Comment.undecided(CommentSourceKind.HTML_WORDPRESS, id, parent, at == null ? null : Instant.parse(at),
                "Mayor", null, null, EnumSet.of(PlatformFlag.BY_POST_AUTHOR))
                .withDecision(AuthorshipSignal.WORDPRESS_POST_AUTHOR_FLAG);
    }

    /*
     * The RSS fixture, by hand: readers 501 (Mar 1 10:15), 502, 504 (Mar 2 08:00), 505, 507 (Mar 3 07:20), 508,
     * 510 = 7; the official's 503 -> 501 (Mar 1 14:15), 506 -> 504, 509 -> 507 = 3 replies answering 3 readers.
     * First reply 503, 4 h after 501.
     */
    @Test
    void threadedFeedFactsMatchTheHandCount() {
        CommentPage page = new CommentFeedParser().parse(bytes("/comments/wordpress-comment-feed.rss.xml"),
                CommentSourceKind.WORDPRESS_RSS_FEED);
        List<Comment> decided = new ReplyDetector().decide(page.comments(), PostAuthor.named("Ana Núñez"),
                List.of());

        PostReplyFacts facts = PostReplyFacts.compute(decided, CommentsState.OPEN, POSTED,
                clockAt("2024-03-20T00:00:00Z"));

        assertThat(facts).isEqualTo(new PostReplyFacts(7, 3, Instant.parse("2024-03-01T10:15:00Z"),
                Instant.parse("2024-03-01T14:15:00Z"), Duration.ofHours(4), true, 3, true, CommentsState.OPEN,
                false));
    }

    @Test
    void aPostYoungerThanTheMinimumAgeIsTooYoungToJudge() {
        List<Comment> comments = List.of(reader("1", null, "2024-03-01T10:00:00Z"));

        assertThat(PostReplyFacts.compute(comments, CommentsState.OPEN, POSTED, clockAt("2024-03-14T23:59:59Z"))
                .tooYoungToJudge()).isTrue();
        assertThat(PostReplyFacts.compute(comments, CommentsState.OPEN, POSTED, clockAt("2024-03-15T09:00:00Z"))
                .tooYoungToJudge()).isFalse();
        assertThat(PostReplyFacts.compute(comments, CommentsState.OPEN, POSTED, clockAt("2024-03-09T09:00:00Z"),
                Duration.ofDays(7)).tooYoungToJudge()).isFalse();
    }

    /*
     * Flat: readers at 10:00, 11:00, 13:00 and one without a time; the official at 12:30 and once without a time.
     * 10:00 and 11:00 precede an official comment (answered: 2); 13:00 does not; the untimed one cannot be placed.
     * First reply 12:30, measured from the first reader comment at 10:00: 2 h 30 min.
     */
    @Test
    void flatCommentsAreAnsweredByAnyLaterOfficialComment() {
        List<Comment> comments = List.of(
                reader("1", null, "2024-03-02T10:00:00Z"), reader("2", null, "2024-03-02T11:00:00Z"),
                official("3", null, "2024-03-02T12:30:00Z"), reader("4", null, "2024-03-02T13:00:00Z"),
                reader("5", null, null), official("6", null, null));

        PostReplyFacts facts = PostReplyFacts.compute(comments, CommentsState.UNKNOWN, POSTED,
                clockAt("2024-06-01T00:00:00Z"));

        assertThat(facts.threaded()).isFalse();
        assertThat(facts.readerComments()).isEqualTo(4);
        assertThat(facts.officialComments()).isEqualTo(2);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(2);
        assertThat(facts.firstReplyAt()).isEqualTo(Instant.parse("2024-03-02T12:30:00Z"));
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.ofMinutes(150));
        assertThat(facts.replied()).isTrue();
    }

    @Test
    void onAThreadedPostATopLevelOfficialCommentAnswersNobody() {
        List<Comment> comments = List.of(
                reader("1", null, "2024-03-02T10:00:00Z"), reader("2", "1", "2024-03-02T11:00:00Z"),
                official("3", null, "2024-03-03T09:00:00Z"));

        PostReplyFacts facts = PostReplyFacts.compute(comments, CommentsState.OPEN, POSTED,
                clockAt("2024-06-01T00:00:00Z"));

        assertThat(facts.threaded()).isTrue();
        assertThat(facts.officialComments()).isEqualTo(1);
        assertThat(facts.readerCommentsAnswered()).isZero();
        assertThat(facts.replied()).isFalse();
        assertThat(facts.firstReplyAt()).isNull();
        assertThat(facts.firstReplyDelay()).isNull();
    }

    /*
     * Threaded: the first official comment in time (09:00) answers its own earlier comment; the first reply to a
     * reader is at 18:20, to the reader comment of 17:05 (not the post's first, 08:00): delay 1 h 15 min.
     * A reply to a removed comment answers nobody, and the removed comment is no reader comment.
     */
    @Test
    void theFirstReplyDelayIsMeasuredFromTheCommentItAnswers() {
        Comment removed = Comment.undecided(CommentSourceKind.BLOGGER_FEED, "9", null,
                Instant.parse("2024-03-02T07:00:00Z"), "Anonymous", null, null,
                EnumSet.of(PlatformFlag.CONTENT_REMOVED)).withDecision(AuthorshipSignal.NO_MATCH);
        List<Comment> comments = List.of(removed, official("10", "9", "2024-03-02T07:30:00Z"),
                reader("1", null, "2024-03-02T08:00:00Z"), official("2", null, "2024-03-02T08:30:00Z"),
                official("3", "2", "2024-03-02T09:00:00Z"), reader("4", null, "2024-03-02T17:05:00Z"),
                official("5", "4", "2024-03-02T18:20:00Z"));

        PostReplyFacts facts = PostReplyFacts.compute(comments, CommentsState.OPEN, POSTED,
                clockAt("2024-06-01T00:00:00Z"));

        assertThat(facts.readerComments()).isEqualTo(2);
        assertThat(facts.officialComments()).isEqualTo(4);
        assertThat(facts.readerCommentsAnswered()).isEqualTo(1);
        assertThat(facts.firstReaderCommentAt()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
        assertThat(facts.firstReplyAt()).isEqualTo(Instant.parse("2024-03-02T18:20:00Z"));
        assertThat(facts.firstReplyDelay()).isEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void aPostWithoutCommentsHasEmptyFacts() {
        PostReplyFacts facts = PostReplyFacts.compute(List.of(), CommentsState.CLOSED, POSTED,
                clockAt("2024-06-01T00:00:00Z"));

        assertThat(facts).isEqualTo(new PostReplyFacts(0, 0, null, null, null, false, 0, false,
                CommentsState.CLOSED, false));
    }

    @Test
    void undecidedCommentsAreRefused() {
        Comment undecided = Comment.undecided(CommentSourceKind.HTML_WORDPRESS, "1", null, null, "A", null, null,
                Set.of());

        assertThatThrownBy(() -> PostReplyFacts.compute(List.of(undecided), CommentsState.OPEN, POSTED,
                clockAt("2024-06-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ReplyDetector");
    }
}
