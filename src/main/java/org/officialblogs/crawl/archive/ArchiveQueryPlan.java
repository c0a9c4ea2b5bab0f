package org.officialblogs.crawl.archive;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.officialblogs.crawl.feed.FeedCandidate;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.registry.UrlNormalizer;

/**
 * Which addresses to ask the CDX index about for one blog: its feed first, then the feed paths its platform and
 * blogs in general use ({@link FeedDiscovery#commonPathCandidates}), since over the years a blog's feed moved
 * between them. A directory-like address ({@code /feed/}, {@code /rss/}) and Blogger's {@code /feeds/posts/default}
 * are asked about by prefix, which also finds their other formats ({@code /feed/atom/}) and paged forms
 * ({@code ?paged=2}, {@code ?start-index=26}); an address such a prefix already covers is not asked again. Pure.
 */
public final class ArchiveQueryPlan {

    private final FeedDiscovery discovery;

    public ArchiveQueryPlan(FeedDiscovery discovery) {
        this.discovery = discovery;
    }

    /** The queries, at most {@link ArchiveSettings#maxQueries()}, feed address first. */
    public List<CdxQuery> queries(ArchiveRequest request, ArchiveSettings settings) {
        String from = request.fromYear() == null ? null : request.fromYear().toString();
        String to = request.toYear() == null ? null : Integer.toString(request.toYear() + 1);
        List<URI> addresses = new ArrayList<>();
        if (request.feedUrl() != null) {
            addresses.add(request.feedUrl());
        }
        URI site = request.siteUrl() != null ? request.siteUrl() : siteRoot(request.feedUrl());
        for (FeedCandidate candidate : discovery.commonPathCandidates(site, request.platform())) {
            addresses.add(candidate.url());
        }
        List<CdxQuery> queries = new ArrayList<>();
        List<String> exactKeys = new ArrayList<>();
        List<String> prefixKeys = new ArrayList<>();
        for (URI address : addresses) {
            if (queries.size() >= settings.maxQueries()) {
                break;
            }
            String key = prefixKey(address);
            if (exactKeys.contains(key) || prefixKeys.stream().anyMatch(key::startsWith)) {
                continue;
            }
            MatchType match = byPrefix(address) ? MatchType.PREFIX : MatchType.EXACT;
            (match == MatchType.PREFIX ? prefixKeys : exactKeys).add(key);
            queries.add(CdxQuery.readableCaptures(address, match, from, to, settings.cdxPageSize()));
        }
        return queries;
    }

    /** Addresses under which a blog keeps other feeds of itself. */
    static boolean byPrefix(URI address) {
        String path = address.getRawPath() == null ? "" : address.getRawPath().toLowerCase(Locale.ROOT);
        return address.getRawQuery() == null && ((path.endsWith("/") && path.length() > 1)
                || path.endsWith("/feeds/posts/default"));
    }

    /** The comparison key with the trailing slash kept, so a prefix covers only what lies under it. */
    private static String prefixKey(URI address) {
        String key = UrlNormalizer.key(address.toString()).orElse(address.toString());
        String path = address.getRawPath() == null ? "" : address.getRawPath();
        return path.endsWith("/") && address.getRawQuery() == null && !key.endsWith("/") ? key + "/" : key;
    }

    private static URI siteRoot(URI feed) {
        return URI.create(feed.getScheme() + "://" + feed.getRawAuthority() + "/");
    }
}
