package org.officialblogs.crawl.comments;

/**
 * The post's author as the crawler knows it; every part nullable.
 *
 * @param name       display name, e.g. from the feed's author or the page's byline
 * @param profileUrl a platform profile (Blogger {@code https://www.blogger.com/profile/N})
 * @param userId     the platform account id in the same form as {@link Comment#authorUserId()}: WordPress REST
 *                   user id ("3"), Blogger {@code pid-N}, Drupal user id
 */
public record PostAuthor(String name, String profileUrl, String userId) {
    public static final PostAuthor UNKNOWN = new PostAuthor(null, null, null);

    public static PostAuthor named(String name) {
        return new PostAuthor(name, null, null);
    }

    public PostAuthor withUserId(String id) {
        return new PostAuthor(name, profileUrl, id);
    }

    public PostAuthor withProfileUrl(String url) {
        return new PostAuthor(name, url, userId);
    }

    public boolean isUnknown() {
        return name == null && profileUrl == null && userId == null;
    }

    @Override
    public String toString() {
        return "PostAuthor[profileUrl=" + profileUrl + ", userId=" + userId + "]";
    }
}
