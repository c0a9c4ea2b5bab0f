package org.officialblogs.crawl.feed;

import org.officialblogs.crawl.read.Css;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.officialblogs.registry.HttpUrls;

/**
 * Finds a blog's feeds from one of its HTML pages (RSS/Atom autodiscovery) and lists the well-known paths to try
 * when the page links none. Pure: it never fetches; the caller tries the candidates in order.
 */
public final class FeedDiscovery {

    /** Media types that announce an RSS/RDF/Atom feed. JSON Feed is left out: {@link FeedReader} reads XML only. */
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/rss",
            "application/atom", "application/x.atom+xml", "application/x-atom+xml", "text/xml",
            "application/xml", "text/rss+xml", "text/atom+xml");

    /** "Comments" in the languages blogs are written in, as WordPress and Blogger title their comment feeds. */
    private static final Pattern COMMENT_WORDS = Pattern.compile(
            "comment|kommentar|coment|reactie|komentar|коммент|коментар|σχόλι|評論|评论|コメント",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern COMMENT_PATHS = Pattern.compile(
            "/comments/(feed|default)|/feeds/\\d+/comments/|[?&]feed=comments-", Pattern.CASE_INSENSITIVE);

    private static final List<String> GENERIC_PATHS = List.of(
            "feed/", "feed", "rss", "rss.xml", "atom.xml", "feed.xml", "index.xml", "feeds/posts/default",
            "index.rdf", "rss/");

    private static final Set<String> BLOG_DIRECTORIES =
            Set.of("blog", "blogs", "weblog", "news", "journal", "posts", "articles", "wordpress", "wp");

    private static final Map<Platform, List<String>> PLATFORM_PATHS = Map.ofEntries(
            Map.entry(Platform.WORDPRESS, List.of("feed/", "?feed=rss2")),
            Map.entry(Platform.BLOGGER, List.of("feeds/posts/default")),
            Map.entry(Platform.MEDIUM, List.of("feed")),
            Map.entry(Platform.SUBSTACK, List.of("feed")),
            Map.entry(Platform.GHOST, List.of("rss/")),
            Map.entry(Platform.TYPEPAD, List.of("atom.xml", "rss.xml")),
            Map.entry(Platform.DRUPAL, List.of("rss.xml")),
            Map.entry(Platform.TUMBLR, List.of("rss")),
            Map.entry(Platform.SQUARESPACE, List.of("?format=rss")),
            Map.entry(Platform.HUGO, List.of("index.xml")),
            Map.entry(Platform.JEKYLL, List.of("feed.xml")),
            Map.entry(Platform.MOVABLE_TYPE, List.of("atom.xml", "index.xml", "index.rdf")));

    private final PlatformDetector platformDetector;

    public FeedDiscovery(PlatformDetector platformDetector) {
        this.platformDetector = platformDetector;
    }

    /**
     * Reads an HTML page.
     *
     * @param html              the page bytes; the charset comes from the header, else the page's meta/BOM
     * @param contentTypeHeader the Content-Type header; nullable
     * @param pageUrl           the page's URL (after redirects), base for relative hrefs
     */
    public DiscoveredPage discover(byte[] html, String contentTypeHeader, URI pageUrl) {
        Document page = parse(html, contentTypeHeader, pageUrl);
        Map<URI, FeedCandidate> posts = new LinkedHashMap<>();
        Map<URI, FeedCandidate> comments = new LinkedHashMap<>();
        for (Element link : page.select(Css.of("link[href]"))) {
            if (!hasToken(link.attr("rel"), "alternate")) {
                continue;
            }
            String type = mediaType(link.attr("type"));
            if (type == null || !FEED_TYPES.contains(type)) {
                continue;
            }
            URI url = HttpUrls.resolveHttp(null, link.absUrl("href"));
            if (url == null) {
                continue;
            }
            String title = link.attr("title").isBlank() ? null : link.attr("title").strip();
            boolean commentFeed = (title != null && COMMENT_WORDS.matcher(title).find())
                    || COMMENT_PATHS.matcher(url.toString()).find();
            FeedCandidate candidate = new FeedCandidate(url, type, title, commentFeed);
            (commentFeed ? comments : posts).putIfAbsent(url, candidate);
        }
        List<FeedCandidate> feeds = new ArrayList<>(posts.values());
        comments.values().stream().filter(c -> !posts.containsKey(c.url())).forEach(feeds::add);

        List<String> generators = new ArrayList<>();
        for (Element meta : page.select(Css.of("meta[name][content]"))) {
            if (meta.attr("name").equalsIgnoreCase("generator") && !meta.attr("content").isBlank()) {
                generators.add(meta.attr("content").strip());
            }
        }
        List<String> declaredApps = new ArrayList<>(generators);
        for (Element meta : page.select(Css.of("meta[property=al:ios:app_name][content]"))) {
            declaredApps.add(meta.attr("content").strip());
        }
        URI canonical = page.select(Css.of("link[rel=canonical][href]")).stream()
                .map(e -> HttpUrls.resolveHttp(null, e.absUrl("href"))).filter(u -> u != null).findFirst().orElse(null);
        List<URI> urls = new ArrayList<>();
        urls.add(pageUrl);
        urls.add(canonical);
        feeds.forEach(f -> urls.add(f.url()));
        List<String> resources = new ArrayList<>();
        for (Element e : page.select(Css.of("script[src], link[href], img[src]"))) {
            resources.add(e.hasAttr("src") ? e.absUrl("src") : e.absUrl("href"));
            if (resources.size() >= 400) {
                break;
            }
        }
        PlatformMatch platform = platformDetector.detect(new PlatformClues(declaredApps, urls, List.of(), resources));
        // The page may be a post (/budget-2025/), so its own directory is not taken for the blog's root here.
        return new DiscoveredPage(feeds, commonPaths(canonical != null ? canonical : pageUrl, platform.platform(),
                false), generators, canonical, platform);
    }

    /**
     * Well-known feed locations for a blog at {@code siteUrl} (e.g. a registry entry): under its directory when
     * it is one level deep ({@code /mayor/}) or under a blog-like first directory ({@code /blog/...}), then at the
     * site root; platform-specific paths first, no duplicates. Medium profiles ({@code medium.com/@name}) map to
     * {@code medium.com/feed/@name} only.
     */
    public List<FeedCandidate> commonPathCandidates(URI siteUrl, Platform platform) {
        return commonPaths(siteUrl, platform, true);
    }

    private List<FeedCandidate> commonPaths(URI pageUrl, Platform platform, boolean directoryIsSite) {
        Set<URI> urls = new LinkedHashSet<>();
        if (!HttpUrls.isHttp(pageUrl)) {
            return List.of();
        }
        String origin = pageUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + pageUrl.getRawAuthority();
        String path = pageUrl.getRawPath() == null ? "" : pageUrl.getRawPath();
        String[] segments = path.split("/");
        String firstSegment = segments.length > 1 && !segments[1].isEmpty() ? segments[1] : null;
        // A blog under a directory: the page is that directory itself, or the directory has a blog-like name.
        // (A post permalink like /my-post/ is not a blog root: /my-post/feed/ is that post's comment feed.)
        boolean firstIsDirectory = firstSegment != null
                && ((directoryIsSite && segments.length == 2 && path.endsWith("/"))
                        || (segments.length > 2 && BLOG_DIRECTORIES.contains(firstSegment.toLowerCase(Locale.ROOT))));
        String host = pageUrl.getHost().toLowerCase(Locale.ROOT);
        if (firstSegment != null && firstSegment.startsWith("@")
                && (host.equals("medium.com") || host.endsWith(".medium.com"))) {
            // A Medium profile: its feed is medium.com/feed/@name; medium.com's own paths are not the blog's.
            addIfValid(urls, origin + "/feed/" + firstSegment);
            return urls.stream().map(u -> new FeedCandidate(u, null, null, false)).toList();
        }
        List<String> roots = new ArrayList<>();
        if (firstIsDirectory && !firstSegment.startsWith("@")) {
            roots.add(origin + "/" + firstSegment + "/");
        }
        roots.add(origin + "/");
        List<String> paths = new ArrayList<>(PLATFORM_PATHS.getOrDefault(platform, List.of()));
        paths.addAll(GENERIC_PATHS);
        for (String root : roots) {
            for (String p : paths) {
                addIfValid(urls, root + p);
            }
        }
        return urls.stream().map(u -> new FeedCandidate(u, null, null, false)).toList();
    }

    private static void addIfValid(Set<URI> urls, String candidate) {
        URI uri = HttpUrls.parseLenient(candidate);
        if (uri != null) {
            urls.add(uri);
        }
    }

    private static Document parse(byte[] html, String contentTypeHeader, URI pageUrl) {
        String charset = FeedTextDecoder.headerCharset(contentTypeHeader);
        if (charset != null && !isSupported(charset)) {
            charset = null;
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl == null ? "" : pageUrl.toString());
        } catch (IOException e) {
            // Reading a byte array cannot fail for I/O reasons.
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasToken(String rel, String token) {
        for (String part : rel.trim().split("\\s+")) {
            if (part.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        int semi = type.indexOf(';');
        return (semi >= 0 ? type.substring(0, semi) : type).strip().toLowerCase(Locale.ROOT);
    }
}
