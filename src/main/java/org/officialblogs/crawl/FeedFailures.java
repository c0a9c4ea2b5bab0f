package org.officialblogs.crawl;

import java.util.Locale;
import org.officialblogs.crawl.feed.FeedFailureKind;
import org.officialblogs.crawl.fetch.FailureKind;

/** How read failures are named in the crawl state and log: one vocabulary for fetching and reading. */
final class FeedFailures {

    private FeedFailures() {
    }

    /** A feed that cannot be read: not a feed at all, or broken (an unsafe DTD counts as broken, said in the message). */
    static FailureKind kind(FeedFailureKind kind) {
        return kind == FeedFailureKind.NOT_A_FEED ? FailureKind.NOT_A_FEED : FailureKind.MALFORMED;
    }

    /** The stored code: {@code http_4xx}, {@code not_a_feed}, ... */
    static String code(FailureKind kind) {
        return kind == null ? null : kind.name().toLowerCase(Locale.ROOT);
    }
}
