package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.CrawlTestApp;
import org.officialblogs.testkit.LoopbackSite;

/**
 * Comment collection through the whole crawler on real WordPress pages: a comment feed that 404s falls back to the
 * post's page, a closed-comments page is recorded as closed, and a WordPress item without any comment element is
 * closed without a fetch.
 */
class CommentCollectionTest {

    @TempDir
    Path dir;
    LoopbackSite site;
    CrawlTestApp t;

    static byte[] resource(String path) throws IOException {
        try (InputStream in = CommentCollectionTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @BeforeEach
    void start() throws IOException {
        site = new LoopbackSite();
        // 18 days after the lemire post: old enough to judge
        t = new CrawlTestApp(dir, Instant.parse("2019-08-20T12:00:00Z"), Map.of());
        byte[] lemire = resource("/feeds/wordpress-lemire-post-comments.html");
        byte[] closed = resource("/comments/wordpress-comments-closed.html");
        site.on("/lemire/", ex -> LoopbackSite.send(ex, 200, lemire, "text/html; charset=UTF-8"));
        site.on("/closed/", ex -> LoopbackSite.send(ex, 200, closed, "text/html; charset=UTF-8"));
        site.on("/silent/", ex -> LoopbackSite.send(ex, 200, "<html></html>", "text/html"));
        site.text("/feed/", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                  xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Daniel</title><link>%s</link>
                <generator>https://wordpress.org/?v=5.2.2</generator>
                <item><title>Lemire</title><link>%s</link><guid>https://lemire.me/blog/?p=1</guid>
                  <dc:creator>Daniel Lemire</dc:creator><pubDate>Fri, 02 Aug 2019 10:00:00 +0000</pubDate>
                  <comments>%s#comments</comments><wfw:commentRss>%s</wfw:commentRss><slash:comments>5</slash:comments></item>
                <item><title>Closed</title><link>%s</link><guid>https://lemire.me/blog/?p=2</guid>
                  <dc:creator>Daniel Lemire</dc:creator><pubDate>Sat, 03 Aug 2019 10:00:00 +0000</pubDate>
                  <comments>%s#comments</comments></item>
                <item><title>Silent</title><link>%s</link><guid>https://lemire.me/blog/?p=3</guid>
                  <dc:creator>Daniel Lemire</dc:creator><pubDate>Sun, 04 Aug 2019 10:00:00 +0000</pubDate></item>
                </channel></rss>
                """.formatted(site.url("/"), site.url("/lemire/"), site.url("/lemire/"), site.url("/lemire/feed/"),
                site.url("/closed/"), site.url("/closed/"), site.url("/silent/")), "application/rss+xml");
    }

    @AfterEach
    void stop() {
        t.close();
        site.close();
    }

    @Test
    void readsPagesWhenFeedsFailAndRecordsWhetherCommentsAreOpen() {
        long id = t.addBlog("Daniel Lemire", site.url("/"), site.url("/feed/"));
        CrawlOutcome o = t.crawl(id);
        assertThat(o.result()).isEqualTo(CrawlOutcome.Result.FETCHED);
        assertThat(o.commentChecks()).isEqualTo(3);

        long lemire = t.count("SELECT id FROM post WHERE title = 'Lemire'");
        assertThat(site.count("/lemire/feed/")).isEqualTo(1);
        assertThat(site.count("/lemire/")).isEqualTo(1);
        // the counts RealPageCommentsTest establishes by reading the page: 3 readers, 2 replies by the author
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + lemire)).isEqualTo(5);
        assertThat(t.count("SELECT reader_comments FROM post_comments WHERE post_id = " + lemire)).isEqualTo(3);
        assertThat(t.count("SELECT official_comments FROM post_comments WHERE post_id = " + lemire)).isEqualTo(2);
        assertThat(t.count("SELECT reader_comments_answered FROM post_comments WHERE post_id = " + lemire)).isEqualTo(2);
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + lemire
                + " AND comments_state = 'open' AND source = 'html_wordpress' AND reported_count = 5"
                + " AND failure_message LIKE 'comment feed http_4xx%'")).isEqualTo(1);

        long closed = t.count("SELECT id FROM post WHERE title = 'Closed'");
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + closed
                + " AND comments_state = 'closed' AND seen_count = 2")).as("closed, keeping its two comments").isEqualTo(1);

        long silent = t.count("SELECT id FROM post WHERE title = 'Silent'");
        assertThat(site.count("/silent/")).as("no comment element: closed, nothing fetched").isZero();
        assertThat(t.count("SELECT count(*) FROM post_comments WHERE post_id = " + silent
                + " AND comments_state = 'closed'")).isEqualTo(1);

        // commenters' names are kept to decide authorship, never in the decision notes the pages show
        assertThat(t.count("SELECT count(*) FROM comment WHERE decision_note LIKE '%Lemire%'")).isZero();
    }

    @Test
    void anAliasAModeratorAddsTurnsTheOfficialsOtherNameIntoReplies() {
        site.text("/alias/feed/", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
                <channel><title>Dan</title><link>%s</link>
                <item><title>Budget</title><link>%s</link><guid>alias-1</guid><dc:creator>Daniel Lemire</dc:creator>
                  <pubDate>Fri, 02 Aug 2019 10:00:00 +0000</pubDate><wfw:commentRss>%s</wfw:commentRss></item>
                </channel></rss>
                """.formatted(site.url("/alias/"), site.url("/alias/p/"), site.url("/alias/p/feed/")), "application/rss+xml");
        site.text("/alias/p/feed/", 200, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments</title>
                <item><title>By: Mayor Dan</title><link>https://a.example/p/#comment-2</link><dc:creator>Mayor Dan</dc:creator>
                  <pubDate>Sat, 03 Aug 2019 12:00:00 +0000</pubDate><description>Thanks, we will.</description></item>
                <item><title>By: Ann</title><link>https://a.example/p/#comment-1</link><dc:creator>Ann</dc:creator>
                  <pubDate>Sat, 03 Aug 2019 09:00:00 +0000</pubDate><description>Will you publish it?</description></item>
                </channel></rss>
                """, "application/rss+xml");
        long id = t.addBlog("Dan Alias", site.url("/alias/"), site.url("/alias/feed/"));
        t.crawl(id);
        long post = t.count("SELECT id FROM post WHERE guid = 'alias-1'");
        assertThat(t.count("SELECT official_comments FROM post_comments WHERE post_id = " + post)).isZero();
        assertThat(t.count("SELECT reader_comments FROM post_comments WHERE post_id = " + post)).isEqualTo(2);

        t.app.database.jdbi().useHandle(h -> h.execute("INSERT INTO blog_alias (blog_id, alias) VALUES (?, 'Mayor Dan')", id));
        t.crawl(id); // the comment is not due again yet: the stored comments are re-decided with the new alias
        assertThat(t.count("SELECT count(*) FROM comment WHERE post_id = " + post
                + " AND is_official = 1 AND decided_by = 'alias'")).isEqualTo(1);
        assertThat(t.count("SELECT official_comments FROM post_comments WHERE post_id = " + post)).isEqualTo(1);
        assertThat(t.count("SELECT reader_comments_answered FROM post_comments WHERE post_id = " + post)).isEqualTo(1);
        assertThat(t.count("SELECT judged_replied FROM blog_metrics WHERE blog_id = " + id)).isEqualTo(1);
    }
}
