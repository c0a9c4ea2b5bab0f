package org.officialblogs.crawl.comments.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.FixtureServer;

class UtterancesCommentsTest {
    private static final String DIR = "/comments/services/utterances/";
    private static final PostRef POST = PostRef.of(URI.create("https://janedoe.example.org/2024/06/school-crossings/"));
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private UtterancesSite site(String term, Integer number) {
        return new UtterancesSite(server.url("/"), "janedoe/blog-comments", term, number, "script utteranc.es");
    }

    @Test
    void findsTheIssueByTermThenReadsEveryFullPageAndTheOwnerIsTheOfficial() {
        server.json("/search/issues", "", DIR + "search.json")
                .json("/repos/janedoe/blog-comments/issues/2/comments", "&page=1", DIR + "comments-page1.json")
                .json("/repos/janedoe/blog-comments/issues/2/comments", "&page=2", DIR + "comments-page2.json");

        ApiReading reading = server.run(site("pathname", null).forPost(POST).orElseThrow(), 10);

        assertThat(server.requests()).containsExactly(
                "/search/issues?q=%222024%2F06%2Fschool-crossings%2F%22%20type%3Aissue%20in%3Atitle"
                        + "%20repo%3Ajanedoe%2Fblog-comments&sort=created&order=asc",
                "/repos/janedoe/blog-comments/issues/2/comments?per_page=100&page=1",
                "/repos/janedoe/blog-comments/issues/2/comments?per_page=100&page=2");
        List<Comment> comments = reading.toPage().comments();
        assertThat(comments).hasSize(101).allMatch(c -> c.parentId() == null);
        // the exactly titled issue (#2, locked), not the first one whose title merely contains the term
        assertThat(reading.commentsState()).isEqualTo(CommentsState.CLOSED);

        List<Comment> decided = new ReplyDetector().decide(comments, PostAuthor.named("Jane Doe"), List.of());
        assertThat(decided.stream().filter(Comment::isOfficial).map(Comment::id)).containsExactly("900002");
        assertThat(decided.get(1).decidedBy()).isEqualTo(AuthorshipSignal.REPOSITORY_OWNER);
        // an organisation member (the press office): kept apart
        assertThat(decided.get(2).authorName()).isEqualTo("northfield-press");
        assertThat(decided.get(2).decidedBy()).isEqualTo(AuthorshipSignal.NO_MATCH);
    }

    @Test
    void aServerThatIgnoresThePageParameterDoesNotLoopOrRepeat() {
        server.json("/search/issues", "", DIR + "search.json")
                .json("/repos/janedoe/blog-comments/issues/2/comments", "", DIR + "comments-page1.json");

        ApiReading reading = server.run(site("pathname", null).forPost(POST).orElseThrow(), 10);

        assertThat(reading.requestsMade()).isEqualTo(3);
        assertThat(reading.toPage().comments()).hasSize(100);
        assertThat(reading.truncated()).isTrue();
    }

    @Test
    void anIssueNumberSkipsTheSearchAndNoIssueYetIsNoComments() {
        server.json("/repos/janedoe/blog-comments/issues/7/comments", "page=1", DIR + "comments-page2.json")
                .json("/search/issues", "", DIR + "search-none.json");

        ApiReading numbered = server.run(site(null, 7).forPost(POST).orElseThrow(), 5);
        assertThat(numbered.toPage().comments()).hasSize(1);
        assertThat(numbered.requestsMade()).isEqualTo(1);

        ApiReading none = server.run(site("og:title", null).forPost(POST.withTitle("School crossings")).orElseThrow(),
                5);
        assertThat(none.toPage().readable()).isTrue();
        assertThat(none.toPage().comments()).isEmpty();
        assertThat(none.notes()).containsExactly("no issue yet for \"School crossings\"");
    }

    @Test
    void githubsRefusalsAreFailures() {
        server.answer("/search/issues", "", 403, "application/json",
                "{\"message\":\"API rate limit exceeded for 127.0.0.1.\"}");

        ApiReading refused = server.run(site("pathname", null).forPost(POST).orElseThrow(), 5);

        assertThat(refused.toPage().failure().kind()).isEqualTo(ReadFailureKind.FORBIDDEN);
    }
}
