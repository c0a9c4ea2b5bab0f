package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.officialblogs.crawl.CommentDao;
import org.officialblogs.crawl.PostMapping;
import org.officialblogs.crawl.comments.Comment;
import org.officialblogs.crawl.comments.CommentPage;
import org.officialblogs.crawl.comments.HtmlCommentOptions;
import org.officialblogs.crawl.comments.HtmlCommentParser;
import org.officialblogs.crawl.comments.PostAuthor;
import org.officialblogs.crawl.comments.PostReplyFacts;
import org.officialblogs.crawl.comments.ReplyDetector;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.fetch.FailureKind;
import org.officialblogs.metrics.ActivePeriod;
import org.officialblogs.metrics.PeriodMetrics;
import org.officialblogs.registry.ActiveYears;
import org.officialblogs.registry.HttpUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a blog that ended from the web archive and keeps what it found: every capture read (the source of what came
 * from it), the posts merged across captures, the comments the archived post pages hold, what the captures cover
 * month by month, and the figures of the blog's own active period. A blog is read when its live feed failed for good
 * (gone, its name no longer resolves, unreachable for a month) or its registry entry says it ended; a moderator or
 * the command line can ask for any listed blog. Never throws for a failed read: the read's row says how it ended.
 *
 * <p>A read the archive stopped (it asked us to wait longer than a read waits) is kept as stopped, with what it
 * stored so far and when it may go on; the next pass reads the blog again from the start of its captures. Posts,
 * captures and comments are stored by their identity, so a repeated read adds what is new and doubles nothing.
 */
public final class ArchiveService implements org.officialblogs.crawl.BackgroundPass {

    private static final Logger log = LoggerFactory.getLogger(ArchiveService.class);
    /** Captures of a post page listed per query: the latest (most comments) is read. */
    private static final int PAGE_CAPTURES = 50;
    private static final Set<String> GONE_FOR_GOOD = Set.of(FailureKind.GONE.code(), FailureKind.DNS.code());

    /** Why a blog is read from the archive. */
    public enum Reason {
        GONE, UNREACHABLE, ENDED, REQUESTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How one read ended.
     *
     * @param state        done or stopped (the archive asked us to wait), or failed (the blog has no address)
     * @param postsFound   posts the captures listed
     * @param newPosts     of those, posts not stored before
     * @param postPages    archived post pages read for comments
     * @param comments     comments read from them
     * @param period       the active period's figures, or null when no post has a date
     * @param lowerBound   the captures leave stretches of the period unvouched for: counts may be short
     * @param message      in words, for people
     */
    public record Outcome(long blogId, String state, Reason reason, int capturesListed, int capturesRead,
                          int feedCaptures, int postsFound, int newPosts, int postPages, int comments,
                          PeriodMetrics period, boolean lowerBound, String message) {
    }

    private final ArchiveDao dao;
    private final CommentDao comments;
    private final ArchiveClient client;
    private final ArchiveHistoryReader reader;
    private final ActivePeriod periods;
    private final Clock clock;
    private final int postPagesPerRead;
    private final HtmlCommentParser pages = new HtmlCommentParser(HtmlCommentOptions.DEFAULTS);
    private final ReplyDetector detector = new ReplyDetector();

    /**
     * @param zone             the metrics' zone (weeks, months)
     * @param postPagesPerRead archived post pages read for comments per read (each costs a CDX query and a capture)
     */
    public ArchiveService(ArchiveDao dao, CommentDao comments, ArchiveClient client, ArchiveHistoryReader reader,
                          ZoneId zone, Clock clock, int postPagesPerRead) {
        this.dao = dao;
        this.comments = comments;
        this.client = client;
        this.reader = reader;
        this.periods = new ActivePeriod(zone);
        this.clock = clock;
        this.postPagesPerRead = postPagesPerRead;
    }

    /** Why the archive should be read for this blog, or empty when its live feed can still be read. Pure. */
    public static Optional<Reason> reason(ArchiveDao.Target t, int currentYear) {
        if (t.failureKind() != null && GONE_FOR_GOOD.contains(t.failureKind())) {
            return Optional.of(Reason.GONE);
        }
        if ("offline".equals(t.listingStatus())) {
            return Optional.of(Reason.GONE);
        }
        if (t.unreachable()) {
            return Optional.of(Reason.UNREACHABLE);
        }
        if (ActiveYears.parse(t.activeYears()).map(y -> y.endedBefore(currentYear)).orElse(false)) {
            return Optional.of(Reason.ENDED);
        }
        return Optional.empty();
    }

    /** Asks for a read of the blog on the next pass (a moderator's button); false when there is no such blog. */
    public boolean request(long blogId) {
        Optional<ArchiveDao.Target> target = dao.target(blogId);
        if (target.isEmpty()) {
            return false;
        }
        dao.request(blogId, Reason.REQUESTED.code(), clock.instant());
        return true;
    }

    /** Reads one blog now, whatever its state; empty when there is no such blog. */
    public Optional<Outcome> readNow(long blogId) {
        return dao.target(blogId).map(t -> read(t, reason(t, year()).orElse(Reason.REQUESTED)));
    }

    /** The scheduler's background pass: {@link #pass} with a line per blog read. */
    @Override
    public List<Read> run(int blogs) {
        return pass(blogs).stream().map(o -> new Read(o.blogId(), o.state() + " (" + o.postsFound() + " posts, "
                + o.newPosts() + " new)")).toList();
    }

    /**
     * A pass: reads up to {@code limit} blogs that were asked for, or that ended or went and were never read, or
     * whose stopped read may go on. A blog read once is read again only on request.
     */
    public List<Outcome> pass(int limit) {
        List<Outcome> done = new ArrayList<>();
        for (ArchiveDao.Target t : dao.candidates(clock.instant(), limit * 4 + 16)) {
            if (done.size() >= limit) {
                break;
            }
            Optional<Reason> reason = "requested".equals(t.readState()) ? Optional.of(Reason.REQUESTED)
                    : reason(t, year());
            if (reason.isEmpty()) {
                continue;
            }
            Outcome o = read(t, reason.get());
            done.add(o);
            if ("stopped".equals(o.state())) {
                break; // the archive asked us to wait: the rest waits too
            }
        }
        return done;
    }

    /**
     * Reads every listed blog that ended or went, read before or not ({@code crawl --archive --all}); stops at the
     * first read the archive stopped, since the others would be stopped too.
     */
    public List<Outcome> readEvery(int limit, java.util.function.Consumer<Outcome> each) {
        List<Outcome> done = new ArrayList<>();
        for (ArchiveDao.Target t : dao.all(Integer.MAX_VALUE)) {
            if (done.size() >= limit) {
                break;
            }
            Optional<Reason> reason = reason(t, year());
            if (reason.isEmpty()) {
                continue;
            }
            Outcome o = read(t, reason.get());
            done.add(o);
            each.accept(o);
            if ("stopped".equals(o.state())) {
                break;
            }
        }
        return done;
    }

    /** One line in words for the command line and logs. */
    public static String describe(Outcome o) {
        StringBuilder b = new StringBuilder("blog " + o.blogId() + ": ");
        b.append(switch (o.state()) {
            case "done" -> "read from the archive";
            case "stopped" -> "stopped (the archive asked us to wait)";
            default -> "not read";
        });
        b.append(", ").append(o.capturesListed()).append(" captures listed, ").append(o.feedCaptures())
                .append(" read as feeds, ").append(o.postsFound()).append(" posts (").append(o.newPosts())
                .append(" new), ").append(o.postPages()).append(" post pages with ").append(o.comments())
                .append(" comments");
        if (o.period() != null) {
            b.append(String.format(Locale.ROOT, "; active %s to %s, %.2f posts a week%s", o.period().firstDay(),
                    o.period().lastDay(), o.period().postsPerWeek(), o.lowerBound() ? " (at least)" : ""));
        }
        if (o.message() != null) {
            b.append(". ").append(o.message());
        }
        return b.toString();
    }

    /** The ended blogs measured from the archive, earliest period first (the public list). */
    public List<ArchiveDao.EndedBlog> endedBlogs() {
        return dao.endedBlogs();
    }

    private int year() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    Outcome read(ArchiveDao.Target t, Reason reason) {
        long blogId = t.blogId();
        Instant now = clock.instant();
        URI feed = HttpUrls.parseHttpUrl(t.feedUrl()).orElse(null);
        URI site = HttpUrls.parseHttpUrl(t.siteUrl()).orElse(null);
        if (feed == null && site == null) {
            dao.start(blogId, reason.code(), now);
            String message = "The blog has no usable web address to look up in the archive.";
            dao.finish(blogId, new ArchiveDao.Finished("failed", now, null, 0, 0, 0, 0, 0, false, message), null,
                    null);
            return new Outcome(blogId, "failed", reason, 0, 0, 0, 0, 0, 0, 0, null, true, message);
        }
        dao.start(blogId, reason.code(), now);
        Optional<ActiveYears> years = ActiveYears.parse(t.activeYears());
        ArchiveRequest request = new ArchiveRequest(feed, site, Platform.fromCode(t.platform()),
                years.map(ActiveYears::first).orElse(null), years.map(ActiveYears::last).orElse(null));
        ArchiveHistory history = reader.read(request);

        List<ArchiveDao.Document> documents = new ArrayList<>();
        for (ArchivedDocument d : history.documents()) {
            documents.add(new ArchiveDao.Document(d.source().timestamp(), d.source().capturedAt(),
                    d.source().original().toString(), d.source().archiveUrl().toString(), "feed",
                    d.duplicate() ? "duplicate" : d.readAsFeed() ? "read" : d.failure() != null
                            && d.failure().kind().name().startsWith("NOT_A") ? "not_read" : "failed",
                    d.feed() == null ? null : d.feed().items().size(),
                    d.failure() == null ? null : d.failure().message()));
        }
        Map<String, Long> ids = dao.saveDocuments(blogId, documents, now);
        List<ArchiveDao.ArchivedRow> rows = new ArrayList<>();
        for (ArchivedPost p : history.posts()) {
            Long first = ids.get(ArchiveDao.key(p.firstListedBy().timestamp(), p.firstListedBy().original().toString()));
            Long last = ids.get(ArchiveDao.key(p.lastListedBy().timestamp(), p.lastListedBy().original().toString()));
            rows.add(new ArchiveDao.ArchivedRow(PostMapping.post(p.item()), p.firstListedBy().capturedAt(),
                    p.lastListedBy().capturedAt(), first, last));
        }
        int newPosts = dao.upsertPosts(blogId, rows);

        ArchiveFailure stop = history.stoppedBy();
        int pagesRead = 0;
        int commentsRead = 0;
        if (stop == null) {
            for (ArchiveDao.PostPage page : dao.postPagesToRead(blogId, postPagesPerRead)) {
                PageRead read = readPostPage(blogId, page, request);
                if (read.stop() != null) {
                    stop = read.stop();
                    break;
                }
                if (read.read()) {
                    pagesRead++;
                    commentsRead += read.comments();
                }
            }
        }

        PeriodMetrics period = periods.measure(dao.published(blogId), dao.replies(blogId)).orElse(null);
        ArchiveCoverage coverage = history.coverage();
        dao.saveCoverage(blogId, coverage.months());
        String state = stop != null ? "stopped" : "done";
        String message = stop != null ? "The archive asked us to wait; the read goes on later. " + stop.message()
                : history.listed().isEmpty() ? "The archive holds no capture of this blog's feeds."
                : history.posts().isEmpty() ? "The archive's captures of this blog's feeds list no post." : null;
        int feeds = history.feeds().size();
        dao.finish(blogId, new ArchiveDao.Finished(state, clock.instant(), stop == null ? null : stop.retryAt(),
                history.listed().size(), (int) history.documents().stream().filter(d -> !d.duplicate()).count(),
                feeds, pagesRead, history.posts().size(), history.complete() && stop == null, message), period,
                coverage);
        log.info("archive blog={} reason={} state={} listed={} feeds={} posts={} new={} pages={} comments={}",
                blogId, reason.code(), state, history.listed().size(), feeds, history.posts().size(), newPosts,
                pagesRead, commentsRead);
        return new Outcome(blogId, state, reason, history.listed().size(), documents.size(), feeds,
                history.posts().size(), newPosts, pagesRead, commentsRead, period, coverage.figuresAreLowerBounds(),
                message);
    }

    private record PageRead(boolean read, int comments, ArchiveFailure stop) {
    }

    /** The latest capture of the post's page, read with the live crawler's comment parsers. */
    private PageRead readPostPage(long blogId, ArchiveDao.PostPage page, ArchiveRequest request) {
        URI url = HttpUrls.parseHttpUrl(page.url()).orElse(null);
        if (url == null) {
            return new PageRead(false, 0, null);
        }
        String from = request.fromYear() == null ? null : request.fromYear().toString();
        String to = request.toYear() == null ? null : Integer.toString(request.toYear() + 1);
        CdxListing listing = client.list(CdxQuery.readableCaptures(url, MatchType.EXACT, from, to, PAGE_CAPTURES));
        if (listing.failure() != null && listing.failure().stopsTheRead()) {
            return new PageRead(false, 0, listing.failure());
        }
        Optional<CdxCapture> latest = listing.captures().stream()
                .filter(c -> c.status() == null || c.status() == 200)
                .max(Comparator.comparing(CdxCapture::capturedAt));
        if (latest.isEmpty()) {
            return new PageRead(false, 0, null);
        }
        CaptureFetch fetched = client.fetch(latest.get());
        CaptureSource source = CaptureSource.of(fetched.capture(), client.settings().endpoint());
        if (!fetched.ok()) {
            dao.saveDocuments(blogId, List.of(document(source, "failed", null, fetched.failure().message())),
                    clock.instant());
            return new PageRead(false, 0, fetched.failure().stopsTheRead() ? fetched.failure() : null);
        }
        CommentPage read = pages.parse(fetched.body(), charset(fetched.contentType()), source.original().toString());
        if (!read.readable()) {
            dao.saveDocuments(blogId, List.of(document(source, "not_read", null, read.failure().message())),
                    clock.instant());
            return new PageRead(false, 0, null);
        }
        long documentId = dao.saveDocuments(blogId, List.of(document(source, "read", read.comments().size(), null)),
                clock.instant()).values().iterator().next();
        PostAuthor author = read.pageAuthor().isUnknown() && page.authorName() != null
                ? PostAuthor.named(page.authorName()) : read.pageAuthor();
        List<Comment> decided = detector.decide(read.comments(), author, comments.aliases(blogId));
        // the conversation is over: the post is judged as of the capture, whatever its age then
        PostReplyFacts facts = PostReplyFacts.compute(decided, read.commentsState(), page.published(),
                Clock.fixed(source.capturedAt(), ZoneOffset.UTC), java.time.Duration.ZERO);
        comments.save(page.postId(), decided, Map.of(), facts, new CommentDao.CheckResult(read.source().code(),
                read.commentsState(), page.reportedComments(), read.truncated(), source.capturedAt(), null, null,
                null, null, null));
        dao.setCommentSource(page.postId(), documentId);
        return new PageRead(true, decided.size(), null);
    }

    private static ArchiveDao.Document document(CaptureSource source, String outcome, Integer items, String message) {
        return new ArchiveDao.Document(source.timestamp(), source.capturedAt(), source.original().toString(),
                source.archiveUrl().toString(), "post_page", outcome, items, message);
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }
}
