package org.officialblogs.crawl.comments;

/** Whether readers can comment on a post, as far as the page shows it. */
public enum CommentsState {
    /** A comment form (or the platform's comment editor) is on the page. */
    OPEN,
    /** The platform's "comments are closed" marker, or a WordPress page with neither comments nor a form. */
    CLOSED,
    /** The source does not say (feeds, REST, pages of unknown platforms). */
    UNKNOWN
}
