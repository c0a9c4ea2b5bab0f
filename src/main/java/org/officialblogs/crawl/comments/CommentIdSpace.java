package org.officialblogs.crawl.comments;

/**
 * The numbering a comment id belongs to: the same comment read from two sources of one platform has the same id.
 *
 * <p>A WordPress comment is comment 421882 in its RSS feed, its Atom feed, the REST API and the post page alike, so
 * those sources share {@link #WORDPRESS}; Blogger's feed and page share {@link #BLOGGER}.
 */
public enum CommentIdSpace {
    WORDPRESS,
    BLOGGER,
    DRUPAL,
    SUBSTACK,
    GHOST,
    ISSO,
    REMARK42,
    COMMENTO,
    /** GitHub Discussions comment and reply node ids (giscus). */
    GITHUB_DISCUSSIONS,
    /** GitHub issue comment ids (utterances). */
    GITHUB_ISSUES,
    /** Ids from the generic HTML reader: element ids, or a hash of author, time and text when the page gives none. */
    OTHER
}
