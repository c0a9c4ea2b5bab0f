package org.officialblogs.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchResult;

/**
 * What fetching and reading a blog's feed came to, before anything of it is stored: the feed (or 304, or a failure)
 * and every fetch made on the way, for the crawl log. {@link CrawlService} makes one and then records it.
 *
 * @param fetch    the feed's fetch (the discovery page's when no feed was found); null when nothing was fetched
 * @param feedUrl  the feed's address; a new one when {@code located}
 * @param platform what the feed or the page showed of the blog's platform, null when unknown
 * @param feed     the feed read; null for a 304 and for a failure
 * @param located  the feed was found by discovery, so its address is to be stored
 * @param failure  why there is no feed; null on success and for a 304
 * @param gone     the feed answered 410 Gone: the blog goes offline
 * @param fetches  every fetch made, in order, for the crawl log
 */
record FeedAttempt(FetchResult fetch, URI feedUrl, Platform platform, ParsedFeed feed, boolean located,
                   FailureKind failure, String message, boolean gone, List<Fetched> fetches) {

    /** One fetch as the crawl log records it, with the moment it ended. */
    record Fetched(Instant at, String purpose, FetchResult fetch, Integer itemsSeen, Integer newItems,
                   String problem) {}

    FeedAttempt {
        fetches = List.copyOf(fetches);
    }

    static FeedAttempt read(FetchResult fetch, URI feedUrl, Platform platform, ParsedFeed feed, boolean located,
                            List<Fetched> fetches) {
        return new FeedAttempt(fetch, feedUrl, platform, feed, located, null, null, false, fetches);
    }

    static FeedAttempt notModified(FetchResult fetch, URI feedUrl, Platform platform, List<Fetched> fetches) {
        return new FeedAttempt(fetch, feedUrl, platform, null, false, null, null, false, fetches);
    }

    static FeedAttempt failed(FetchResult fetch, FailureKind failure, String message, boolean gone,
                              List<Fetched> fetches) {
        return new FeedAttempt(fetch, null, null, null, false, failure, message, gone, fetches);
    }

    boolean failed() {
        return failure != null;
    }

    /** When the site asked us to come back (429, 503), null otherwise. */
    Instant retryAt() {
        return fetch == null ? null : fetch.retryAt();
    }
}
