package org.officialblogs.crawl.comments;

/** What the blog platform itself states about a comment's author, read from classes or feed properties. */
public enum PlatformFlag {
    /** WordPress {@code bypostauthor}: the comment's account is the post's author. */
    BY_POST_AUTHOR,
    /**
     * The comment was written from a registered account: WordPress {@code byuser}, a REST author id other than 0,
     * or a Drupal comment without {@code comment-by-anonymous} on a page whose theme prints those classes.
     */
    BY_REGISTERED_USER,
    /** Blogger {@code blog-author}: written by an author of the blog. */
    BLOG_AUTHOR,
    /** Drupal {@code comment-by-node-author} / {@code by-node-author}. */
    BY_NODE_AUTHOR,
    /**
     * The text was removed or hidden: Blogger {@code blogger.contentRemoved} / {@code deleted-comment}, a comment
     * service's deleted, moderator-hidden or minimized comment kept only as a placeholder in its thread.
     */
    CONTENT_REMOVED,
    /** Substack: the comment's account is one of the post's bylines. */
    BY_POST_BYLINE,
    /** GitHub (giscus, utterances): the commenter owns the repository that holds the blog's comments. */
    BY_REPOSITORY_OWNER
}
