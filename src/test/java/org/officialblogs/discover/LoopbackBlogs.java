package org.officialblogs.discover;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.officialblogs.testkit.LoopbackSite;

/**
 * Blogs and websites on a loopback server for the discovery's checks: WordPress-like blogs (a page that links its
 * RSS feed, items with an author and comment elements), websites whose only way to the blog is a link, feeds alone.
 */
public final class LoopbackBlogs implements AutoCloseable {

    public final LoopbackSite site;
    private final Instant now;

    public LoopbackBlogs(Instant now) throws IOException {
        this.site = new LoopbackSite();
        this.now = now;
    }

    public String url(String path) {
        return site.url(path);
    }

    /** A blog at {@code path} whose page links its feed at {@code path + "feed/"}; posts {@code daysAgo} apart. */
    public LoopbackBlogs wordpress(String path, String title, String author, int... daysAgo) {
        site.text(path, 200, page(title, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + title
                + " Feed\" href=\"" + path + "feed/\">", "<p>Welcome.</p>"), "text/html; charset=utf-8");
        site.text(path + "feed/", 200, rss(url(path), title, author, true, daysAgo), "application/rss+xml; charset=UTF-8");
        return this;
    }

    /** A feed alone (no page), without comment elements. */
    public LoopbackBlogs feed(String path, String title, String author, int... daysAgo) {
        site.text(path, 200, rss(url("/"), title, author, false, daysAgo), "application/rss+xml; charset=UTF-8");
        return this;
    }

    /** A website's home page with the given body (links, text) and no feed link. */
    public LoopbackBlogs website(String path, String title, String bodyHtml) {
        site.text(path, 200, page(title, "", bodyHtml), "text/html; charset=utf-8");
        return this;
    }

    public LoopbackBlogs robots(String text) {
        site.text("/robots.txt", 200, text, "text/plain");
        return this;
    }

    static String page(String title, String head, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head
                + "</head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }

    String rss(String site, String title, String author, boolean comments, int... daysAgo) {
        StringBuilder items = new StringBuilder();
        int n = 0;
        for (int d : daysAgo) {
            n++;
            Instant at = now.minus(Duration.ofDays(d)).minus(Duration.ofHours(n));
            String link = site + "post-" + n + "/";
            items.append("<item><title>Post ").append(n).append("</title><link>").append(link).append("</link>")
                    .append("<dc:creator><![CDATA[").append(author).append("]]></dc:creator>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><guid isPermaLink=\"false\">").append(site).append("?p=").append(n).append("</guid>");
            if (comments) {
                items.append("<comments>").append(link).append("#comments</comments><wfw:commentRss>").append(link)
                        .append("feed/</wfw:commentRss><slash:comments>2</slash:comments>");
            }
            items.append("<description>Text of post ").append(n).append(".</description></item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\" xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\">"
                + "<channel><title>" + title + "</title><link>" + site + "</link><description>" + title + "</description>"
                + "<generator>https://wordpress.org/?v=6.4.2</generator>\n" + items + "</channel></rss>\n";
    }

    @Override
    public void close() {
        site.close();
    }
}
