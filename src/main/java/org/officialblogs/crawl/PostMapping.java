package org.officialblogs.crawl;

import java.net.URI;
import java.util.Objects;
import org.officialblogs.crawl.feed.CommentSignals;
import org.officialblogs.crawl.feed.FeedItem;

/** Turns a feed item into the post row we keep. */
public final class PostMapping {

    private PostMapping() {
    }

    public static PostRecord post(FeedItem item) {
        CommentSignals c = item.comments();
        URI replies = c.replies().stream().map(CommentSignals.RepliesLink::href).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return new PostRecord(item.id(), text(item.url()), item.title(), item.published(), item.updated(),
                item.authorName(), text(item.authorUri()), item.summaryHtml().isEmpty() ? null : item.summaryHtml(),
                text(c.commentsPage()), text(c.commentFeed()), text(replies), item.platformPostId(), reported(c));
    }

    /** The platform's own count of comments: thr:total, else slash:comments, else the largest thr:count. */
    static Integer reported(CommentSignals c) {
        if (c.threadTotal() != null) return c.threadTotal();
        if (c.slashComments() != null) return c.slashComments();
        return c.replies().stream().map(CommentSignals.RepliesLink::count).filter(Objects::nonNull)
                .max(Integer::compare).orElse(null);
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
