package org.officialblogs.crawl.comments;

import org.officialblogs.db.Coded;

/** Where a comment was read from; decides which id space it lives in and which platform flags can be trusted. */
public enum CommentSourceKind implements Coded {
    /** A per-post RSS 2.0 comment feed ({@code wfw:commentRss}); WordPress shows only the newest comments. */
    WORDPRESS_RSS_FEED(CommentIdSpace.WORDPRESS),
    /** A per-post Atom comment feed with {@code thr:in-reply-to}. */
    WORDPRESS_ATOM_FEED(CommentIdSpace.WORDPRESS),
    /** The WordPress REST API, {@code /wp-json/wp/v2/comments?post=ID}. */
    WORDPRESS_REST(CommentIdSpace.WORDPRESS),
    /** A Blogger per-post comment feed, {@code /feeds/POSTID/comments/default}. */
    BLOGGER_FEED(CommentIdSpace.BLOGGER),
    /** A WordPress post page (core comment markup, or the Epoch plugin's). */
    HTML_WORDPRESS(CommentIdSpace.WORDPRESS),
    /** A Blogger post page. */
    HTML_BLOGGER(CommentIdSpace.BLOGGER),
    /** A Drupal (7 or 8+) node page. */
    HTML_DRUPAL(CommentIdSpace.DRUPAL),
    /** Any other page with common comment-list markup. */
    HTML_GENERIC(CommentIdSpace.OTHER);

    private final CommentIdSpace idSpace;

    CommentSourceKind(CommentIdSpace idSpace) {
        this.idSpace = idSpace;
    }

    public CommentIdSpace idSpace() {
        return idSpace;
    }
}
