package org.officialblogs.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.officialblogs.crawl.feed.BlogLinkFinder;
import org.officialblogs.crawl.feed.DiscoveredPage;
import org.officialblogs.crawl.feed.FeedCandidate;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.FeedItem;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.discover.BlogChecker;
import org.officialblogs.discover.Evidence;

/**
 * Checks a discovery candidate with the crawler's own fetcher and feed discovery: the source's feed first, then the
 * address (a feed, or a page whose feed links and the platform's usual feed paths are tried), then, when a page offers
 * no feed, its links that say blog, diary, journal, news or articles. What it found becomes {@link Evidence}.
 */
public final class CandidateBlogChecker implements BlogChecker {

    /** Feed addresses tried per page: the page's own links and a few usual paths, not the whole list. */
    private static final int CANDIDATES = 6;
    /** Blog-like links followed from a website. */
    private static final int BLOG_LINKS = 3;
    private static final FeedLocator.FetchLog NO_LOG = (purpose, fetch, feed, problem) -> { };

    private final Fetcher fetcher;
    private final FeedReader reader;
    private final FeedDiscovery discovery;
    private final FeedLocator locator;
    private final BlogLinkFinder links;
    private final PlatformDetector detector;

    public CandidateBlogChecker(Fetcher fetcher, FeedReader reader, FeedDiscovery discovery, FeedLocator locator,
                                BlogLinkFinder links, PlatformDetector detector) {
        this.detector = detector;
        this.fetcher = fetcher;
        this.reader = reader;
        this.discovery = discovery;
        this.locator = locator;
        this.links = links;
    }

    @Override
    public Evidence check(Request request, Instant now) {
        URI address = CrawlService.httpUri(request.url());
        if (address == null) {
            return Evidence.failed(FailureKind.INVALID_URL.code(), FailureKind.INVALID_URL.label() + ": " + request.url());
        }
        URI hint = CrawlService.httpUri(request.feedHint());
        if (hint != null) {
            FeedLocator.Located f = locator.locate(hint, 1, NO_LOG);
            if (f.found() && f.tried().size() == 1) {
                return evidence(f, request.url(), "the feed the source gives", request, now);
            }
        }
        FetchResult page = fetcher.fetch(FetchRequest.feed(address, null, null));
        if (!page.ok()) return failure(page.failure(), page.message());
        FeedReadResult asFeed = reader.read(page.body(), page.contentType(), page.finalUrl());
        if (asFeed instanceof FeedReadResult.Success s) {
            String blog = s.feed().siteUrl() != null ? s.feed().siteUrl().toString() : request.url();
            URI feedUrl = FeedLocator.storedUrl(page);
            return evidence(feedUrl.toString(), blog, s.feed(), detector.detect(feedUrl, s.feed()).platform(),
                    "the address is a feed", request, now);
        }
        FeedReadResult.Failure notFeed = (FeedReadResult.Failure) asFeed;
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        if (notFeed.kind().failureKind() != FailureKind.NOT_A_FEED && !type.contains("html")) {
            return failure(notFeed.kind().failureKind(), notFeed.message());
        }
        DiscoveredPage found = discovery.discover(page.body(), page.contentType(), page.finalUrl());
        FeedLocator.Located located = locator.fromPage(address, page, CANDIDATES, NO_LOG, List.of(address));
        if (located.found()) {
            boolean linked = found.feeds().stream().map(FeedCandidate::url).anyMatch(located.feedUrl()::equals);
            return evidence(located, request.url(), linked ? "the page's feed link" : "a usual feed address of its platform",
                    request, now);
        }
        if (located.failure() == FailureKind.ROBOTS_DISALLOWED || located.failure() == FailureKind.BLOCKED_ADDRESS) {
            return failure(located.failure(), located.message());
        }
        List<String> tried = new ArrayList<>();
        for (BlogLinkFinder.BlogLink link : links.find(page.body(), page.contentType(), page.finalUrl(), BLOG_LINKS)) {
            FeedLocator.Located l = locator.locate(link.url(), CANDIDATES, NO_LOG);
            if (l.found()) {
                return evidence(l, link.url().toString(), "the site's link “" + (link.text().isEmpty() ? link.word()
                        : link.text()) + "”", request, now);
            }
            tried.add(link.url() + " (" + (l.failure() == null ? "no feed" : l.failure().label().toLowerCase(Locale.ROOT)) + ")");
        }
        String message = located.message() + (tried.isEmpty()
                ? " No link on the page says blog, diary, journal, news or articles."
                : " The links that look like a blog lead to no feed: " + String.join(", ", tried) + ".");
        return Evidence.noFeed(message, request.url());
    }

    private Evidence evidence(FeedLocator.Located l, String blogUrl, String via, Request request, Instant now) {
        return evidence(l.feedUrl().toString(), blogUrl, l.feed(), l.platform(), via, request, now);
    }

    private Evidence evidence(String feedUrl, String blogUrl, ParsedFeed feed, Platform platform, String via,
                              Request request, Instant now) {
        Platform p = platform != null ? platform : Platform.OTHER;
        List<Evidence.Post> posts = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            posts.add(new Evidence.Post(item.published() != null ? item.published() : item.updated(), item.authorName(),
                    item.comments().any()));
        }
        return Evidence.feed(feedUrl, Objects.requireNonNullElse(blogUrl, feedUrl), CrawlService.code(p), via, posts,
                request.officialName(), p == Platform.WORDPRESS, now);
    }

    private static Evidence failure(FailureKind kind, String message) {
        return Evidence.failed(kind.code(), kind.label() + (message == null ? "" : ": " + message));
    }
}
