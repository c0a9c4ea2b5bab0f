package org.officialblogs.crawl.feed;

/** Blog platforms the crawler treats differently (paging, comment conventions, default feed length). */
public enum Platform {
    WORDPRESS,
    BLOGGER,
    MEDIUM,
    SUBSTACK,
    GHOST,
    TYPEPAD,
    DRUPAL,
    TUMBLR,
    SQUARESPACE,
    HUGO,
    JEKYLL,
    MOVABLE_TYPE,
    OTHER
}
