package org.officialblogs.web.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officialblogs.crawl.CrawlDao;
import org.officialblogs.crawl.CrawlLogEntry;
import org.officialblogs.crawl.archive.ArchiveDao;
import org.officialblogs.db.ReadSnapshot;
import org.officialblogs.metrics.StoredMetrics;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.RegistryDao;
import org.officialblogs.registry.Source;

/** Gathers everything an official's public page shows: registry entry, and per blog its metrics and evidence. */
public final class ProfileQuery {

    /** Recent posts shown per blog. */
    public static final int RECENT_POSTS = 10;
    /** Comments explained per post. */
    public static final int COMMENTS_PER_POST = 30;
    /** Replied posts in the reply-delay chart. */
    public static final int REPLY_DELAYS = 26;
    /** Days of rank history. */
    public static final int HISTORY_DAYS = 60;
    /** Crawl log lines. */
    public static final int CRAWL_LOG_LINES = 10;
    /** The web archive's captures linked per blog whose archived period is known. */
    public static final int ARCHIVE_CAPTURES = 12;

    /**
     * One blog of the official with its evidence.
     *
     * @param metrics the stored metrics (empty until the first recompute)
     * @param crawlState the crawler's schedule and health (empty for a blog never scheduled)
     * @param crawlLog the latest fetches, newest first
     * @param history daily snapshots, newest first
     * @param recentPosts newest posts first
     * @param decisions per post id, how its comments' authorship was decided
     * @param replyDelays the newest replied posts of the last year, newest first
     * @param sources the public pages that back this blog's entry
     * @param archived the web archive's read of the blog, only when it found dated posts (an active period)
     * @param captures the newest captures that read, newest first (none without {@code archived})
     */
    public record BlogProfile(Blog blog, Optional<StoredMetrics> metrics,
                              Optional<org.officialblogs.crawl.CrawlState> crawlState, List<CrawlLogEntry> crawlLog,
                              List<MetricsReadDao.Snapshot> history, List<ActivityDao.PublicPost> recentPosts,
                              Map<Long, List<ActivityDao.CommentDecision>> decisions,
                              List<ActivityDao.ReplyDelay> replyDelays, List<Source> sources,
                              Optional<ArchiveDao.StoredRead> archived, List<ArchiveDao.Document> captures) {}

    /** The official, their blogs, and the sources that back the official as a whole. */
    public record OfficialProfile(Official official, List<BlogProfile> blogs, List<Source> generalSources) {}

    private final ReadSnapshot snapshot;
    private final RegistryDao registry;
    private final CrawlDao crawl;
    private final MetricsReadDao metrics;
    private final ActivityDao activity;
    private final ArchiveDao archive;

    /** @param snapshot the DAOs' database's: the page's queries share one of its connections and one read transaction */
    public ProfileQuery(ReadSnapshot snapshot, RegistryDao registry, CrawlDao crawl, MetricsReadDao metrics,
                        ActivityDao activity, ArchiveDao archive) {
        this.snapshot = snapshot;
        this.registry = registry;
        this.crawl = crawl;
        this.metrics = metrics;
        this.activity = activity;
        this.archive = archive;
    }

    /**
     * The official's page data as of {@code now}; empty for an unknown official. One query per kind of data for
     * all the official's blogs (the archive's, per blog), on one connection (the DAOs' calls inside reuse the open handle), in one read
     * transaction: the page shows one state of the data.
     */
    public Optional<OfficialProfile> find(long officialId, Instant now) {
        return snapshot.read(h -> read(officialId, now));
    }

    private Optional<OfficialProfile> read(long officialId, Instant now) {
        Optional<Official> official = registry.officialById(officialId);
        if (official.isEmpty()) {
            return Optional.empty();
        }
        List<Source> sources = registry.sourcesOf(officialId);
        Map<Long, StoredMetrics> stored = metrics.metricsOfOfficial(officialId);
        List<Blog> listed = registry.blogsOf(officialId).stream().filter(b -> b.status().isListed()).toList();
        List<Long> ids = listed.stream().map(Blog::id).toList();
        Map<Long, List<ActivityDao.PublicPost>> posts = activity.postsOfBlogs(ids, now, RECENT_POSTS);
        Map<Long, org.officialblogs.crawl.CrawlState> states = crawl.states(ids);
        Map<Long, List<CrawlLogEntry>> logs = crawl.recentLogs(ids, CRAWL_LOG_LINES);
        Map<Long, List<MetricsReadDao.Snapshot>> histories = metrics.histories(ids, HISTORY_DAYS);
        Map<Long, List<ActivityDao.ReplyDelay>> delays = activity.replyDelays(ids, now.minus(Duration.ofDays(365)),
                REPLY_DELAYS);
        List<Long> postIds = posts.values().stream().flatMap(List::stream).map(ActivityDao.PublicPost::postId).toList();
        Map<Long, List<ActivityDao.CommentDecision>> decisions = activity.decisions(postIds, COMMENTS_PER_POST);
        List<BlogProfile> blogs = new ArrayList<>();
        for (Blog blog : listed) {
            List<ActivityDao.PublicPost> blogPosts = posts.getOrDefault(blog.id(), List.of());
            java.util.Set<Long> ofBlog = new java.util.HashSet<>();
            for (ActivityDao.PublicPost p : blogPosts) ofBlog.add(p.postId());
            // in the DAO's order (by post), as when each blog's were read apart
            Map<Long, List<ActivityDao.CommentDecision>> blogDecisions = new java.util.LinkedHashMap<>();
            decisions.forEach((post, d) -> {
                if (ofBlog.contains(post)) blogDecisions.put(post, d);
            });
            Optional<ArchiveDao.StoredRead> archived = archive.read(blog.id())
                    .filter(r -> r.firstPostAt() != null && r.lastPostAt() != null && r.postsPerWeek() != null);
            blogs.add(new BlogProfile(blog, Optional.ofNullable(stored.get(blog.id())),
                    Optional.ofNullable(states.get(blog.id())), logs.getOrDefault(blog.id(), List.of()),
                    histories.getOrDefault(blog.id(), List.of()), blogPosts, blogDecisions,
                    delays.getOrDefault(blog.id(), List.of()),
                    sources.stream().filter(s -> s.blogId() != null && s.blogId() == blog.id()).toList(), archived,
                    archived.isEmpty() ? List.of() : archive.documents(blog.id(), ARCHIVE_CAPTURES)));
        }
        return Optional.of(new OfficialProfile(official.get(), blogs,
                sources.stream().filter(s -> s.blogId() == null).toList()));
    }
}
