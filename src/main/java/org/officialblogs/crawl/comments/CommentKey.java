package org.officialblogs.crawl.comments;

import java.util.Objects;

/** Identity of a comment across sources and crawls: its platform's id space and its id there. */
public record CommentKey(CommentIdSpace idSpace, String id) {
    public CommentKey {
        Objects.requireNonNull(idSpace, "idSpace");
        Objects.requireNonNull(id, "id");
    }
}
