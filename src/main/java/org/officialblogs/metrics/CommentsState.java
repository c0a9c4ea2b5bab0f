package org.officialblogs.metrics;

/** Whether readers could comment on a post, as seen by the crawler. */
public enum CommentsState {
    /** A comment form or comment feed was present. */
    OPEN,
    /** The blog said comments are closed (or showed none of the signs of open comments). */
    CLOSED,
    /** The crawler could not tell. */
    UNKNOWN
}
