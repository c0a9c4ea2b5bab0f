package org.officialblogs.crawl.comments.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.CommentsState;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.ReadFailureKind;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.api.FixtureServer;

class WordPressRestCommentsTest {
    private static final String DIR = "/comments/services/wordpress/";
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveThePost() {
        server.json("/wp-json/wp/v2/comments", "page=1&", DIR + "comments-918-page1.json")
                .json("/wp-json/wp/v2/comments", "page=2&", DIR + "comments-918-page2.json")
                .answer("/wp-json/wp/v2/comments", "page=3&", 400, "application/json",
                        FixtureServer.bytes(DIR + "rest-error-invalid-page.json"))
                .json("/wp-json/wp/v2/posts/918", "", DIR + "posts-918.json")
                .json("/wp-json/wp/v2/posts", "slug=school-crossings", DIR + "posts-by-slug-school-crossings.json");
    }

    @Test
    void readsEveryPageThenThePostAuthorAndTheAuthorsAccountDecides() {
        serveThePost();

        ApiReading reading = server.run(new WordPressRestComments(server.url("/wp-json/"), 918L, null, 3), 10);

        assertThat(server.requests()).containsExactly(
                "/wp-json/wp/v2/comments?post=918&per_page=3&page=1&orderby=id&order=asc"
                        + "&_fields=id%2Cparent%2Cauthor%2Cauthor_name%2Cdate_gmt%2Ctype",
                "/wp-json/wp/v2/comments?post=918&per_page=3&page=2&orderby=id&order=asc"
                        + "&_fields=id%2Cparent%2Cauthor%2Cauthor_name%2Cdate_gmt%2Ctype",
                "/wp-json/wp/v2/comments?post=918&per_page=3&page=3&orderby=id&order=asc"
                        + "&_fields=id%2Cparent%2Cauthor%2Cauthor_name%2Cdate_gmt%2Ctype",
                "/wp-json/wp/v2/posts/918?_fields=id%2Cauthor%2Ccomment_status");
        CommentPage page = reading.toPage();
        assertThat(page.readable()).isTrue();
        assertThat(page.truncated()).isFalse();
        assertThat(page.commentsState()).isEqualTo(CommentsState.OPEN);
        assertThat(reading.postAuthor()).isEqualTo(new PostAuthor(null, null, "3"));
        // The pingback on page 2 is left out; replies keep their parents.
        assertThat(page.comments()).extracting(Comment::id, Comment::parentId).containsExactly(
                tuple("4468", null), tuple("4469", null), tuple("4470", null), tuple("4471", "4468"),
                tuple("4472", "4469"));

        PostAuthor author = new PostAuthor("Jane Doe", null, reading.postAuthor().userId());
        List<Comment> decided = new ReplyDetector().decide(page.comments(), author, List.of("Press Office"));
        assertThat(decided).extracting(Comment::id, Comment::decidedBy).containsExactly(
                tuple("4468", AuthorshipSignal.NO_MATCH), tuple("4469", AuthorshipSignal.NO_MATCH),
                // a reader's account named like the official, and the press office's staff account: kept apart
                tuple("4470", AuthorshipSignal.OTHER_ACCOUNT), tuple("4471", AuthorshipSignal.ACCOUNT_ID_MATCH),
                tuple("4472", AuthorshipSignal.OTHER_ACCOUNT));
    }

    @Test
    void aPostKnownOnlyByItsPermalinkIsLookedUpBySlug() {
        serveThePost();
        CommentApi api = new WordPressRestSite(server.url("/wp-json/"), "link rel=https://api.w.org/")
                .forPost(PostRef.of(URI.create("https://janedoe.example.org/2024/06/01/school-crossings/")))
                .orElseThrow();

        ApiReading reading = server.run(api, 10);

        assertThat(server.requests().get(0))
                .isEqualTo("/wp-json/wp/v2/posts?slug=school-crossings&_fields=id%2Cauthor%2Ccomment_status");
        assertThat(reading.toPage().comments()).hasSize(3);
        assertThat(reading.postAuthor().userId()).isEqualTo("3");
        assertThat(reading.requestsMade()).isEqualTo(2);
    }

    @Test
    void theRestRouteFormOfTheRootIsKept() {
        WordPressRestComments api = new WordPressRestComments(URI.create("https://x.example/?rest_route=/"), 5L,
                null, 100);
        assertThat(api.route("wp/v2/comments")).hasToString("https://x.example/?rest_route=/wp/v2/comments");
        assertThat(api.start().next().orElseThrow().url()).hasToString("https://x.example/?rest_route=/wp/v2/comments"
                + "&post=5&per_page=100&page=1&orderby=id&order=asc"
                + "&_fields=id%2Cparent%2Cauthor%2Cauthor_name%2Cdate_gmt%2Ctype");
    }

    @Test
    void errorAnswersAreClearFailures() {
        server.answer("/a/wp-json/wp/v2/comments", "", 401, "application/json",
                        FixtureServer.bytes(DIR + "rest-error-password.json"))
                .answer("/b/wp-json/wp/v2/comments", "", 403, "text/html", "<h1>Forbidden</h1>")
                .answer("/c/wp-json/wp/v2/comments", "", 200, "text/html; charset=UTF-8",
                        "<!doctype html><title>Page not found</title>")
                .answer("/d/wp-json/wp/v2/comments", "", 503, "text/plain", "down");

        assertThat(kind("/a/wp-json/")).isEqualTo(ReadFailureKind.UNAUTHORIZED);
        assertThat(kind("/b/wp-json/")).isEqualTo(ReadFailureKind.FORBIDDEN);
        assertThat(kind("/c/wp-json/")).isEqualTo(ReadFailureKind.NOT_JSON);
        assertThat(kind("/d/wp-json/")).isEqualTo(ReadFailureKind.SERVER_ERROR);
        assertThat(kind("/e/wp-json/")).isEqualTo(ReadFailureKind.NOT_FOUND);
    }

    @Test
    void aMissingPostAuthorOnlyLeavesTheNamesToDecide() {
        server.json("/wp-json/wp/v2/comments", "page=1&", DIR + "comments-918-page1.json")
                .answer("/wp-json/wp/v2/posts/918", "", 401, "application/json", "{}");

        ApiReading reading = server.run(new WordPressRestComments(server.url("/wp-json/"), 918L, null, 100), 10);

        assertThat(reading.toPage().readable()).isTrue();
        assertThat(reading.postAuthor().isUnknown()).isTrue();
        assertThat(reading.notes()).singleElement().asString().startsWith("post author unknown: ");
        assertThat(reading.toPage().source()).isEqualTo(CommentSourceKind.WORDPRESS_REST);
    }

    private ReadFailureKind kind(String root) {
        ApiReading reading = server.run(new WordPressRestComments(server.url(root), 1L, null, 100), 10);
        return reading.toPage().failure().kind();
    }
}
