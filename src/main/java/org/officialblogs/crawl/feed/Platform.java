package org.officialblogs.crawl.feed;

import org.officialblogs.db.Coded;

/** Blog platforms the crawler treats differently (paging, comment conventions, default feed length). */
public enum Platform implements Coded {
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
    OTHER;

    /** The platform of a stored or entered code ("wordpress", "Blogger"); OTHER for one we do not know, null for none. */
    public static Platform fromCode(String code) {
        if (code == null || code.isBlank()) return null;
        return Coded.parse(Platform.class, code.strip().replace(' ', '_').replace('-', '_')).orElse(OTHER);
    }
}
