package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A feed as read from one response body.
 *
 * @param format     Rome's wire format name, e.g. {@code rss_2.0}, {@code rss_1.0}, {@code rss_0.91U}, {@code atom_1.0}
 * @param title      plain text, never null (empty when the feed has none)
 * @param siteUrl    the blog's home page (RSS channel link / Atom alternate link), absolute, or null
 * @param generator  generator element text and URI, or a generator comment in the prolog, or null
 * @param language   as declared (RSS language / Atom xml:lang), or null
 * @param ttlMinutes RSS {@code <ttl>}, or null
 * @param links      feed-level links (self, RFC 5005 paging, WebSub hub)
 * @param openSearch OpenSearch counts (Blogger), or null when the feed has none
 * @param charset    the character set the body was decoded with
 * @param repairs    what was repaired to read the body (empty for a clean feed), for diagnostics
 * @param items      posts in document order
 */
public record ParsedFeed(
        String format,
        String title,
        URI siteUrl,
        String generator,
        String language,
        Integer ttlMinutes,
        FeedLinks links,
        OpenSearchCounts openSearch,
        String charset,
        List<String> repairs,
        List<FeedItem> items) {

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(charset, "charset");
        repairs = List.copyOf(repairs);
        items = List.copyOf(items);
    }
}
