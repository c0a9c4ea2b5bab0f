package org.officialblogs.crawl.comments;

/**
 * Where a blog's comments live and whether the crawler can read replies there.
 *
 * <p>{@link Reach#READABLE}: the crawler reads the comments (from post pages and comment feeds, or from the service's
 * public API, which needs no key). {@link Reach#NOT_ON_PLATFORM}: the blog platform shows responses only to a
 * browser running its scripts. {@link Reach#SERVICE_NOT_MEASURED}: a third-party service whose comments can only be
 * read with a key the site owner holds.
 */
public enum CommentService {
    /** Comments printed on the post page and in comment feeds (WordPress, Blogger, Drupal and common markup). */
    PAGE_MARKUP("the blog's own pages", Reach.READABLE),
    WORDPRESS_REST("the WordPress REST API", Reach.READABLE),
    SUBSTACK("Substack", Reach.READABLE),
    GHOST("Ghost", Reach.READABLE),
    ISSO("Isso", Reach.READABLE),
    REMARK42("Remark42", Reach.READABLE),
    COMMENTO("Commento", Reach.READABLE),
    GISCUS("giscus (GitHub Discussions)", Reach.READABLE),
    UTTERANCES("utterances (GitHub issues)", Reach.READABLE),
    MEDIUM("Medium", Reach.NOT_ON_PLATFORM),
    DISQUS("Disqus", Reach.SERVICE_NOT_MEASURED),
    FACEBOOK("Facebook comments", Reach.SERVICE_NOT_MEASURED),
    HYVOR("Hyvor Talk", Reach.SERVICE_NOT_MEASURED);

    /** Whether and why replies can be read. */
    public enum Reach { READABLE, NOT_ON_PLATFORM, SERVICE_NOT_MEASURED }

    private final String displayName;
    private final Reach reach;

    CommentService(String displayName, Reach reach) {
        this.displayName = displayName;
        this.reach = reach;
    }

    /** The name shown to people ("Disqus", "the WordPress REST API"). */
    public String displayName() {
        return displayName;
    }

    public Reach reach() {
        return reach;
    }
}
