package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/**
 * A WordPress-like blog on loopback, known to the registry only by its home page: the first crawl discovers the
 * feed, backfills the history through {@code ?paged=N}, and reads every recent post's comments (page and comment
 * feed). Between crawls a post gets more comments than its comment feed shows (the newest 10); later crawls
 * keep every comment seen, and the reply facts equal the values worked out by hand below.
 */
class WordPressScenarioTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    static final String AUTHOR = "Ana Núñez";

    /** One comment: id, parent id (0: top level), hours after the post, author, whether the page flags it. */
    record C(int id, int parent, int hoursAfter, String author, boolean byPostAuthor) {}

    @TempDir
    Path dir;
    LoopbackSite site;
    CrawlTestApp t;
    final Map<Integer, List<C>> comments = new ConcurrentHashMap<>();

    static Instant published(int n) {
        return NOW.minus(Duration.ofDays(3L * n));
    }

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        t = new CrawlTestApp(dir, NOW, Map.of());
        for (int n = 1; n <= 20; n++) comments.put(n, new CopyOnWriteArrayList<>());
        // post 2 (6 days old: too young to judge): a question and the official's answer
        comments.get(2).addAll(List.of(new C(301, 0, 1, "Kim", false), new C(302, 301, 2, AUTHOR, true)));
        // post 5 (15 days old): a question answered in 2 h, and a second question not answered (yet)
        comments.get(5).addAll(List.of(new C(101, 0, 1, "Lena Ortiz", false), new C(102, 101, 3, AUTHOR, true),
                new C(103, 0, 5, "Sam", false)));
        // post 8 (24 days old): two readers, no answer
        comments.get(8).addAll(List.of(new C(201, 0, 2, "Jo", false), new C(202, 0, 4, "Lu", false)));

        site.text("/", 200, "<!doctype html><html><head><title>Ana's blog</title>"
                + "<meta name=\"generator\" content=\"WordPress 6.4.3\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Ana &raquo; Feed\" href=\"/feed/\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Ana &raquo; Comments Feed\" href=\"/comments/feed/\">"
                + "</head><body><h1>Ana</h1></body></html>", "text/html; charset=UTF-8");
        site.on("/feed/", ex -> {
            String q = ex.getRequestURI().getQuery();
            int page = q != null && q.startsWith("paged=") ? Integer.parseInt(q.substring(6)) : 1;
            if (page > 2) {
                LoopbackSite.send(ex, 404, "no such page", "text/html");
                return;
            }
            LoopbackSite.send(ex, 200, feed(page), "application/rss+xml; charset=UTF-8");
        });
        for (int n = 1; n <= 20; n++) {
            int post = n;
            site.on("/p/" + n + "/feed/", ex -> LoopbackSite.send(ex, 200, commentFeed(post),
                    "application/rss+xml; charset=UTF-8"));
            site.on("/p/" + n + "/", ex -> LoopbackSite.send(ex, 200, page(post), "text/html; charset=UTF-8"));
        }
    }

    @AfterEach
    void stop() {
        t.close();
        site.close();
    }

    @Test
    void discoversBackfillsAndKeepsEveryCommentAcrossCrawls() {
        long id = t.addBlog("Ana Nunez", site.url("/"), null);

        CrawlOutcome first = t.crawl(id);
        assertThat(first.result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        assertThat(t.blogColumn(id, "feed_url")).isEqualTo(site.url("/feed/"));
        assertThat(t.blogColumn(id, "platform")).isEqualTo("wordpress");
        // the feed lists 10 posts; the backfill read page 2 and stopped at page 3's 404
        assertThat(first.newPosts()).isEqualTo(20);
        assertThat(site.count("/feed/?paged=2")).isEqualTo(1);
        assertThat(site.count("/feed/?paged=3")).isEqualTo(1);
        assertThat(t.state(id).backfillDone()).isTrue();
        assertThat(first.commentChecks()).isEqualTo(20);
        assertThat(t.count("SELECT count(*) FROM comment")).isEqualTo(7);
        // the page's bypostauthor flag decided the official's comments
        assertThat(t.count("SELECT count(*) FROM comment WHERE is_official = 1 AND decided_by = 'wordpress_post_author_flag'"))
                .isEqualTo(2);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE comments_state = 'open'")).isEqualTo(20);

        // over the next two days post 5 gets 12 more reader comments and a second answer, in two waves; its
        // comment feed only ever shows the newest 10, so the second wave pushes the first out of the feed
        for (int i = 0; i < 6; i++) comments.get(5).add(new C(104 + i, 0, 24 + i, "Reader " + i, false));
        t.clock.advance(Duration.ofHours(25));
        assertThat(t.crawl(id).failed()).isFalse();
        for (int i = 6; i < 12; i++) comments.get(5).add(new C(104 + i, 0, 24 + i, "Reader " + i, false));
        comments.get(5).add(new C(116, 110, 40, AUTHOR, true));
        t.clock.advance(Duration.ofHours(25));
        CrawlOutcome third = t.crawl(id);
        assertThat(third.failed()).isFalse();
        assertThat(third.newPosts()).isZero();

        long post5 = postId(5);
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + post5)).as("nothing seen is lost")
                .isEqualTo(16);
        // worked by hand: readers 101, 103, 104..115 = 14; official 102 (flag) and 116 (by the post author's name,
        // the feed has no flags); threaded, so answered = readers that an official comment replies to: 101, 110
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + post5
                + " AND source_comment_id = '116' AND is_official = 1 AND decided_by = 'post_author_name'")).isEqualTo(1);
        assertThat(t.count("SELECT reader_comments FROM post_comments WHERE post_id = " + post5)).isEqualTo(14);
        assertThat(t.count("SELECT official_comments FROM post_comments WHERE post_id = " + post5)).isEqualTo(2);
        assertThat(t.count("SELECT reader_comments_answered FROM post_comments WHERE post_id = " + post5)).isEqualTo(2);
        assertThat(t.count("SELECT first_official_reply_at - first_reader_comment_at FROM post_comments WHERE post_id = "
                + post5)).isEqualTo(Duration.ofHours(2).toMillis());
        long post8 = postId(8);
        assertThat(t.count("SELECT reader_comments FROM post_comments WHERE post_id = " + post8)).isEqualTo(2);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + post8
                + " AND first_official_reply_at IS NULL")).isEqualTo(1);

        // the metrics: judged posts with reader comments are 5 and 8 (post 2 is too recent); the official replied on 5
        assertThat(t.count("SELECT judged_with_comments FROM blog_metrics WHERE blog_id = " + id)).isEqualTo(2);
        assertThat(t.count("SELECT judged_replied FROM blog_metrics WHERE blog_id = " + id)).isEqualTo(1);
        assertThat(t.count("SELECT reader_comments FROM blog_metrics WHERE blog_id = " + id)).isEqualTo(16);
        // two days after the first crawl, posts 1..9 are inside the last 30 days (post n is 3n days older than the start)
        assertThat(t.count("SELECT posts_last_30_days FROM blog_metrics WHERE blog_id = " + id)).isEqualTo(9);

        // every fetch is in the crawl log, with its purpose
        assertThat(t.count("SELECT count(DISTINCT purpose) FROM crawl_log WHERE blog_id = " + id)).isEqualTo(4);
    }

    private long postId(int n) {
        return t.count("SELECT id FROM post WHERE guid = 'http://blog.example/?p=" + n + "'");
    }

    private String feed(int page) {
        StringBuilder items = new StringBuilder();
        for (int n = (page - 1) * 10 + 1; n <= page * 10; n++) {
            items.append("<item><title>Post ").append(n).append("</title><link>").append(site.url("/p/" + n + "/"))
                    .append("</link><comments>").append(site.url("/p/" + n + "/#comments")).append("</comments>")
                    .append("<dc:creator><![CDATA[").append(AUTHOR).append("]]></dc:creator>")
                    .append("<pubDate>").append(RFC_1123.format(published(n))).append("</pubDate>")
                    .append("<guid isPermaLink=\"false\">http://blog.example/?p=").append(n).append("</guid>")
                    .append("<description><![CDATA[Text of post ").append(n).append("]]></description>")
                    .append("<wfw:commentRss>").append(site.url("/p/" + n + "/feed/")).append("</wfw:commentRss>")
                    .append("<slash:comments>").append(comments.get(n).size()).append("</slash:comments></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\""
                + " xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\"><channel><title>Ana</title>"
                + "<link>" + site.url("/") + "</link><description>Mayor</description>"
                + "<generator>https://wordpress.org/?v=6.4.3</generator>" + items + "</channel></rss>";
    }

    /** WordPress's comment feed: the newest 10 comments, newest first; a reply starts with "In reply to". */
    private String commentFeed(int n) {
        List<C> newest = new ArrayList<>(comments.get(n));
        newest.sort((a, b) -> Integer.compare(b.hoursAfter(), a.hoursAfter()));
        StringBuilder items = new StringBuilder();
        for (C c : newest.subList(0, Math.min(10, newest.size()))) {
            String reply = c.parent() == 0 ? "" : "In reply to <a href=\"" + site.url("/p/" + n + "/#comment-" + c.parent())
                    + "\">someone</a>.\n";
            items.append("<item><title>By: ").append(c.author()).append("</title><link>")
                    .append(site.url("/p/" + n + "/#comment-" + c.id())).append("</link><dc:creator><![CDATA[")
                    .append(c.author()).append("]]></dc:creator><pubDate>")
                    .append(RFC_1123.format(published(n).plus(Duration.ofHours(c.hoursAfter())))).append("</pubDate>")
                    .append("<guid isPermaLink=\"false\">http://blog.example/?p=").append(n).append("#comment-")
                    .append(c.id()).append("</guid><description><![CDATA[").append(reply).append("Comment ")
                    .append(c.id()).append("]]></description><content:encoded><![CDATA[<p>").append(reply)
                    .append("Comment ").append(c.id()).append("</p>]]></content:encoded></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Comments on: Post " + n + "</title>"
                + "<link>" + site.url("/p/" + n + "/") + "</link><description>Mayor</description>"
                + "<generator>https://wordpress.org/?v=6.4.3</generator>" + items + "</channel></rss>";
    }

    /** The post page with WordPress's threaded comment markup and an open comment form. */
    private String page(int n) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta name=\"generator\" content=\"WordPress 6.4.3\">"
                + "<title>Post " + n + "</title></head><body class=\"post-template-default single\"><article><h1>Post " + n
                + "</h1></article>");
        List<C> list = comments.get(n);
        if (!list.isEmpty()) {
            html.append("<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">");
            for (C c : list) {
                if (c.parent() == 0) appendComment(html, n, c, list, 1);
            }
            html.append("</ol></div>");
        }
        html.append("<div id=\"respond\" class=\"comment-respond\"><form action=\"/wp-comments-post.php\" method=\"post\""
                + " id=\"commentform\"><textarea name=\"comment\"></textarea></form></div></body></html>");
        return html.toString();
    }

    private void appendComment(StringBuilder html, int n, C c, List<C> all, int depth) {
        String cls = "comment" + (c.byPostAuthor() ? " byuser comment-author-ana bypostauthor" : "")
                + " depth-" + depth;
        Instant at = published(n).plus(Duration.ofHours(c.hoursAfter()));
        html.append("<li id=\"comment-").append(c.id()).append("\" class=\"").append(cls).append("\">")
                .append("<article id=\"div-comment-").append(c.id()).append("\" class=\"comment-body\">")
                .append("<footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b class=\"fn\">")
                .append(c.author()).append("</b></div><div class=\"comment-metadata\"><a href=\"#comment-")
                .append(c.id()).append("\"><time datetime=\"").append(at).append("\">t</time></a></div></footer>")
                .append("<div class=\"comment-content\"><p>Comment ").append(c.id()).append("</p></div></article>");
        List<C> children = all.stream().filter(x -> x.parent() == c.id()).toList();
        if (!children.isEmpty()) {
            html.append("<ol class=\"children\">");
            for (C child : children) appendComment(html, n, child, all, depth + 1);
            html.append("</ol>");
        }
        html.append("</li>");
    }
}
