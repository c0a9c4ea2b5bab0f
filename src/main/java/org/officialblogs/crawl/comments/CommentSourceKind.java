package org.officialblogs.crawl.comments;

/** Where a comment was read from; decides which id space it lives in and which platform flags can be trusted. */
public enum CommentSourceKind {
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
    HTML_GENERIC(CommentIdSpace.OTHER),
    /** Substack's public post comments, {@code /api/v1/post/ID/comments}. */
    SUBSTACK_API(CommentIdSpace.SUBSTACK),
    /** Ghost's Members comments API, {@code /members/api/comments/post/ID/}. */
    GHOST_MEMBERS_API(CommentIdSpace.GHOST),
    /** An Isso server's thread, {@code /?uri=PATH}. */
    ISSO_API(CommentIdSpace.ISSO),
    /** A Remark42 server's thread, {@code /api/v1/find}. */
    REMARK42_API(CommentIdSpace.REMARK42),
    /** A Commento server's thread, {@code /api/comment/list}. */
    COMMENTO_API(CommentIdSpace.COMMENTO),
    /** A GitHub Discussion read through a giscus server, {@code /api/discussions}. */
    GISCUS_API(CommentIdSpace.GITHUB_DISCUSSIONS),
    /** A GitHub issue's comments (utterances), {@code /repos/OWNER/REPO/issues/N/comments}. */
    GITHUB_ISSUES_API(CommentIdSpace.GITHUB_ISSUES);

    private final CommentIdSpace idSpace;

    CommentSourceKind(CommentIdSpace idSpace) {
        this.idSpace = idSpace;
    }

    public CommentIdSpace idSpace() {
        return idSpace;
    }
}
