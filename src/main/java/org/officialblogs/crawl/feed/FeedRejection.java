package org.officialblogs.crawl.feed;

import org.officialblogs.crawl.read.ReadFailureKind;

/** Internal control flow for a refused body; {@link FeedReader} turns it into a {@link FeedReadResult.Failure}. */
final class FeedRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReadFailureKind kind;

    FeedRejection(ReadFailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ReadFailureKind kind() {
        return kind;
    }

    FeedReadResult.Failure toFailure() {
        return new FeedReadResult.Failure(kind, getMessage());
    }
}
