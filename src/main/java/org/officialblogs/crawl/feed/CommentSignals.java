package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.List;

/**
 * What an item says about its comments. Counts are hints (RFC 4685), not authoritative; each field null when absent.
 *
 * @param commentsPage  RSS {@code <comments>}: the page (anchor) where comments are shown
 * @param commentFeed   {@code wfw:commentRss}: the post's own comment feed
 * @param slashComments {@code slash:comments} count
 * @param threadTotal   {@code thr:total} count
 * @param replies       Atom {@code link rel="replies"} links, possibly empty, never null
 */
public record CommentSignals(
        URI commentsPage, URI commentFeed, Integer slashComments, Integer threadTotal, List<RepliesLink> replies) {

    public CommentSignals {
        replies = List.copyOf(replies);
    }

    /** True when the item carries at least one comment signal (WordPress prints none when comments are closed). */
    public boolean any() {
        return commentsPage != null || commentFeed != null || slashComments != null || threadTotal != null
                || !replies.isEmpty();
    }

    /** An RFC 4685 replies link: where the replies are, their media type and the {@code thr:count} hint. */
    public record RepliesLink(URI href, String type, Integer count) {
    }
}
