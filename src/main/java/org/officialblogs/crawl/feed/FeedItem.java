package org.officialblogs.crawl.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One post of a feed.
 *
 * @param id             stable identity: RSS guid, else Atom id, else link, else RDF about, else
 *                       {@code sha256:} of title and date; never null
 * @param url            the post's page, absolute (resolved against xml:base and the document URL), or null
 * @param title          plain text (markup stripped, entities decoded), never null; escape it when shown
 * @param published      publication instant (pubDate, dc:date, published, issued; Atom falls back to updated), or null
 * @param updated        last update instant, or null
 * @param authorName     display name, or null
 * @param authorUri      the author's profile URL (Atom author uri, e.g. a Blogger profile), or null
 * @param comments       comment signals found on the item, never null
 * @param summaryHtml    summary sanitised with jsoup {@code Safelist.basic()} and bounded in length; "" when none
 * @param platformPostId the platform's own post id (WordPress {@code ?p=123}, Blogger {@code post-Y}, Medium
 *                       {@code /p/x}), or null
 */
public record FeedItem(
        String id,
        URI url,
        String title,
        Instant published,
        Instant updated,
        String authorName,
        URI authorUri,
        CommentSignals comments,
        String summaryHtml,
        String platformPostId) {

    public FeedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(comments, "comments");
        Objects.requireNonNull(summaryHtml, "summaryHtml");
    }
}
