package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;
import org.officialblogs.testkit.WebClient;

/**
 * Replies where officials blog today, through the whole crawler on loopback: each blog's feed (in its platform's
 * shape, after the real samples in src/test/resources/feeds), its post pages (the real and documented-format pages
 * in src/test/resources/comments/pages) and its comment API answers (src/test/resources/comments/services, see its
 * README for the formats and their sources). Figures are those the readers' own tests establish from the same
 * answers; here they must come out of the crawl, stored per post and per blog.
 */
class PlatformRepliesTest {

    @TempDir
    Path dir;
    LoopbackSite site;
    CrawlTestApp t;

    static byte[] resource(String path) {
        try (InputStream in = PlatformRepliesTest.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(resource(path), StandardCharsets.UTF_8);
    }

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        t = new CrawlTestApp(dir, Instant.parse("2024-07-01T00:00:00Z"), Map.of());
    }

    @AfterEach
    void stop() {
        t.close();
        site.close();
    }

    private void json(String path, String resource) {
        byte[] body = resource(resource);
        site.on(path, ex -> LoopbackSite.send(ex, 200, body, "application/json; charset=utf-8"));
    }

    private void html(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        site.on(path, ex -> LoopbackSite.send(ex, 200, bytes, "text/html; charset=utf-8"));
    }

    private long post(String title) {
        return t.count("SELECT id FROM post WHERE title = '" + title + "'");
    }

    private String blogSystem(long blogId, String column) {
        return t.app.database.jdbi().withHandle(h -> h.createQuery("SELECT " + column
                + " FROM blog_comment_system WHERE blog_id = :id").bind("id", blogId).mapTo(String.class).one());
    }

    private long facts(long postId, String column) {
        return t.count("SELECT " + column + " FROM post_comments WHERE post_id = " + postId);
    }

    // --- Substack ---------------------------------------------------------------------------------------------

    @Test
    void aSubstackBlogIsReadFromItsCommentJsonAndTheBylineAccountIsTheOfficial() {
        String dir = "/comments/services/substack/";
        // Substack's feed shape: feeds/substack-heated-1item.rss.xml (generator Substack, /p/SLUG links)
        site.text("/feed", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>
                <title><![CDATA[Jane Doe's Northfield Notes]]></title><link>%s</link><generator>Substack</generator>
                <item><title><![CDATA[School crossings: where the money goes]]></title><link>%s</link>
                  <guid isPermaLink="true">%s</guid><dc:creator><![CDATA[Jane Doe]]></dc:creator>
                  <pubDate>Sat, 01 Jun 2024 08:00:00 GMT</pubDate></item>
                <item><title><![CDATA[Budget briefing for subscribers]]></title><link>%s</link>
                  <guid isPermaLink="true">%s</guid><dc:creator><![CDATA[Jane Doe]]></dc:creator>
                  <pubDate>Mon, 10 Jun 2024 08:00:00 GMT</pubDate></item>
                </channel></rss>
                """.formatted(site.url("/"), site.url("/p/school-crossings"), site.url("/p/school-crossings"),
                site.url("/p/budget-briefing"), site.url("/p/budget-briefing")), "application/rss+xml");
        String page = text("/comments/pages/substack-custom-domain-post.html");
        html("/p/school-crossings", page);
        html("/p/budget-briefing", page);
        json("/api/v1/posts/school-crossings", dir + "post-school-crossings.json");
        json("/api/v1/post/140001/comments", dir + "comments-140001.json");
        json("/api/v1/posts/budget-briefing", dir + "post-paid.json");
        site.text("/api/v1/post/140002/comments", 403, "{\"error\":\"Forbidden\"}", "application/json");

        long id = t.addBlog("Jane Doe", site.url("/"), site.url("/feed"));
        CrawlOutcome o = t.crawl(id);

        assertThat(o.commentChecks()).isEqualTo(2);
        // the page was read once, to find where the comments live; everything else came from the API
        assertThat(site.count("/p/budget-briefing") + site.count("/p/school-crossings")).isEqualTo(1);
        long school = post("School crossings: where the money goes");
        assertThat(facts(school, "reader_comments")).isEqualTo(5);
        assertThat(facts(school, "official_comments")).isEqualTo(2);
        assertThat(facts(school, "reader_comments_answered")).isEqualTo(2);
        assertThat(facts(school, "truncated")).as("a reply counted but not served").isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + school
                + " AND source = 'substack_api' AND comments_state = 'open'")).isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + school)).isEqualTo(9);
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + school
                + " AND is_official = 1 AND decided_by = 'post_byline_account'")).isEqualTo(2);
        // the reader named like the official and the press office's account are kept apart
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + school
                + " AND decided_by = 'other_account'")).isEqualTo(6);

        long paid = post("Budget briefing for subscribers");
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + paid
                + " AND failure_kind = 'paid_only' AND seen_count = 0 AND next_check_at IS NULL")).isEqualTo(1);

        assertThat(blogSystem(id, "service")).isEqualTo("substack");
        assertThat(blogSystem(id, "platform")).isEqualTo("substack");
        assertThat(blogSystem(id, "working_source")).isEqualTo("substack_api");
        assertThat(blogSystem(id, "replies_measurable")).isEqualTo("measurable");
        assertThat(blogSystem(id, "official_signal")).isEqualTo("post_byline_account");
        assertThat(blogSystem(id, "official_signal_detail")).isEqualTo("an account in the post's byline (5551)");
    }

    // --- Ghost ------------------------------------------------------------------------------------------------

    @Test
    void aGhostBlogIsReadFromTheMembersCommentsApiAndTheStaffRecordNamesTheOfficial() {
        String dir = "/comments/services/ghost/";
        String ghostId = "665f1a2b3c4d5e6f7a8b9c0d";
        // Ghost's feed shape: feeds/ghost-nooptoday-5.73.rss.xml (generator Ghost 5.73, the post id as guid)
        site.text("/rss/", 200, """
                <?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
                <channel><title><![CDATA[Jane Doe]]></title><link>%s</link><generator>Ghost 5.73</generator>
                <item><title><![CDATA[School crossings: where the money goes]]></title><link>%s</link>
                <guid isPermaLink="false">%s</guid><dc:creator><![CDATA[Jane Doe]]></dc:creator>
                <pubDate>Sat, 01 Jun 2024 08:00:00 GMT</pubDate></item></channel></rss>
                """.formatted(site.url("/"), site.url("/school-crossings/"), ghostId), "application/rss+xml");
        html("/school-crossings/", text("/comments/pages/ghost5-native-comments.html")
                .replace("https://jane-doe.ghost.io/", site.url("/")));
        String comments = "/members/api/comments/post/" + ghostId + "/";
        byte[] page1 = resource(dir + "comments-page1.json");
        byte[] page2 = resource(dir + "comments-page2.json");
        site.on(comments, ex -> LoopbackSite.send(ex, 200,
                ex.getRequestURI().getRawQuery().contains("page=2") ? page2 : page1, "application/json"));
        json("/members/api/comments/6660a0010000000000000001/replies/", dir + "replies-6660a0010000000000000001.json");
        json("/ghost/api/content/posts/" + ghostId + "/", dir + "content-post-authors.json");

        long id = t.addBlog("Jane Doe", site.url("/"), site.url("/rss/"));
        t.crawl(id);

        long p = post("School crossings: where the money goes");
        assertThat(facts(p, "reader_comments")).isEqualTo(4);
        assertThat(facts(p, "official_comments")).isEqualTo(3);
        assertThat(facts(p, "reader_comments_answered")).isEqualTo(2);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + p
                + " AND source = 'ghost_members_api'")).isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + p
                + " AND is_official = 1 AND decided_by = 'post_author_name'")).isEqualTo(3);
        assertThat(blogSystem(id, "service")).isEqualTo("ghost");
        assertThat(blogSystem(id, "platform")).isEqualTo("ghost");
        assertThat(blogSystem(id, "replies_measurable")).isEqualTo("measurable");
        assertThat(blogSystem(id, "official_signal")).isEqualTo("post_author_name");
    }

    // --- Medium and Disqus: not measurable is recorded, never zero ---------------------------------------------

    @Test
    void aMediumBlogIsRecordedAsNotMeasurableOnThePlatformAfterOnePageRead() {
        // Medium's feed shape: feeds/medium-489.rss.xml (generator Medium)
        site.text("/feed", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>Open Journalism</title>
                <link>%s</link><generator>Medium</generator>
                <item><title>One</title><link>%s</link><guid isPermaLink="false">https://medium.com/p/1a2b3c4d5e6f</guid>
                  <dc:creator>Jane Doe</dc:creator><pubDate>Sat, 01 Jun 2024 08:00:00 GMT</pubDate></item>
                <item><title>Two</title><link>%s</link><guid isPermaLink="false">https://medium.com/p/2a2b3c4d5e6f</guid>
                  <dc:creator>Jane Doe</dc:creator><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate></item>
                </channel></rss>
                """.formatted(site.url("/"), site.url("/one-1a2b3c4d5e6f"), site.url("/two-2a2b3c4d5e6f")),
                "application/rss+xml");
        String page = text("/feeds/medium-openjournalism-post.html");
        html("/one-1a2b3c4d5e6f", page);
        html("/two-2a2b3c4d5e6f", page);

        long id = t.addBlog("Jane Doe", site.url("/"), site.url("/feed"));
        assertThat(t.crawl(id).commentChecks()).isEqualTo(2);

        assertThat(site.count("/one-1a2b3c4d5e6f") + site.count("/two-2a2b3c4d5e6f")).isEqualTo(1);
        assertThat(blogSystem(id, "service")).isEqualTo("medium");
        assertThat(blogSystem(id, "replies_measurable")).isEqualTo("not_on_platform");
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE source = 'medium'"
                + " AND comments_state = 'unknown' AND seen_count = 0 AND next_check_at IS NULL")).isEqualTo(2);
        assertThat(t.count("SELECT count(*) FROM comment")).isZero();

        // not measurable is not zero: in words on the ranking, the profile and the API, with a neutral score part
        assertThat(t.count("SELECT count(*) FROM blog_metrics WHERE blog_id = " + id
                + " AND replies_measurable = 'not_on_platform' AND responsiveness_value = 0.5"
                + " AND reply_rate_shown IS NULL AND comments_closed = 0")).isEqualTo(1);
        long official = t.count("SELECT official_id FROM blog WHERE id = " + id);
        io.javalin.Javalin web = t.app.webApp("test").start();
        try {
            WebClient client = new WebClient(java.net.URI.create("http://localhost:" + web.port()));
            String ranking = client.get("/").body();
            assertThat(ranking).contains("replies not measurable on Medium").doesNotContain("0 %")
                    .doesNotContain("comments closed");
            String profile = client.get("/officials/" + official).body();
            assertThat(profile).contains("Replies cannot be measured on this blog: replies not measurable on Medium.")
                    .contains("not a reply rate of 0 %");
            String api = client.get("/api/v1/rankings").body();
            assertThat(api).contains("\"replies_measurable\":\"not_on_platform\"")
                    .contains("\"replies_measurable_reason\":\"Medium shows responses only to a browser");
        } finally {
            web.stop();
        }
    }

    @Test
    void aBlogEmbeddingDisqusIsRecordedAsCommentsOnDisqusNotMeasured() {
        site.text("/feed/", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>Jane Doe</title>
                <link>%s</link>
                <item><title>One</title><link>%s</link><guid>%s</guid><dc:creator>Jane Doe</dc:creator>
                  <pubDate>Sat, 01 Jun 2024 08:00:00 GMT</pubDate><comments>%s#disqus_thread</comments></item>
                </channel></rss>
                """.formatted(site.url("/"), site.url("/blog/one/"), site.url("/blog/one/"), site.url("/blog/one/")),
                "application/rss+xml");
        html("/blog/one/", text("/comments/pages/disqus-caktusgroup.html"));

        long id = t.addBlog("Jane Doe", site.url("/"), site.url("/feed/"));
        t.crawl(id);

        assertThat(blogSystem(id, "service")).isEqualTo("disqus");
        assertThat(blogSystem(id, "replies_measurable")).isEqualTo("service_not_measured");
        assertThat(blogSystem(id, "replies_reason")).isEqualTo("Disqus lets only the site owner's key read its comments.");
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE source = 'disqus'"
                + " AND comments_state = 'unknown' AND reader_comments = 0")).isEqualTo(1);
    }

    // --- WordPress whose pages and feeds show no authorship: the REST API ------------------------------------

    private static String wpComment(String id, String name, String when, String children) {
        // WordPress core's HTML5 comment markup (wp-includes/class-walker-comment.php, html5_comment) as a theme
        // prints it with its own comment classes: no byuser / bypostauthor / comment-author-* classes
        return """
                <li id="comment-%s" class="comment">
                  <article id="div-comment-%s" class="comment-body">
                    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">%s</b>
                      <span class="says">says:</span></div>
                      <div class="comment-metadata"><a href="#comment-%s"><time datetime="%s">%s</time></a></div>
                    </footer>
                    <div class="comment-content"><p>Text.</p></div>
                  </article>%s
                </li>
                """.formatted(id, id, name, id, when, when, children.isEmpty() ? ""
                : "<ol class=\"children\">" + children + "</ol>");
    }

    @Test
    void aWordPressBlogWhosePagesShowNoAuthorshipIsReadFromItsRestApiWithThePostAuthorsAccount() {
        String dir = "/comments/services/wordpress/";
        site.text("/feed/", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                  xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Jane Doe</title><link>%s</link>
                <generator>https://wordpress.org/?v=6.5.3</generator>
                <item><title>School crossings</title><link>%s</link>
                  <guid isPermaLink="false">%s?p=918</guid><dc:creator><![CDATA[Jane Doe]]></dc:creator>
                  <pubDate>Sat, 01 Jun 2024 08:00:00 +0000</pubDate><comments>%s#comments</comments>
                  <slash:comments>5</slash:comments></item>
                </channel></rss>
                """.formatted(site.url("/"), site.url("/2024/06/01/school-crossings/"), site.url("/"),
                site.url("/2024/06/01/school-crossings/")), "application/rss+xml");
        html("/2024/06/01/school-crossings/", """
                <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>School crossings</title>
                <meta name="generator" content="WordPress 6.5.3">
                <link rel="https://api.w.org/" href="%s">
                <link rel="alternate" type="application/json" href="%s">
                <link rel="shortlink" href="%s?p=918">
                </head><body class="post-template-default single single-post postid-918">
                <article><h1>School crossings</h1><p>By Jane Doe</p></article>
                <div id="comments" class="comments-area"><h2 class="comments-title">5 thoughts</h2>
                <ol class="comment-list">%s%s%s%s</ol>
                <div id="respond" class="comment-respond"><form id="commentform" class="comment-form"></form></div>
                </div></body></html>
                """.formatted(site.url("/wp-json/"), site.url("/wp-json/wp/v2/posts/918"), site.url("/"),
                wpComment("4468", "María López", "2024-06-01T17:45:00+00:00",
                        wpComment("4471", "Councillor Jane Doe", "2024-06-03T07:30:00+00:00", "")),
                wpComment("4469", "Kevin", "2024-06-02T11:15:00+00:00",
                        wpComment("4472", "Press Office", "2024-06-03T08:10:00+00:00", "")),
                wpComment("4470", "Jane Doe", "2024-06-02T20:05:00+00:00", ""), ""));
        // one page of up to 100 comments: the two pages the reader's own test serves three at a time, joined
        String one = text(dir + "comments-918-page1.json").strip();
        String two = text(dir + "comments-918-page2.json").strip();
        String all = one.substring(0, one.length() - 1) + "," + two.substring(1);
        site.text("/wp-json/wp/v2/comments", 200, all, "application/json; charset=UTF-8");
        json("/wp-json/wp/v2/posts/918", dir + "posts-918.json");

        long id = t.addBlog("Jane Doe", site.url("/"), site.url("/feed/"));
        t.crawl(id);

        long p = post("School crossings");
        assertThat(site.count("/2024/06/01/school-crossings/")).isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + p
                + " AND source = 'wordpress_rest' AND comments_state = 'open'")).isEqualTo(1);
        // the pingback is left out; the reader named like the official (account 7) and the press office's
        // account (5) are readers; the reply from the post author's account (3) is the official's
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + p)).isEqualTo(5);
        assertThat(facts(p, "reader_comments")).isEqualTo(4);
        assertThat(facts(p, "official_comments")).isEqualTo(1);
        assertThat(facts(p, "reader_comments_answered")).isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + p
                + " AND is_official = 1 AND decided_by = 'account_id_match' AND source_comment_id = '4471'"))
                .isEqualTo(1);
        assertThat(blogSystem(id, "service")).isEqualTo("wordpress_rest");
        assertThat(blogSystem(id, "working_source")).isEqualTo("wordpress_rest");
        assertThat(blogSystem(id, "official_signal")).isEqualTo("account_id_match");
        assertThat(blogSystem(id, "official_signal_detail")).isEqualTo("the post author's account id 3");

        // the next check goes straight to the REST API: no page read
        t.clock.advance(java.time.Duration.ofDays(3));
        t.crawl(id);
        assertThat(site.count("/2024/06/01/school-crossings/")).isEqualTo(1);
        assertThat(site.requests.stream().filter(r -> r.startsWith("/wp-json/wp/v2/posts/918"))).hasSize(2);
    }

    @Test
    void aSubstackApiAnsweringAWebPageOrTooManyRequestsIsAClearFailureAndTheBlogsPostsStay() {
        site.text("/feed", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>Notes</title>
                <link>%s</link><generator>Substack</generator>
                <item><title>Walled</title><link>%s</link><guid>%s</guid><pubDate>Sun, 02 Jun 2024 08:00:00 GMT</pubDate></item>
                <item><title>Busy</title><link>%s</link><guid>%s</guid><pubDate>Sat, 01 Jun 2024 08:00:00 GMT</pubDate></item>
                </channel></rss>
                """.formatted(site.url("/"), site.url("/p/walled"), site.url("/p/walled"), site.url("/p/busy"),
                site.url("/p/busy")), "application/rss+xml");
        String page = text("/comments/pages/substack-custom-domain-post.html");
        html("/p/walled", page);
        html("/p/busy", page);
        site.text("/api/v1/posts/walled", 200, "<!DOCTYPE html><html><body>Sign in</body></html>", "text/html");
        site.text("/api/v1/posts/busy", 429, "slow down", "text/plain", "Retry-After", "3600");

        long id = t.addBlog("Jane Doe", site.url("/"), site.url("/feed"));
        CrawlOutcome o = t.crawl(id);

        assertThat(o.result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + post("Walled")
                + " AND failure_kind = 'not_json' AND next_check_at IS NULL")).isEqualTo(1);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + post("Busy")
                + " AND failure_kind = 'rate_limited'"
                + " AND next_check_at = " + Instant.parse("2024-07-01T01:00:00Z").toEpochMilli()))
                .as("asked again when the Retry-After pause ends").isEqualTo(1);
        // the newer post is checked first; the 429 then pauses the host, as the Fetcher does for every 429
        // no reading ever worked and one answer was a web page: the blog's comments are not readable, in words
        assertThat(blogSystem(id, "replies_measurable")).isEqualTo("not_readable");
        assertThat(blogSystem(id, "replies_reason"))
                .isEqualTo("no data: Substack answers with a web page where its comment data should be.");
    }
}
