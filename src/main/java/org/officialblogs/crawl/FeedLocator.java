package org.officialblogs.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.officialblogs.crawl.feed.DiscoveredPage;
import org.officialblogs.crawl.feed.FeedCandidate;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.feed.PlatformMatch;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.read.ReadFailureKind;

/**
 * Finds a blog's feed from an address that may be the site, a page or the feed itself: reads it as a feed, else
 * follows the page's {@code <link rel="alternate">} feeds, then the well-known paths of its platform. Every fetch
 * goes through the {@link Fetcher} (robots.txt, politeness, address guard) and is reported to a {@link FetchLog}.
 */
public final class FeedLocator {

    /** Receives every fetch the locator makes, with the feed read from it when there was one. */
    @FunctionalInterface
    public interface FetchLog {
        void fetched(String purpose, FetchResult fetch, ParsedFeed feed, String problem);
    }

    /**
     * What the search found: a feed (with the fetch and the parsed feed), or why there is none.
     *
     * @param feedUrl  the feed's address (the one asked for; the redirect target only when every hop was permanent)
     * @param platform the platform recognised from the feed, else from the page
     * @param failure  null when a feed was found
     * @param tried    every address tried, in order
     */
    public record Located(URI feedUrl, FetchResult fetch, ParsedFeed feed, Platform platform, String evidence,
                          FailureKind failure, String message, List<URI> tried) {

        public boolean found() {
            return failure == null;
        }
    }

    private final Fetcher fetcher;
    private final FeedReader reader;
    private final FeedDiscovery discovery;
    private final PlatformDetector detector;

    public FeedLocator(Fetcher fetcher, FeedReader reader, FeedDiscovery discovery, PlatformDetector detector) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.discovery = discovery;
        this.detector = detector;
    }

    /** Looks for the feed of the blog at {@code address}, trying at most {@code maxCandidates} feed addresses. */
    public Located locate(URI address, int maxCandidates, FetchLog log) {
        FetchResult page = fetcher.fetch(FetchRequest.feed(address, null, null));
        List<URI> tried = new ArrayList<>(List.of(address));
        if (!page.ok()) {
            log.fetched("discovery", page, null, null);
            return new Located(null, page, null, null, null, page.failure(), page.message(), tried);
        }
        FeedReadResult asFeed = reader.read(page.body(), page.contentType(), page.finalUrl());
        if (asFeed instanceof FeedReadResult.Success s) {
            log.fetched("discovery", page, s.feed(), null);
            return found(storedUrl(page), page, s.feed(), null, tried);
        }
        FeedReadResult.Failure notFeed = (FeedReadResult.Failure) asFeed;
        if (looksLikeBrokenFeed(page, notFeed)) {
            log.fetched("discovery", page, null, notFeed.message());
            return new Located(null, page, null, null, null, notFeed.kind().failureKind(), notFeed.message(), tried);
        }
        log.fetched("discovery", page, null, null);
        return fromPage(address, page, maxCandidates, log, tried);
    }

    /**
     * Looks for a feed from a page already fetched (a stored "feed" address that turned out to be a web page):
     * its alternate links first, then well-known paths.
     */
    public Located fromPage(URI siteUrl, FetchResult page, int maxCandidates, FetchLog log, List<URI> alreadyTried) {
        List<URI> tried = new ArrayList<>(alreadyTried);
        DiscoveredPage found = discovery.discover(page.body(), page.contentType(), page.finalUrl());
        Set<URI> candidates = new LinkedHashSet<>();
        found.feeds().stream().filter(c -> !c.commentFeed()).map(FeedCandidate::url).forEach(candidates::add);
        found.commonPaths().stream().map(FeedCandidate::url).forEach(candidates::add);
        discovery.commonPathCandidates(siteUrl, found.platform().platform()).stream().map(FeedCandidate::url)
                .forEach(candidates::add);
        candidates.removeAll(tried);
        boolean linked = found.feeds().stream().anyMatch(c -> !c.commentFeed());
        for (URI candidate : candidates) {
            if (tried.size() > maxCandidates) {
                break;
            }
            tried.add(candidate);
            FetchResult r = fetcher.fetch(FetchRequest.feed(candidate, null, null));
            if (!r.ok()) {
                log.fetched("discovery", r, null, null);
                if (r.failure() == FailureKind.ROBOTS_DISALLOWED || r.failure() == FailureKind.BLOCKED_ADDRESS) {
                    return new Located(null, r, null, null, null, r.failure(), r.message(), tried);
                }
                continue;
            }
            FeedReadResult read = reader.read(r.body(), r.contentType(), r.finalUrl());
            if (read instanceof FeedReadResult.Success s) {
                log.fetched("discovery", r, s.feed(), null);
                return found(storedUrl(r), r, s.feed(), found.platform(), tried);
            }
            log.fetched("discovery", r, null, ((FeedReadResult.Failure) read).message());
        }
        String message = (linked ? "The page links a feed, but no address it names answered with a feed"
                : "The page at " + page.finalUrl() + " links no feed (no <link rel=\"alternate\">)")
                + "; tried " + (tried.size() - 1) + " usual feed address" + (tried.size() == 2 ? "" : "es") + ".";
        return new Located(null, page, null, found.platform().platform(), found.platform().evidence(),
                FailureKind.NOT_A_FEED, message, tried);
    }

    private Located found(URI feedUrl, FetchResult fetch, ParsedFeed feed, PlatformMatch pagePlatform, List<URI> tried) {
        PlatformMatch fromFeed = detector.detect(feedUrl, feed);
        PlatformMatch platform = fromFeed.platform() == Platform.OTHER && pagePlatform != null ? pagePlatform : fromFeed;
        return new Located(feedUrl, fetch, feed, platform.platform(), platform.evidence(), null, null, tried);
    }

    /** The address to store: the final one only when every redirect was permanent. */
    static URI storedUrl(FetchResult r) {
        return r.permanentlyMovedTo().orElse(r.requestedUrl());
    }

    /** An XML body that fails to parse is a broken feed, not a page to search for links. */
    private static boolean looksLikeBrokenFeed(FetchResult page, FeedReadResult.Failure failure) {
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        return failure.kind() != ReadFailureKind.UNEXPECTED_FORMAT && !type.contains("html");
    }
}
