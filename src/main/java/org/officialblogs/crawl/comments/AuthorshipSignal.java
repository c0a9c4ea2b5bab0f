package org.officialblogs.crawl.comments;

/** The signal that decided whether a comment is the official's, strongest first, with a sentence for moderators. */
public enum AuthorshipSignal {
    WORDPRESS_POST_AUTHOR_FLAG(true,
            "WordPress marked the comment 'bypostauthor': it was written from the post author's account."),
    DRUPAL_NODE_AUTHOR_FLAG(true,
            "Drupal marked the comment 'comment-by-node-author': it was written from the post author's account."),
    BLOGGER_BLOG_AUTHOR_FLAG(true,
            "Blogger marked the comment 'blog-author': it was written by an author of the blog."),
    POST_BYLINE_ACCOUNT(true,
            "The comment was written from an account named in the post's byline (Substack)."),
    REPOSITORY_OWNER(true,
            "GitHub marks the commenter as the owner of the repository that holds the blog's comments"
                    + " (giscus, utterances)."),
    ACCOUNT_ID_MATCH(true,
            "The comment's account id (WordPress REST author, Blogger pid, Drupal user id) is the post author's."),
    PROFILE_MATCH(true,
            "The comment's author profile (Blogger profile URL) is the post author's profile."),
    OTHER_ACCOUNT(false,
            "The comment was written from a registered account that is not the post author's"
                    + " (for example WordPress 'byuser' without 'bypostauthor', or a Substack account outside the"
                    + " post's byline): not the official."),
    POST_AUTHOR_NAME(true,
            "The commenter's display name equals the post's author name, ignoring case, spacing and accents."),
    ALIAS(true,
            "The commenter's display name equals a name a moderator set for this blog's official."),
    NO_MATCH(false,
            "No platform flag, account, name or alias links the comment to the official."),
    /** Set by the parsers; {@link ReplyDetector} replaces it. */
    UNDECIDED(false, "Not decided yet.");

    private final boolean official;
    private final String explanation;

    AuthorshipSignal(boolean official, String explanation) {
        this.official = official;
        this.explanation = explanation;
    }

    /** Whether this signal makes the comment the official's. */
    public boolean official() {
        return official;
    }

    public String explanation() {
        return explanation;
    }
}
