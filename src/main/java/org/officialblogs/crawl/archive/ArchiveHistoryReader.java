package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.crawl.feed.FeedItem;
import org.officialblogs.crawl.feed.FeedReadResult;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.registry.UrlNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one blog's history from the archive: asks the index about the blog's feed addresses, fetches the captures
 * worth reading in time order, reads each with the crawler's {@link FeedReader}, and merges the posts. Stores
 * nothing: the caller decides what to keep. Stops early, keeping what it read, when the archive asks for a pause
 * longer than a read waits.
 */
public final class ArchiveHistoryReader {

    private static final Logger log = LoggerFactory.getLogger(ArchiveHistoryReader.class);

    private final ArchiveClient client;
    private final FeedReader reader;
    private final ArchiveQueryPlan plan;
    private final PostMerger merger = new PostMerger();
    private final ZoneId zone;

    /** @param zone whose months the coverage counts in (the metrics' zone) */
    public ArchiveHistoryReader(ArchiveClient client, FeedReader reader, ArchiveQueryPlan plan, ZoneId zone) {
        this.client = client;
        this.reader = reader;
        this.plan = plan;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ArchiveHistory read(ArchiveRequest request) {
        ArchiveSettings settings = client.settings();
        List<CdxListing> listings = new ArrayList<>();
        Map<CaptureUrl, CdxCapture> distinct = new LinkedHashMap<>();
        ArchiveFailure stop = null;
        for (CdxQuery query : plan.queries(request, settings)) {
            CdxListing listing = client.list(query);
            listings.add(listing);
            listing.captures().stream().filter(c -> !commentFeed(c.original()))
                    .forEach(c -> distinct.putIfAbsent(c.at(), c));
            if (listing.failure() != null && listing.failure().stopsTheRead()) {
                stop = listing.failure();
                break;
            }
        }
        List<CdxCapture> listed = new ArrayList<>(distinct.values());
        listed.sort(Comparator.comparing(CdxCapture::capturedAt).thenComparing(c -> c.original().toString()));

        CaptureSelection selection = new CaptureSelection(settings.captureSpacing(), settings.maxCaptures());
        List<ArchivedDocument> documents = new ArrayList<>();
        Set<CaptureUrl> read = new HashSet<>();
        for (CdxCapture capture : stop == null ? listed : List.<CdxCapture>of()) {
            if (read.contains(capture.at()) || !selection.fetch(capture)) {
                continue; // already read by way of a redirect, or not needed
            }
            CaptureFetch fetched = client.fetch(capture);
            CaptureSource source = CaptureSource.of(fetched.capture(), settings.endpoint());
            read.add(capture.at());
            if (!fetched.ok()) {
                documents.add(new ArchivedDocument(capture, source, fetched.redirects(), null, fetched.failure(),
                        false));
                if (fetched.failure().stopsTheRead()) {
                    stop = fetched.failure();
                    break;
                }
                continue;
            }
            boolean ledToReadCapture = !fetched.capture().equals(capture.at()) && !read.add(fetched.capture());
            if (ledToReadCapture) {
                documents.add(new ArchivedDocument(capture, source, fetched.redirects(), null, null, true));
                continue;
            }
            FeedReadResult result = reader.read(fetched.body(), fetched.contentType(), fetched.capture().original());
            if (result instanceof FeedReadResult.Success success) {
                documents.add(new ArchivedDocument(capture, source, fetched.redirects(), success.feed(), null, false));
                selection.readAsFeed(fetched.capture());
            } else {
                FeedReadResult.Failure failure = (FeedReadResult.Failure) result;
                documents.add(new ArchivedDocument(capture, source, fetched.redirects(), null,
                        feedFailure(failure, capture), false));
            }
        }

        List<PostMerger.FeedCapture> feeds = documents.stream().filter(ArchivedDocument::readAsFeed)
                .map(d -> new PostMerger.FeedCapture(d.source(), d.feed())).toList();
        List<ArchivedPost> posts = merger.merge(feeds);
        Instant first = posts.stream().map(p -> p.item().published()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant last = posts.stream().map(p -> p.item().published()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        ArchiveCoverage coverage = ArchiveCoverage.of(listed.stream().map(CdxCapture::capturedAt).toList(),
                feeds.stream().map(ArchiveHistoryReader::snapshot).toList(), first, last, zone);

        ArchiveHistory history = new ArchiveHistory(request, listings, listed, documents, posts, coverage,
                selection.skippedAsClose(), selection.skippedOverBudget(), stop);
        log.info("archive read feed={} site={} queries={} listed={} fetched={} feeds={} posts={} lowerBounds={}{}",
                request.feedUrl(), request.siteUrl(), listings.size(), listed.size(), documents.size(),
                history.feeds().size(), posts.size(), coverage.figuresAreLowerBounds(),
                stop == null ? "" : " stoppedBy=" + stop.kind() + " retryAt=" + stop.retryAt());
        return history;
    }

    private static ArchiveCoverage.Snapshot snapshot(PostMerger.FeedCapture capture) {
        ParsedFeed feed = capture.feed();
        List<Instant> dates = feed.items().stream().map(FeedItem::published).filter(Objects::nonNull).toList();
        String address = capture.source().original().toString();
        return new ArchiveCoverage.Snapshot(UrlNormalizer.key(address).orElse(address),
                capture.source().capturedAt(), feed.items().size(),
                dates.stream().min(Comparator.naturalOrder()).orElse(null),
                dates.stream().max(Comparator.naturalOrder()).orElse(null));
    }

    private static ArchiveFailure feedFailure(FeedReadResult.Failure failure, CdxCapture capture) {
        return switch (failure.kind()) {
            case NOT_A_FEED -> ArchiveFailure.of(ArchiveFailureKind.NOT_A_FEED, failure.message()
                    + (capture.status() != null && capture.status() == 200
                            ? " (the site answered this capture with status 200)" : ""));
            case MALFORMED -> ArchiveFailure.of(ArchiveFailureKind.MALFORMED_FEED, failure.message());
            case UNSAFE -> ArchiveFailure.of(ArchiveFailureKind.UNSAFE_FEED, failure.message());
        };
    }

    /** A comments feed lists readers' comments, not posts: never merged as posts. */
    static boolean commentFeed(URI original) {
        String path = original.getRawPath() == null ? "" : original.getRawPath().toLowerCase(Locale.ROOT);
        String query = original.getRawQuery() == null ? "" : original.getRawQuery().toLowerCase(Locale.ROOT);
        return path.contains("/comments/") || path.endsWith("/comments") || query.contains("feed=comments");
    }
}
