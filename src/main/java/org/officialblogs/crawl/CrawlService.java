package org.officialblogs.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.officialblogs.crawl.feed.FeedItem;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.HistoryPaging;
import org.officialblogs.crawl.feed.NextPage;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.fetch.CacheHeaders;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.registry.HttpUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls one blog: finds its feed when only the site is known, fetches the feed conditionally, stores new posts,
 * backfills the blog's history on its first crawl, follows permanent moves once they are consistent, records
 * failures as the blog's state with the next attempt, collects the comments of recent posts, and recomputes the
 * blog's metrics. Never throws for a failed crawl: every end is a {@link CrawlOutcome} and a saved state.
 */
public final class CrawlService {

    private static final Logger log = LoggerFactory.getLogger(CrawlService.class);

    private final CrawlDao dao;
    private final Fetcher fetcher;
    private final FeedReader reader;
    private final FeedLocator locator;
    private final PlatformDetector detector;
    private final HistoryPaging paging;
    private final CommentCollector comments;
    private final MetricsService metrics;
    private final CrawlSettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    public CrawlService(CrawlDao dao, Fetcher fetcher, FeedReader reader, FeedLocator locator, PlatformDetector detector,
                        HistoryPaging paging, CommentCollector comments, MetricsService metrics, CrawlSettings settings,
                        Clock clock, RandomGenerator random) {
        this.dao = dao;
        this.fetcher = fetcher;
        this.reader = reader;
        this.locator = locator;
        this.detector = detector;
        this.paging = paging;
        this.comments = comments;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Crawls the blog now, whatever its schedule says, and recomputes its metrics and the ranks. */
    public CrawlOutcome crawl(CrawlTarget target) {
        return crawl(target, true);
    }

    /**
     * Crawls the blog now.
     *
     * @param recomputeMetrics false when the caller recomputes every blog's metrics once after a large batch (one
     *                         blog's recompute re-ranks all blogs, so per-blog recomputes in a batch of N cost N^2)
     */
    public CrawlOutcome crawl(CrawlTarget target, boolean recomputeMetrics) {
        long started = System.nanoTime();
        CrawlOutcome outcome;
        try {
            outcome = attempt(target);
        } catch (RuntimeException e) {
            // a bug must not stop the crawl of other blogs, nor leave this one due in a tight loop
            log.error("crawl blog={} failed unexpectedly", target.blogId(), e);
            outcome = failed(target, null, FailureKind.INTERNAL_ERROR.code(), "Unexpected error in the crawler: " + e, false, null,
                    clock.instant());
        }
        if (outcome.failed()) {
            log.info("crawl blog={} url={} result=failed status={} kind={} ms={} message={}", target.blogId(),
                    address(target), outcome.httpStatus(), outcome.failureKind(), (System.nanoTime() - started) / 1_000_000,
                    outcome.message());
        } else {
            log.info("crawl blog={} url={} result={} status={} new_posts={} comment_checks={} ms={}", target.blogId(),
                    address(target), outcome.result().code(), outcome.httpStatus(),
                    outcome.newPosts(), outcome.commentChecks(), (System.nanoTime() - started) / 1_000_000);
        }
        if (recomputeMetrics) {
            try {
                metrics.recompute(target.blogId(), clock.instant());
            } catch (RuntimeException e) {
                log.error("metrics of blog={} not recomputed after its crawl", target.blogId(), e);
            }
        }
        return outcome;
    }

    private CrawlOutcome attempt(CrawlTarget target) {
        Instant now = clock.instant();
        long blogId = target.blogId();
        CrawlState st = target.state();
        FeedLocator.FetchLog fetchLog = (purpose, r, feed, problem) -> logFetch(blogId, purpose, r,
                feed == null ? null : feed.items().size(), null, problem);
        URI feedUrl = httpUri(target.feedUrl());
        FetchResult fetch;
        ParsedFeed feed;
        Platform platform = Platform.fromCode(target.platform());
        boolean located = false;

        if (feedUrl == null) {
            URI site = httpUri(target.siteUrl());
            if (site == null) {
                return failed(target, null, FailureKind.INVALID_URL.code(),
                        "The blog has no usable http(s) address: " + target.siteUrl(), false, null, now);
            }
            FeedLocator.Located found = locator.locate(site, settings.discoveryCandidates(), fetchLog);
            if (!found.found()) {
                return failed(target, found.fetch(), found.failure().code(), found.message(), false,
                        found.fetch() == null ? null : found.fetch().retryAt(), now);
            }
            feedUrl = found.feedUrl();
            fetch = found.fetch();
            feed = found.feed();
            platform = found.platform();
            located = true;
            storeFeedUrl(blogId, feedUrl, platform, now);
        } else {
            fetch = fetcher.fetch(FetchRequest.feed(feedUrl, st.etag(), st.lastModified()));
            if (!fetch.ok()) {
                logFetch(blogId, "feed", fetch, null, null, null);
                return failed(target, fetch, fetch.failure().code(), fetch.message(),
                        fetch.failure() == FailureKind.GONE, fetch.retryAt(), now);
            }
            if (fetch.notModified()) {
                logFetch(blogId, "feed", fetch, null, 0, null);
                return succeeded(target, fetch, null, feedUrl, platform, 0, now, CrawlOutcome.Result.NOT_MODIFIED);
            }
            FeedReadResult read = reader.read(fetch.body(), fetch.contentType(), fetch.finalUrl());
            if (read instanceof FeedReadResult.Failure bad) {
                URI site = httpUri(target.siteUrl());
                if (bad.kind().failureKind() == FailureKind.NOT_A_FEED) {
                    // the stored address serves a web page: look for the feed it links, once
                    logFetch(blogId, "feed", fetch, null, null, bad.message());
                    FeedLocator.Located found = locator.fromPage(site != null ? site : feedUrl, fetch,
                            settings.discoveryCandidates(), fetchLog, List.of(feedUrl));
                    if (!found.found()) {
                        return failed(target, fetch, FailureKind.NOT_A_FEED.code(),
                                bad.message() + " " + found.message(), false, null, now);
                    }
                    feedUrl = found.feedUrl();
                    fetch = found.fetch();
                    feed = found.feed();
                    platform = found.platform();
                    located = true;
                    storeFeedUrl(blogId, feedUrl, platform, now);
                } else {
                    logFetch(blogId, "feed", fetch, null, null, bad.message());
                    return failed(target, fetch, bad.kind().failureKind().code(), bad.message(),
                            false, null, now);
                }
            } else {
                feed = ((FeedReadResult.Success) read).feed();
            }
        }

        Platform detected = detector.detect(feedUrl, feed).platform();
        if (platform == null || platform == Platform.OTHER) platform = detected;
        dao.setPlatformIfUnknown(blogId, code(platform), now);
        int newPosts = dao.upsertPosts(blogId, feed.items().stream().map(PostMapping::post).toList(), now);
        if (!located) logFetch(blogId, "feed", fetch, feed.items().size(), newPosts, null);
        if (!st.backfillDone()) {
            newPosts += backfill(blogId, feedUrl, platform, feed, now);
        }
        return succeeded(target, fetch, feed, feedUrl, platform, newPosts, now, CrawlOutcome.Result.FETCHED);
    }

    private int backfill(long blogId, URI feedUrl, Platform platform, ParsedFeed first, Instant now) {
        Instant horizon = now.minus(settings.backfillHorizon());
        ParsedFeed page = first;
        URI pageUrl = feedUrl;
        Set<URI> visited = new HashSet<>(Set.of(feedUrl));
        int added = 0;
        for (int pages = 0; pages < settings.backfillMaxPages(); pages++) {
            Instant oldest = oldest(page.items());
            if (oldest != null && oldest.isBefore(horizon)) break;
            Optional<NextPage> next = paging.nextPage(pageUrl, platform, page);
            if (next.isEmpty() || !visited.add(next.get().url())) break;
            FetchResult r = fetcher.fetch(FetchRequest.feed(next.get().url(), null, null));
            if (!r.ok() || r.notModified()) {
                // WordPress answers 404 past its last page: the usual end of a history
                logFetch(blogId, "history", r, null, null, null);
                break;
            }
            FeedReadResult read = reader.read(r.body(), r.contentType(), r.finalUrl());
            if (read instanceof FeedReadResult.Failure bad) {
                logFetch(blogId, "history", r, null, null, bad.message());
                break;
            }
            ParsedFeed p = ((FeedReadResult.Success) read).feed();
            int n = dao.upsertPosts(blogId, p.items().stream().map(PostMapping::post).toList(), now);
            logFetch(blogId, "history", r, p.items().size(), n, null);
            added += n;
            if (n == 0) break; // a page of posts we already hold: the paging went round, or the history ended
            page = p;
            pageUrl = next.get().url();
        }
        return added;
    }

    private CrawlOutcome succeeded(CrawlTarget target, FetchResult fetch, ParsedFeed feed, URI feedUrl,
                                   Platform platform, int newPosts, Instant now, CrawlOutcome.Result result) {
        long blogId = target.blogId();
        CrawlState st = target.state();
        // a permanent move is followed only after the same target is seen on several crawls in a row
        String redirectTarget = null;
        int redirectCount = 0;
        Optional<URI> moved = fetch.permanentlyMovedTo().filter(u -> !u.equals(feedUrl));
        if (moved.isPresent()) {
            redirectTarget = moved.get().toString();
            redirectCount = redirectTarget.equals(st.redirectTarget()) ? st.redirectCount() + 1 : 1;
            if (redirectCount >= settings.redirectConfirmations()) {
                storeFeedUrl(blogId, moved.get(), null, now);
                log.info("crawl blog={} feed moved permanently {} -> {} (seen {} times)", blogId, feedUrl,
                        redirectTarget, redirectCount);
                redirectTarget = null;
                redirectCount = 0;
            }
        }
        if ("offline".equals(target.blogStatus())) {
            dao.setBlogStatus(blogId, "active", now);
        }
        Integer ttl = feed != null ? feed.ttlMinutes() : st.ttlMinutes();
        Instant next = CrawlSchedule.nextAfterSuccess(dao.publishedSince(blogId, now.minus(CrawlSchedule.QUIET_AFTER)),
                ttl == null ? null : Duration.ofMinutes(ttl), cacheFor(fetch.cache(), now), now, random);
        dao.saveState(new CrawlState(blogId, next, now, now, fetch.status(), fetch.etag(), fetch.lastModified(), null,
                null, 0, null, false, true, redirectTarget, redirectCount, ttl,
                feed != null ? feed.title() : st.feedTitle(), feed != null ? feed.format() : st.feedFormat(),
                Duration.between(now, next).toSeconds(), feed != null ? feed.items().size() : st.postsSeenLast()));
        int checks = comments.collect(blogId, platform, settings.commentChecksPerCrawl(),
                (r, seen, problem) -> logFetch(blogId, "comments", r, seen, null, problem));
        return new CrawlOutcome(blogId, result, null, null, newPosts, checks, fetch.status() == 0 ? null : fetch.status());
    }

    private CrawlOutcome failed(CrawlTarget target, FetchResult fetch, String kind, String message, boolean gone,
                                Instant retryAt, Instant now) {
        long blogId = target.blogId();
        CrawlState st = target.state();
        int failures = st.consecutiveFailures() + 1;
        Instant failingSince = st.failingSince() != null ? st.failingSince() : now;
        if (gone && !"offline".equals(target.blogStatus())) {
            dao.setBlogStatus(blogId, "offline", now);
        }
        boolean unreachable = CrawlSchedule.isUnreachable(failingSince, now);
        Instant next = CrawlSchedule.nextAfterFailure(failures, failingSince, gone, retryAt, now, random);
        Integer status = fetch == null || fetch.status() == 0 ? null : fetch.status();
        dao.saveState(new CrawlState(blogId, next, now, st.lastSuccessAt(), status, st.etag(), st.lastModified(), kind,
                message, failures, failingSince, unreachable, st.backfillDone(), st.redirectTarget(),
                st.redirectCount(), st.ttlMinutes(), st.feedTitle(), st.feedFormat(),
                Duration.between(now, next).toSeconds(), st.postsSeenLast()));
        return new CrawlOutcome(blogId, CrawlOutcome.Result.FAILED, kind, message, 0, 0, status);
    }

    private void storeFeedUrl(long blogId, URI feedUrl, Platform platform, Instant now) {
        String url = feedUrl.toString();
        dao.setFeedUrl(blogId, url, HttpUrls.key(url).orElse(url), platform == null ? null : code(platform), now);
    }

    private void logFetch(long blogId, String purpose, FetchResult r, Integer itemsSeen, Integer newItems,
                          String problem) {
        String kind = r.failure() != null ? r.failure().code() : problem != null ? FailureKind.UNREADABLE.code() : null;
        String error = r.failure() != null ? r.message() : problem;
        dao.log(new CrawlLogEntry(blogId, clock.instant(), purpose, r.requestedUrl().toString(),
                r.status() == 0 ? null : r.status(), r.bytes(), r.duration().toMillis(), itemsSeen, newItems, kind,
                error));
    }

    private static Duration cacheFor(CacheHeaders cache, Instant now) {
        if (cache.maxAge() != null) return cache.maxAge();
        if (cache.expires() != null && cache.expires().isAfter(now)) return Duration.between(now, cache.expires());
        return null;
    }

    private static Instant oldest(List<FeedItem> items) {
        return items.stream().map(i -> i.published() != null ? i.published() : i.updated()).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    static String code(Platform p) {
        return p == null ? null : p.code();
    }

    private static String address(CrawlTarget t) {
        return t.feedUrl() != null ? t.feedUrl() : t.siteUrl();
    }

    static URI httpUri(String s) {
        return s == null ? null : HttpUrls.parseHttpUrl(s).orElse(null);
    }
}
