package org.officialblogs.crawl.feed;

import java.util.Objects;
import org.officialblogs.crawl.read.ReadFailure;
import org.officialblogs.crawl.read.ReadFailureKind;

/** The outcome of reading a feed body: either a parsed feed or a failure with a kind and a message. */
public sealed interface FeedReadResult permits FeedReadResult.Success, FeedReadResult.Failure {

    /** The body was read as a feed. */
    record Success(ParsedFeed feed) implements FeedReadResult {
        public Success {
            Objects.requireNonNull(feed, "feed");
        }
    }

    /** The body could not be read as a feed; the message says what and, for XML errors, where. */
    record Failure(ReadFailure failure) implements FeedReadResult {
        public Failure {
            Objects.requireNonNull(failure, "failure");
        }

        public Failure(ReadFailureKind kind, String message) {
            this(new ReadFailure(kind, message));
        }

        public ReadFailureKind kind() {
            return failure.kind();
        }

        public String message() {
            return failure.message();
        }
    }
}
