package org.officialblogs.crawl.archive;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.officialblogs.crawl.feed.FeedItem;
import org.officialblogs.crawl.feed.ParsedFeed;
import org.officialblogs.registry.UrlNormalizer;

/**
 * Merges the posts of many captures into one list: an item is the same post as an earlier one when it has the same
 * id (RSS guid, Atom id), else when its link is the same address (scheme, {@code www.}, trailing slash and tracking
 * parameters aside). Pure.
 *
 * <p>The link is a fallback with two guards, because sites reuse links: two items of one document are never the
 * same post, and an item never joins a post that already has a different id from the same feed address (one feed
 * keeps one id scheme, so a different id there is a different post). Across feed addresses, where the same blog may
 * print a guid in RSS and a tag id in Atom, the link decides.
 */
public final class PostMerger {

    /** The feed read from one capture. */
    public record FeedCapture(CaptureSource source, ParsedFeed feed) {
        public FeedCapture {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(feed, "feed");
        }
    }

    private static final Comparator<FeedCapture> CHRONOLOGICAL = Comparator
            .comparing((FeedCapture c) -> c.source().capturedAt())
            .thenComparing(c -> c.source().original().toString());

    /** The posts, oldest publication first (undated last), each with the first and last capture listing it. */
    public List<ArchivedPost> merge(Collection<FeedCapture> captures) {
        List<FeedCapture> ordered = new ArrayList<>(captures);
        ordered.sort(CHRONOLOGICAL);
        List<Merging> posts = new ArrayList<>();
        Map<String, Merging> byId = new HashMap<>();
        Map<String, Merging> byLink = new HashMap<>();
        for (FeedCapture capture : ordered) {
            String address = addressKey(capture.source().original());
            Set<Merging> inThisDocument = Collections.newSetFromMap(new IdentityHashMap<>());
            for (FeedItem item : capture.feed().items()) {
                String link = item.url() == null ? null : UrlNormalizer.key(item.url().toString()).orElse(null);
                Merging post = byId.get(item.id());
                if (post == null && link != null) {
                    Merging candidate = byLink.get(link);
                    if (candidate != null && !inThisDocument.contains(candidate)
                            && !candidate.hasOtherIdFrom(address, item.id())) {
                        post = candidate;
                    }
                }
                if (post == null) {
                    post = new Merging();
                    posts.add(post);
                }
                post.add(item, capture.source(), address, inThisDocument.add(post));
                byId.putIfAbsent(item.id(), post);
                if (link != null) {
                    byLink.putIfAbsent(link, post);
                }
            }
        }
        return posts.stream().map(Merging::post).sorted(Comparator
                .comparing((ArchivedPost p) -> p.item().published(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(p -> p.firstListedBy().capturedAt())
                .thenComparing(p -> p.item().id())).toList();
    }

    private static String addressKey(URI original) {
        return UrlNormalizer.key(original.toString()).orElse(original.toString());
    }

    /** A post while captures are added to it, in chronological order. */
    private static final class Merging {
        private FeedItem latest;
        private Instant datedFallback;
        private CaptureSource first;
        private CaptureSource last;
        private int listings;
        private final Set<String> ids = new LinkedHashSet<>();
        private final Map<String, Set<String>> idsByAddress = new HashMap<>();

        void add(FeedItem item, CaptureSource source, String address, boolean newListing) {
            if (first == null) {
                first = source;
            }
            last = source; // captures come in chronological order, so the latest listing wins
            latest = item;
            if (item.published() != null) {
                datedFallback = item.published();
            }
            if (newListing) {
                listings++;
            }
            ids.add(item.id());
            idsByAddress.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(item.id());
        }

        boolean hasOtherIdFrom(String address, String id) {
            Set<String> seen = idsByAddress.get(address);
            return seen != null && !seen.contains(id);
        }

        ArchivedPost post() {
            FeedItem item = latest.published() != null || datedFallback == null ? latest
                    : new FeedItem(latest.id(), latest.url(), latest.title(), datedFallback, latest.updated(),
                            latest.authorName(), latest.authorUri(), latest.comments(), latest.summaryHtml(),
                            latest.platformPostId());
            return new ArchivedPost(item, first, last, listings, List.copyOf(ids));
        }
    }
}
