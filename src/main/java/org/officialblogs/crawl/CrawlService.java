package org.officialblogs.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.officialblogs.priority.Urgency;
import org.officialblogs.registry.HttpUrls;
import org.officialblogs.registry.ListingStatus;
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
            outcome = failed(target, null, FailureKind.INTERNAL_ERROR.code(),
                    "An unexpected error stopped this crawl; it has been logged for the site's operator.", false, null,
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

    /**
     * Fetches, reads and stores the first page, then pages through the history and checks comments. The first
     * page's body and posts are let go once stored: a long chain (a history of dozens of pages, each after the host
     * delay) keeps only what its next steps need, so thousands of blogs crawled at once do not hold thousands of
     * parsed pages.
     */
    private CrawlOutcome attempt(CrawlTarget target) {
        Instant now = clock.instant();
        FirstPage first = record(target, fetchAndRead(target), now);
        if (first.outcome() != null) return first.outcome();
        int newPosts = first.newPosts();
        if (first.history() != null) {
            newPosts += backfill(target.blogId(), first.feedUrl(), first.platform(), first.history(),
                    first.recentPosts(), now);
        }
        return succeeded(target, first.fetch(), first.feed(), first.feedUrl(), first.platform(), newPosts, now,
                CrawlOutcome.Result.FETCHED);
    }

    /**
     * What a crawl goes on with once its first page is stored: the outcome when it ends there (a failure, a 304),
     * otherwise the fetch without its body, the feed's facts without its posts, the posts that were new and where
     * the history goes on (null when it is already backfilled) and how many of the page's posts are young enough
     * to have their comments checked.
     */
    private record FirstPage(CrawlOutcome outcome, FetchResult fetch, URI feedUrl, Platform platform, FeedFacts feed,
                             int newPosts, HistoryStep history, int recentPosts) {

        static FirstPage ended(CrawlOutcome outcome) {
            return new FirstPage(outcome, null, null, null, null, 0, null, 0);
        }
    }

    /** What the crawl state keeps of a feed page. */
    private record FeedFacts(Integer ttlMinutes, String title, String format, int items) {

        static FeedFacts of(ParsedFeed feed) {
            return new FeedFacts(feed.ttlMinutes(), feed.title(), feed.format(), feed.items().size());
        }
    }

    /** Where the history goes on after a page: the page's oldest post and the page after it, if any. */
    private record HistoryStep(Instant oldest, Optional<NextPage> next) {}

    private HistoryStep historyAfter(URI pageUrl, Platform platform, ParsedFeed page) {
        return new HistoryStep(oldest(page.items()), paging.nextPage(pageUrl, platform, page));
    }

    /**
     * Fetches and reads the blog's feed, finding it first when only the site is known or the stored address serves
     * a web page. Writes nothing: every fetch it makes is in the attempt, for {@link #record} to store.
     */
    private FeedAttempt fetchAndRead(CrawlTarget target) {
        CrawlState st = target.state();
        List<FeedAttempt.Fetched> fetches = new ArrayList<>();
        FeedLocator.FetchLog discoveryLog = (purpose, r, feed, problem) -> fetches.add(new FeedAttempt.Fetched(
                clock.instant(), purpose, r, feed == null ? null : feed.items().size(), null, problem));
        URI feedUrl = httpUri(target.feedUrl());
        Platform platform = Platform.fromCode(target.platform());

        if (feedUrl == null) {
            URI site = httpUri(target.siteUrl());
            if (site == null) {
                return FeedAttempt.failed(null, FailureKind.INVALID_URL,
                        "The blog has no usable http(s) address: " + target.siteUrl(), false, fetches);
            }
            FeedLocator.Located found = locator.locate(site, settings.discoveryCandidates(), discoveryLog);
            return found.found() ? adopt(found, fetches)
                    : FeedAttempt.failed(found.fetch(), found.failure(), found.message(), false, fetches);
        }
        FetchResult fetch = fetcher.fetch(FetchRequest.feed(feedUrl, st.etag(), st.lastModified()));
        if (!fetch.ok()) {
            fetches.add(new FeedAttempt.Fetched(clock.instant(), "feed", fetch, null, null, null));
            return FeedAttempt.failed(fetch, fetch.failure(), fetch.message(), fetch.failure() == FailureKind.GONE,
                    fetches);
        }
        if (fetch.notModified()) {
            fetches.add(new FeedAttempt.Fetched(clock.instant(), "feed", fetch, null, 0, null));
            return FeedAttempt.notModified(fetch, feedUrl, platform, fetches);
        }
        FeedReadResult read = reader.read(fetch.body(), fetch.contentType(), fetch.finalUrl());
        if (read instanceof FeedReadResult.Success ok) {
            // logged when its posts are stored, with how many were new
            return FeedAttempt.read(fetch, feedUrl, platform, ok.feed(), false, fetches);
        }
        FeedReadResult.Failure bad = (FeedReadResult.Failure) read;
        fetches.add(new FeedAttempt.Fetched(clock.instant(), "feed", fetch, null, null, bad.message()));
        if (bad.kind().failureKind() != FailureKind.NOT_A_FEED) {
            return FeedAttempt.failed(fetch, bad.kind().failureKind(), bad.message(), false, fetches);
        }
        // the stored address serves a web page: look for the feed it links, once
        URI site = httpUri(target.siteUrl());
        FeedLocator.Located found = locator.fromPage(site != null ? site : feedUrl, fetch,
                settings.discoveryCandidates(), discoveryLog, List.of(feedUrl));
        return found.found() ? adopt(found, fetches) : FeedAttempt.failed(fetch, FailureKind.NOT_A_FEED,
                bad.message() + " " + found.message(), false, fetches);
    }

    /** The feed discovery found: read, and its address to be stored as the blog's. */
    private static FeedAttempt adopt(FeedLocator.Located found, List<FeedAttempt.Fetched> fetches) {
        return FeedAttempt.read(found.fetch(), found.feedUrl(), found.platform(), found.feed(), true, fetches);
    }

    /**
     * Stores what an attempt came to, in one place: the crawl log, a feed address found by discovery and the posts
     * of the first page; a failure's or a 304's state and schedule (and the registry status when the blog went or
     * came back) too, and the crawl ends there. Otherwise {@link #attempt} goes on with the history and then
     * {@link #succeeded} stores the state and checks the comments of recent posts.
     */
    private FirstPage record(CrawlTarget target, FeedAttempt attempt, Instant now) {
        long blogId = target.blogId();
        if (attempt.failed()) {
            return FirstPage.ended(dao.writeTogether(() -> {
                attempt.fetches().forEach(f -> logFetch(blogId, f));
                return failed(target, attempt.fetch(), attempt.failure().code(), attempt.message(), attempt.gone(),
                        attempt.retryAt(), now);
            }));
        }
        URI feedUrl = attempt.feedUrl();
        ParsedFeed feed = attempt.feed();
        Platform known = attempt.platform();
        Platform platform = feed == null || (known != null && known != Platform.OTHER) ? known
                : detector.detect(feedUrl, feed).platform();
        HistoryStep history = feed == null || target.state().backfillDone() ? null
                : historyAfter(feedUrl, platform, feed);
        int recent = feed == null ? 0 : recentPosts(feed.items(), now);
        if (feed != null) {
            // the first page tells what the crawl has left: its write and requests queue with that, not with the
            // first crawl's starting guess
            expectAfter(history, 1, recent, now);
        }
        // the fetches' log, the address found, the posts of the first page: one transaction
        int firstPage = dao.writeTogether(() -> {
            attempt.fetches().forEach(f -> logFetch(blogId, f));
            if (attempt.located()) {
                storeFeedUrl(blogId, feedUrl, known, now);
            }
            if (feed == null) return 0;
            dao.setPlatformIfUnknown(blogId, code(platform), now);
            int n = dao.upsertPosts(blogId, feed.items().stream().map(PostMapping::post).toList(), now);
            if (!attempt.located()) {
                logFetch(blogId, "feed", attempt.fetch(), feed.items().size(), n, null);
            }
            return n;
        });
        if (feed == null) {
            return FirstPage.ended(succeeded(target, attempt.fetch(), null, feedUrl, platform, 0, now,
                    CrawlOutcome.Result.NOT_MODIFIED));
        }
        return new FirstPage(null, attempt.fetch().withoutBody(), feedUrl, platform, FeedFacts.of(feed), firstPage,
                history, recent);
    }

    /** Most requests one crawl of a blog expects to make: the first page, a full history, every comment check. */
    int mostRequestsOfACrawl() {
        return 1 + settings.backfillMaxPages() + settings.commentChecksPerCrawl();
    }

    /**
     * Pages back through the history. Before each page the crawl's {@link Urgency} becomes the pages it still
     * expects (from how far back the pages so far reached) plus its comment checks, so the longest histories are
     * served first where requests queue.
     */
    private int backfill(long blogId, URI feedUrl, Platform platform, HistoryStep first, int recentPosts,
                         Instant now) {
        Instant horizon = now.minus(settings.backfillHorizon());
        HistoryStep step = first;
        Set<URI> visited = new HashSet<>(Set.of(feedUrl));
        int added = 0;
        int recent = recentPosts;
        for (int pages = 0; pages < settings.backfillMaxPages(); pages++) {
            if (step.oldest() != null && step.oldest().isBefore(horizon)) break;
            Optional<NextPage> next = step.next();
            if (next.isEmpty() || !visited.add(next.get().url())) break;
            expectAfter(step, pages + 1, recent, now);
            HistoryPage page = historyPage(blogId, next.get().url(), platform, now);
            if (page == null) break;
            added += page.newPosts();
            recent += page.recentPosts();
            if (page.newPosts() == 0) break; // a page of posts we already hold: the paging went round, or the history ended
            step = page.after();
        }
        return added;
    }

    /**
     * Sets the crawl's {@link Urgency} to what it expects to have left once {@code pagesRead} feed pages (the first
     * included) reached {@code step}: the history pages to the horizon, estimated from how far back those pages
     * reached, plus a comment check for each of the {@code recentPosts} they held that is young enough (at most a
     * crawl's checks). {@code step} is null when the blog is already backfilled.
     */
    private void expectAfter(HistoryStep step, int pagesRead, int recentPosts, Instant now) {
        int pagesLeft = step == null || step.next().isEmpty() ? 0 : CrawlOrder.historyPagesLeft(now, step.oldest(),
                now.minus(settings.backfillHorizon()), pagesRead, settings.backfillMaxPages() - (pagesRead - 1));
        Urgency.set(pagesLeft + Math.min(recentPosts, settings.commentChecksPerCrawl()));
    }

    private int recentPosts(List<FeedItem> items, Instant now) {
        return CrawlOrder.postsToCheck(items, now.minus(settings.measurementWindow()), now);
    }

    /**
     * A history page once stored: how many of its posts were new, where the history goes on, and how many of its
     * posts are young enough to have their comments checked.
     */
    private record HistoryPage(int newPosts, HistoryStep after, int recentPosts) {}

    /**
     * Fetches, reads and stores one page of the history; null when the history ends there (an error, WordPress's
     * 404 past its last page, an unreadable page), which the crawl log records. The page's body and posts go with
     * this call, before the next page's host delay.
     */
    private HistoryPage historyPage(long blogId, URI url, Platform platform, Instant now) {
        FetchResult r = fetcher.fetch(FetchRequest.feed(url, null, null));
        if (!r.ok() || r.notModified()) {
            // WordPress answers 404 past its last page: the usual end of a history
            logFetch(blogId, "history", r, null, null, null);
            return null;
        }
        FeedReadResult read = reader.read(r.body(), r.contentType(), r.finalUrl());
        if (read instanceof FeedReadResult.Failure bad) {
            logFetch(blogId, "history", r, null, null, bad.message());
            return null;
        }
        ParsedFeed p = ((FeedReadResult.Success) read).feed();
        int n = dao.writeTogether(() -> {
            int fresh = dao.upsertPosts(blogId, p.items().stream().map(PostMapping::post).toList(), now);
            logFetch(blogId, "history", r, p.items().size(), fresh, null);
            return fresh;
        });
        return new HistoryPage(n, historyAfter(url, platform, p), recentPosts(p.items(), now));
    }

    private CrawlOutcome succeeded(CrawlTarget target, FetchResult fetch, FeedFacts feed, URI feedUrl,
                                   Platform platform, int newPosts, Instant now, CrawlOutcome.Result result) {
        long blogId = target.blogId();
        CrawlState st = target.state();
        // a permanent move is followed only after the same target is seen on several crawls in a row
        String redirectTarget0 = null;
        int redirectCount0 = 0;
        Optional<URI> moved = fetch.permanentlyMovedTo().filter(u -> !u.equals(feedUrl));
        if (moved.isPresent()) {
            redirectTarget0 = moved.get().toString();
            redirectCount0 = redirectTarget0.equals(st.redirectTarget()) ? st.redirectCount() + 1 : 1;
        }
        boolean follow = moved.isPresent() && redirectCount0 >= settings.redirectConfirmations();
        if (follow) {
            log.info("crawl blog={} feed moved permanently {} -> {} (seen {} times)", blogId, feedUrl,
                    redirectTarget0, redirectCount0);
        }
        String redirectTarget = follow ? null : redirectTarget0;
        int redirectCount = follow ? 0 : redirectCount0;
        boolean backOnline = target.listingStatus() == ListingStatus.OFFLINE;
        dao.writeTogether(() -> {
            if (follow) {
                storeFeedUrl(blogId, moved.get(), null, now);
            }
            if (backOnline) {
                dao.setListingStatus(blogId, ListingStatus.ACTIVE, now);
            }
            Integer ttl = feed != null ? feed.ttlMinutes() : st.ttlMinutes();
            Instant next = CrawlSchedule.nextAfterSuccess(
                    dao.publishedSince(blogId, now.minus(CrawlSchedule.QUIET_AFTER)),
                    ttl == null ? null : Duration.ofMinutes(ttl), cacheFor(fetch.cache(), now), now, random);
            dao.saveState(new CrawlState(blogId, next, now, now, fetch.status(), fetch.etag(), fetch.lastModified(),
                    null, null, 0, null, false, true, redirectTarget, redirectCount, ttl,
                    feed != null ? feed.title() : st.feedTitle(), feed != null ? feed.format() : st.feedFormat(),
                    Duration.between(now, next).toSeconds(),
                    feed != null ? feed.items() : st.postsSeenLast()));
            return null;
        });
        Urgency.set(settings.commentChecksPerCrawl());
        int checks = comments.collect(blogId, platform, settings.commentChecksPerCrawl(),
                (r, seen, problem) -> logFetch(blogId, "comments", r, seen, null, problem));
        // a 304 changes the metrics' inputs only with comment checks, or when the blog comes back online or reachable
        return new CrawlOutcome(blogId, result, null, null, newPosts, checks, fetch.status() == 0 ? null : fetch.status(),
                result != CrawlOutcome.Result.NOT_MODIFIED || checks > 0 || backOnline || st.unreachable());
    }

    private CrawlOutcome failed(CrawlTarget target, FetchResult fetch, String kind, String message, boolean gone,
                                Instant retryAt, Instant now) {
        long blogId = target.blogId();
        CrawlState st = target.state();
        int failures = st.consecutiveFailures() + 1;
        Instant failingSince = st.failingSince() != null ? st.failingSince() : now;
        boolean goesOffline = gone && target.listingStatus() != ListingStatus.OFFLINE;
        if (goesOffline) {
            dao.setListingStatus(blogId, ListingStatus.OFFLINE, now);
        }
        boolean unreachable = CrawlSchedule.isUnreachable(failingSince, now);
        Instant next = CrawlSchedule.nextAfterFailure(failures, failingSince, gone, retryAt, now, random);
        Integer status = fetch == null || fetch.status() == 0 ? null : fetch.status();
        dao.saveState(new CrawlState(blogId, next, now, st.lastSuccessAt(), status, st.etag(), st.lastModified(), kind,
                message, failures, failingSince, unreachable, st.backfillDone(), st.redirectTarget(),
                st.redirectCount(), st.ttlMinutes(), st.feedTitle(), st.feedFormat(),
                Duration.between(now, next).toSeconds(), st.postsSeenLast()));
        return new CrawlOutcome(blogId, CrawlOutcome.Result.FAILED, kind, message, 0, 0, status,
                goesOffline || unreachable != st.unreachable());
    }

    private void storeFeedUrl(long blogId, URI feedUrl, Platform platform, Instant now) {
        String url = feedUrl.toString();
        dao.setFeedUrl(blogId, url, HttpUrls.key(url).orElse(url), platform == null ? null : code(platform), now);
    }

    private void logFetch(long blogId, String purpose, FetchResult r, Integer itemsSeen, Integer newItems,
                          String problem) {
        logFetch(blogId, new FeedAttempt.Fetched(clock.instant(), purpose, r, itemsSeen, newItems, problem));
    }

    private void logFetch(long blogId, FeedAttempt.Fetched f) {
        FetchResult r = f.fetch();
        String kind = r.failure() != null ? r.failure().code() : f.problem() != null ? FailureKind.UNREADABLE.code()
                : null;
        String error = r.failure() != null ? r.message() : f.problem();
        dao.log(new CrawlLogEntry(blogId, f.at(), f.purpose(), r.requestedUrl().toString(),
                r.status() == 0 ? null : r.status(), r.bytes(), r.duration().toMillis(), f.itemsSeen(), f.newItems(),
                kind, error));
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
