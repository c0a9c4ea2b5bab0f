package org.officialblogs.crawl;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.officialblogs.crawl.comments.AuthorshipSignal;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.RepliesMeasurable;
import org.officialblogs.crawl.comments.api.ApiAnswer;
import org.officialblogs.crawl.comments.api.ApiReading;
import org.officialblogs.crawl.comments.api.ApiReadings;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.CommentApi;
import org.officialblogs.crawl.comments.detect.CommentSystemDetection;
import org.officialblogs.crawl.comments.detect.CommentSystemDetector;
import org.officialblogs.crawl.comments.wordpress.WordPressRestSite;
import org.officialblogs.crawl.read.ReadFailure;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.crawl.comments.BloggerCommentPaging;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentFeedParser;
import org.officialblogs.crawl.comments.CommentFetchPolicy;
import org.officialblogs.crawl.comments.CommentHistory;
import org.officialblogs.crawl.comments.CommentKey;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.CommentSourceKind;
import org.officialblogs.crawl.comments.HtmlCommentOptions;
import org.officialblogs.crawl.comments.HtmlCommentParser;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostReplyFacts;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.crawl.fetch.FetchRequest;
import org.officialblogs.crawl.fetch.FetchResult;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.metrics.CommentsState;
import org.officialblogs.priority.Urgency;

/**
 * Reads the comments of a blog's recent posts, keeps every comment ever seen, decides which are the official's,
 * and stores each post's reply facts.
 *
 * <p>Sources, best first: the post's comment feed ({@code wfw:commentRss}, Atom {@code rel="replies"}, Blogger's
 * per-post feed) read with a conditional GET on every check; and the post's page, read on the first check (and
 * whenever there is no feed), because only the page carries the platform's author flags ({@code bypostauthor},
 * {@code blog-author}) and shows whether comments are open. Fresh posts are checked more often than older ones
 * ({@link CommentFetchPolicy}); a post leaves the window after the measurement period.
 */
public final class CommentCollector {

    /** Platforms whose pages carry no comments we can read (none, or a script-rendered widget). */
    private static final Set<Platform> NO_PAGE_COMMENTS = Set.of(Platform.MEDIUM, Platform.SUBSTACK, Platform.GHOST,
            Platform.TUMBLR, Platform.SQUARESPACE, Platform.HUGO, Platform.JEKYLL);

    private final CommentDao dao;
    private final Fetcher fetcher;
    private final CommentFeedParser feedParser = new CommentFeedParser();
    private final HtmlCommentParser pageParser = new HtmlCommentParser(HtmlCommentOptions.DEFAULTS);
    private final ReplyDetector detector = new ReplyDetector();
    private final CommentSystemDetector systemDetector = new CommentSystemDetector();
    /** Requests one post's comment reading may make (pages of comments, replies, the post itself). */
    private final int maxApiRequests = 20;
    private final CommentFetchPolicy policy;
    private final Clock clock;

    public CommentCollector(CommentDao dao, Fetcher fetcher, CommentFetchPolicy policy, Clock clock) {
        this.dao = dao;
        this.fetcher = fetcher;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the collector needs to say about each fetch (for the crawl log). */
    @FunctionalInterface
    public interface Log {
        void fetched(FetchResult fetch, int commentsSeen, String problem);
    }

    /**
     * Checks the comments of up to {@code limit} due posts of the blog.
     *
     * @return the number of posts checked
     */
    public int collect(long blogId, Platform platform, int limit, Log log) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(policy.measurementWindow());
        List<CommentDao.PostToCheck> due = dao.duePosts(blogId, windowStart, now, limit);
        List<String> aliases = dao.aliases(blogId);
        BlogCommentSystem system = dao.commentSystem(blogId).orElse(null);
        for (int i = 0; i < due.size(); i++) {
            Urgency.set(due.size() - i); // the checks this crawl has left, for queues that serve the most first
            system = check(blogId, due.get(i), platform, system, aliases, now, log);
        }
        redecide(blogId, windowStart, aliases, due.stream().map(CommentDao.PostToCheck::postId).collect(
                java.util.stream.Collectors.toSet()));
        return due.size();
    }

    /**
     * Applies the blog's current aliases to the comments already stored (a moderator may have added or removed
     * one since): only decisions by alias, or comments that nothing linked to the official, can change, so the
     * stronger signals read from pages (flags, account ids) stand as they were decided.
     */
    private void redecide(long blogId, Instant windowStart, List<String> aliases, Set<Long> justChecked) {
        for (CommentDao.PostToCheck post : dao.commentedPosts(blogId, windowStart)) {
            if (justChecked.contains(post.postId())) continue;
            List<Comment> stored = CommentDao.commentsOf(dao.comments(post.postId()));
            List<Comment> fresh = detector.decide(stored, author(post, null), aliases);
            List<Comment> decided = new ArrayList<>(stored.size());
            boolean changed = false;
            for (int i = 0; i < stored.size(); i++) {
                Comment was = stored.get(i);
                Comment now = fresh.get(i);
                boolean mayChange = was.decidedBy() == AuthorshipSignal.ALIAS || was.decidedBy() == AuthorshipSignal.NO_MATCH;
                Comment keep = mayChange ? now : was;
                changed |= keep.decidedBy() != was.decidedBy();
                decided.add(keep);
            }
            if (!changed) continue;
            CommentsState state = CommentsState.fromCode(post.commentsState());
            dao.saveDecisions(post.postId(), decided, PostReplyFacts.compute(decided, state, post.published(), clock));
        }
    }

    /**
     * What one check read of a post's comments, from every source it tried.
     *
     * @param seen       the comments read (before merging with those stored)
     * @param state      whether comments are open, as the page showed it
     * @param pageAuthor the post's author as the page or feed states it; null when nothing was read
     * @param sources    the sources read, page first ({@code html_wordpress+wordpress_rss_feed})
     * @param etag       the comment feed's validators to send next time
     * @param problems   what could not be read, for the post's check record
     */
    private record CheckRead(List<Comment> seen, CommentsState state, PostAuthor pageAuthor, boolean truncated,
                             List<String> sources, String etag, String lastModified, List<String> problems) {

        /** A check that read no source: nothing seen, comments in {@code state}. */
        static CheckRead nothing(CommentsState state, String source) {
            return new CheckRead(List.of(), state, null, false, List.of(source), null, null, List.of());
        }

        String source() {
            return String.join("+", sources);
        }

        String problem() {
            return problems.isEmpty() ? null : String.join("; ", problems);
        }
    }

    /**
     * Checks one post. The first check of a blog examines a post page for where its comments live (platform
     * markers, embedded comment services) and stores it; later checks go straight to that source: a comment API,
     * the page and comment feeds, or nothing at all for a service whose replies cannot be measured.
     *
     * @return the blog's comment system as it stands after this check, or null while none is known
     */
    private BlogCommentSystem check(long blogId, CommentDao.PostToCheck post, Platform platform,
                                    BlogCommentSystem system, List<String> aliases, Instant now, Log log) {
        Instant next = policy.nextFetch(post.published(), now, clock).orElse(null);
        boolean anySignal = post.commentsUrl() != null || post.commentFeedUrl() != null || post.repliesUrl() != null
                || post.reportedComments() != null;
        URI page = uri(post.url());
        if (!anySignal && platform == Platform.WORDPRESS && (system == null
                || system.service() == CommentService.PAGE_MARKUP)) {
            // WordPress prints no comment elements at all when a post's comments are closed and it has none.
            save(post, CheckRead.nothing(CommentsState.CLOSED, "feed"), now, next, aliases);
            return system;
        }
        FetchResult pageFetch = null;
        PostRef detected = null;
        if (system == null && page != null) {
            pageFetch = fetcher.fetch(FetchRequest.page(page));
            if (pageFetch.ok() && !pageFetch.notModified()) {
                CommentSystemDetection d = systemDetector.detect(pageFetch.body(), charset(pageFetch.contentType()),
                        pageFetch.finalUrl());
                detected = d.post();
                system = PlatformComments.fromDetection(blogId, d, platform, now).orElse(null);
                if (system != null) {
                    dao.saveCommentSystem(system);
                }
            }
        }
        if (system != null && system.service().reach() != CommentService.Reach.READABLE) {
            // Medium, Disqus, Facebook, Hyvor: the replies are not measured, which is not the same as none
            if (pageFetch != null) log.fetched(pageFetch, 0, null);
            save(post, CheckRead.nothing(CommentsState.UNKNOWN, system.service().name().toLowerCase(Locale.ROOT)),
                    now, null, aliases);
            return system.withMeasurable(system.measurable(), now);
        }
        if (system != null && system.service() != CommentService.PAGE_MARKUP) {
            if (pageFetch != null) log.fetched(pageFetch, 0, null);
            return checkApi(blogId, post, platform, system, system.system(), detected, aliases, now, next, log);
        }
        return checkPages(blogId, post, platform, system, pageFetch, detected, aliases, now, next, log);
    }

    /** Reads one post's comments from the blog's comment API and records how that went, for the post and the blog. */
    private BlogCommentSystem checkApi(long blogId, CommentDao.PostToCheck post, Platform platform,
                                       BlogCommentSystem system, CommentSystem source, PostRef detected,
                                       List<String> aliases, Instant now, Instant next, Log log) {
        PostRef ref = PlatformComments.postRef(post, platform, detected);
        Optional<CommentApi> api = source.forPost(ref);
        String code = system.service().name().toLowerCase(Locale.ROOT);
        if (api.isEmpty()) {
            dao.saveFailure(post.postId(), code, now, null, "not_found",
                    "The page does not give what " + source.service().displayName()
                            + " needs to find this post's comments.");
            return stored(system);
        }
        if (api.get().start().next().map(r -> !r.isGet()).orElse(false)) {
            // Commento's public endpoint lists comments only in answer to a POST; the Fetcher sends GETs
            String why = source.service().displayName() + " lists comments only in answer to a POST request,"
                    + " which the crawler does not send.";
            dao.saveFailure(post.postId(), code, now, null, "client_error", why);
            return stored(system.withMeasurable(new RepliesMeasurable(RepliesMeasurable.Verdict.NOT_READABLE,
                    source.service(), "POST only: " + why), now));
        }
        ApiReading reading = ApiReadings.run(api.get(), request -> apiAnswer(request, log), maxApiRequests);
        RepliesMeasurable verdict = system.measurable().after(reading.failure());
        if (reading.failure() != null && reading.failure().kind() == ReadFailureKind.PAID_ONLY
                && system.workingSource() != null) {
            // one post for paying subscribers: that post is not readable, the blog's other posts still are
            verdict = system.measurable();
        }
        if (reading.failure() != null) {
            ReadFailure failure = reading.failure();
            // a refusal stays a refusal until someone changes something: the post is not asked again
            Instant retry = failure.kind().refusal() ? null : reading.retryAt() != null ? reading.retryAt() : next;
            dao.saveFailure(post.postId(), reading.source().code(), now, retry, failure.kind().name().toLowerCase(Locale.ROOT),
                    failure.message());
            return stored(system.withMeasurable(verdict, now));
        }
        return checkApiRead(post, system.withMeasurable(verdict, now), reading, aliases, now, next);
    }

    /** Saves a post's comments read from an API, and the blog's source as working. */
    private BlogCommentSystem checkApiRead(CommentDao.PostToCheck post, BlogCommentSystem system, ApiReading reading,
                                           List<String> aliases, Instant now, Instant next) {
        PostAuthor author = reading.postAuthor();
        if (author.name() == null && post.authorName() != null) {
            author = new PostAuthor(post.authorName(), author.profileUrl(), author.userId());
        }
        List<String> problems = new ArrayList<>(reading.notes());
        if (reading.hidden() > 0) {
            problems.add(reading.hidden() + " comment" + (reading.hidden() == 1 ? "" : "s")
                    + " held back from the public by the service");
        }
        List<Comment> decided = save(post, new CheckRead(reading.comments(), reading.commentsState(), author,
                reading.truncated(), List.of(reading.source().code()), null, null, problems), now, next, aliases);
        BlogCommentSystem after = system.withMeasurable(system.measurable().after(null), now)
                .withWorkingSource(reading.source().code(), now);
        return stored(PlatformComments.withSignal(after, decided, author));
    }

    private BlogCommentSystem stored(BlogCommentSystem system) {
        dao.saveCommentSystem(system);
        return system;
    }

    /**
     * The answer to one API request through the crawler's Fetcher. robots.txt is obeyed on every comment API
     * except GitHub's REST API, a documented query API with its own rate limit (see docs/crawling.md).
     */
    private ApiAnswer apiAnswer(ApiRequest request, Log log) {
        if (!request.isGet()) {
            return new ApiAnswer(405, null, null, FailureKind.HTTP_4XX,
                    "the service lists comments only in answer to a POST request, which the crawler does not send",
                    null);
        }
        FetchRequest fetch = request.toFetchRequest();
        if ("api.github.com".equalsIgnoreCase(request.url().getHost())) {
            fetch = FetchRequest.api(request.url(), ApiRequest.JSON_ACCEPT);
        }
        FetchResult r = fetcher.fetch(fetch);
        log.fetched(r, 0, null);
        return ApiAnswer.of(r);
    }

    /** Reads one post's comments from its comment feed and its page, and the WordPress REST API when they show no authorship. */
    private BlogCommentSystem checkPages(long blogId, CommentDao.PostToCheck post, Platform platform,
                                         BlogCommentSystem system, FetchResult pageFetch, PostRef detected,
                                         List<String> aliases, Instant now, Instant next, Log log) {
        URI feed = uri(post.commentFeedUrl() != null ? post.commentFeedUrl() : post.repliesUrl());
        URI page = uri(post.url());
        boolean readPage = page != null && !NO_PAGE_COMMENTS.contains(platform)
                && (post.checkedAt() == null || feed == null || pageFetch != null);
        if (feed == null && !readPage) {
            // nothing to read: comments are not collected for this post (state unknown), and no check is planned
            if (pageFetch != null) log.fetched(pageFetch, 0, null);
            save(post, CheckRead.nothing(CommentsState.UNKNOWN, "none"), now, null, aliases);
            return system;
        }
        boolean pageRead = false;

        List<Comment> seen = new ArrayList<>();
        CommentsState state = CommentsState.UNKNOWN;
        PostAuthor pageAuthor = PostAuthor.UNKNOWN;
        boolean truncated = false;
        List<String> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String etag = post.etag();
        String lastModified = post.lastModified();
        boolean anyRead = false;
        boolean pageGone = false;

        if (feed != null) {
            CommentSourceKind kind = feedKind(platform, post, feed);
            URI url = kind == CommentSourceKind.BLOGGER_FEED
                    ? BloggerCommentPaging.pageUrl(feed, 1, BloggerCommentPaging.LARGEST_MAX_RESULTS) : feed;
            FetchResult r = fetcher.fetch(FetchRequest.feed(url, post.etag(), post.lastModified()));
            if (r.ok() && r.notModified()) {
                log.fetched(r, 0, null);
                anyRead = true;
                sources.add(kind.code());
            } else if (r.ok()) {
                CommentPage read = feedParser.parse(r.body(), kind);
                log.fetched(r, read.comments().size(), read.readable() ? null : read.failure().toString());
                if (read.readable()) {
                    anyRead = true;
                    etag = r.etag();
                    lastModified = r.lastModified();
                    sources.add(read.source().code());
                    seen.addAll(read.comments());
                    truncated |= read.truncated();
                    if (!read.pageAuthor().isUnknown()) pageAuthor = read.pageAuthor();
                } else {
                    problems.add("comment feed: " + read.failure());
                }
            } else {
                log.fetched(r, 0, null);
                problems.add("comment feed " + r.failure().code() + ": " + r.message());
                // a comment feed that is gone: read the page instead this time
                readPage |= page != null && !NO_PAGE_COMMENTS.contains(platform);
            }
        }
        if (readPage) {
            FetchResult r = pageFetch != null ? pageFetch : fetcher.fetch(FetchRequest.page(page));
            if (r.ok() && !r.notModified()) {
                CommentPage read = pageParser.parse(r.body(), charset(r.contentType()), r.finalUrl().toString());
                log.fetched(r, read.comments().size(), read.readable() ? null : read.failure().toString());
                if (read.readable()) {
                    anyRead = true;
                    pageRead = true;
                    sources.add(0, read.source().code());
                    seen.addAll(read.comments());
                    truncated |= read.truncated();
                    state = read.commentsState();
                    if (!read.pageAuthor().isUnknown()) pageAuthor = read.pageAuthor();
                } else {
                    problems.add("page: " + read.failure());
                }
            } else {
                log.fetched(r, 0, null);
                if (!r.ok()) problems.add("page " + r.failure().code() + ": " + r.message());
                pageGone = !r.ok() && (r.status() == 404 || r.status() == 410
                        || r.failure() == FailureKind.ROBOTS_DISALLOWED);
            }
        }
        if (!anyRead) {
            // a post whose only source is its page, and the page is gone or refused: do not ask again
            Instant retry = feed == null && pageGone ? null : next;
            dao.saveFailure(post.postId(), String.join("+", sources), now, retry, "unreadable",
                    String.join("; ", problems));
            return system;
        }
        if (pageRead && !seen.isEmpty() && PlatformComments.noAuthorship(seen) && system != null
                && system.settings().containsKey(PlatformComments.WORDPRESS_REST_ROOT)) {
            // the page and feeds show comments but nothing says who wrote them: the REST API gives account ids
            WordPressRestSite rest = new WordPressRestSite(URI.create(
                    system.settings().get(PlatformComments.WORDPRESS_REST_ROOT)), system.serviceEvidence());
            PostRef ref = PlatformComments.postRef(post, platform, detected);
            Optional<CommentApi> api = rest.forPost(ref);
            if (api.isPresent()) {
                ApiReading reading = ApiReadings.run(api.get(), request -> apiAnswer(request, log), maxApiRequests);
                if (reading.failure() == null) {
                    BlogCommentSystem switched = system.switchedTo(rest, now);
                    return checkApiRead(post, switched, reading, aliases, now, next);
                }
            }
        }
        if (feed == null && seen.isEmpty() && state == CommentsState.UNKNOWN && post.commentsState() == null) {
            // the page shows neither comments nor a comment form we know: checking it again would only cost the
            // site requests; the post's comments stay unknown
            next = null;
        }
        if (state == CommentsState.UNKNOWN && post.commentsState() != null) {
            state = CommentsState.fromCode(post.commentsState());
        }
        List<Comment> decided = save(post, new CheckRead(seen, state, pageAuthor, truncated, sources, etag,
                lastModified, problems), now, next, aliases);
        if (system != null && pageRead) {
            return stored(PlatformComments.withSignal(system.withMeasurable(system.measurable(), now)
                    .withWorkingSource(sources.get(0), now), decided, author(post, pageAuthor)));
        }
        return system;
    }

    private List<Comment> save(CommentDao.PostToCheck post, CheckRead read, Instant now, Instant next,
                               List<String> aliases) {
        List<CommentDao.StoredComment> stored = dao.comments(post.postId());
        Map<CommentKey, Instant> firstSeen = CommentDao.firstSeen(stored);
        List<Comment> merged = CommentHistory.merge(CommentDao.commentsOf(stored), read.seen());
        List<Comment> decided = detector.decide(merged, author(post, read.pageAuthor()), aliases);
        PostReplyFacts facts = PostReplyFacts.compute(decided, read.state(), post.published(), clock);
        String problem = read.problem();
        dao.save(post.postId(), decided, firstSeen, facts, new CommentDao.CheckResult(read.source(), read.state(),
                post.reportedComments(), read.truncated(), now, next, read.etag(), read.lastModified(),
                problem == null ? null : "partial", problem));
        return decided;
    }

    /** The post's author: what the page itself states (account id, profile) completed by the feed's author. */
    private static PostAuthor author(CommentDao.PostToCheck post, PostAuthor fromPage) {
        PostAuthor a = fromPage == null || fromPage.isUnknown()
                ? (post.authorName() == null ? PostAuthor.UNKNOWN : PostAuthor.named(post.authorName())) : fromPage;
        if (a.name() == null && post.authorName() != null) {
            a = new PostAuthor(post.authorName(), a.profileUrl(), a.userId());
        }
        if (a.profileUrl() == null && post.authorUri() != null) a = a.withProfileUrl(post.authorUri());
        return a;
    }

    private static CommentSourceKind feedKind(Platform platform, CommentDao.PostToCheck post, URI feed) {
        String path = feed.getPath() == null ? "" : feed.getPath();
        if (platform == Platform.BLOGGER || path.contains("/comments/default")) return CommentSourceKind.BLOGGER_FEED;
        if (post.commentFeedUrl() != null) return CommentSourceKind.WORDPRESS_RSS_FEED;
        return CommentSourceKind.WORDPRESS_ATOM_FEED;
    }

    private static String charset(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalArgumentException e) {
                    return null; // an illegal charset name: let the page's own meta tag decide
                }
            }
        }
        return null;
    }

    private static URI uri(String s) {
        if (s == null) return null;
        try {
            URI u = URI.create(s);
            return u.isAbsolute() ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
