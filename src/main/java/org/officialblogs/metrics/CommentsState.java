package org.officialblogs.metrics;

import org.officialblogs.db.Coded;

/**
 * Whether readers could comment on a post, as the crawler saw it; stored with the post's reply facts and an input of
 * responsiveness (a post with comments closed is not judged on replies).
 */
public enum CommentsState implements Coded {
    /** A comment form (or the platform's comment editor) is on the page. */
    OPEN,
    /** The platform's "comments are closed" marker, or a WordPress post with neither comments nor a form. */
    CLOSED,
    /** The source does not say (feeds, REST, pages of unknown platforms). */
    UNKNOWN;

    /** The state of a stored code; UNKNOWN when none is stored (or an unknown one). */
    public static CommentsState fromCode(String code) {
        return Coded.parse(CommentsState.class, code).orElse(UNKNOWN);
    }
}
