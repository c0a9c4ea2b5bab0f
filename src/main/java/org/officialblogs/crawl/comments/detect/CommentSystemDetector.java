package org.officialblogs.crawl.comments.detect;

import org.officialblogs.crawl.read.Css;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PlainText;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.api.DetectedService;
import org.officialblogs.crawl.comments.api.JsonAnswer;
import org.officialblogs.crawl.comments.commento.CommentoSite;
import org.officialblogs.crawl.comments.ghost.GhostComments;
import org.officialblogs.crawl.comments.ghost.GhostSite;
import org.officialblogs.crawl.comments.github.GiscusSite;
import org.officialblogs.crawl.comments.github.UtterancesSite;
import org.officialblogs.crawl.comments.isso.IssoSite;
import org.officialblogs.crawl.comments.remark42.Remark42Site;
import org.officialblogs.crawl.comments.substack.SubstackPost;
import org.officialblogs.crawl.comments.substack.SubstackPostParser;
import org.officialblogs.crawl.comments.substack.SubstackPublication;
import org.officialblogs.crawl.comments.wordpress.WordPressRestSite;
import org.officialblogs.crawl.feed.Platform;
import org.officialblogs.crawl.feed.PlatformClues;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.feed.PlatformMatch;
import org.officialblogs.crawl.read.MarkupText;
import org.officialblogs.priority.Processors;

/**
 * Finds, on a post page, the blog platform and where its comments live: embedded comment services by their embed
 * code (giscus, utterances, Isso, Remark42, Commento, Hyvor Talk, Disqus, Facebook), the platform's own comments
 * (Substack, Ghost's comments script, Medium), the page's comment markup and an announced WordPress REST API; and
 * the ids the page gives for reading its comments.
 *
 * <p>Only elements count, never text: a stylesheet rule for {@code #disqus_thread} or an embed left in an HTML
 * comment is not an embed. The platform comes from {@link PlatformDetector} (generator, addresses, resources),
 * with markers the platforms print on every page: Medium's app-link meta tags, Substack's preloaded state, Ghost's
 * comments script.
 */
public final class CommentSystemDetector {
    private static final Pattern SHORTLINK_ID = Pattern.compile("[?&]p=(\\d{1,19})(?:&|#|$)");
    private static final Pattern REST_POST_ID = Pattern.compile("/wp/v2/posts/(\\d{1,19})(?:[/?#]|$)");
    private static final Pattern BODY_POST_ID = Pattern.compile("(?:^|\\s)postid-(\\d{1,19})(?:\\s|$)");
    private static final Pattern JS_STRING = Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern REMARK_HOST = Pattern.compile("\\bhost\\s*:\\s*[\"']([^\"']{1,300})[\"']");
    private static final Pattern REMARK_SITE = Pattern.compile("\\bsite_id\\s*:\\s*[\"']([^\"']{1,200})[\"']");
    private static final Pattern REMARK_URL = Pattern.compile("\\burl\\s*:\\s*[\"']([^\"']{1,2000})[\"']");
    private static final Pattern DISQUS_SHORTNAME = Pattern.compile(
            "disqus_shortname\\s*=\\s*[\"']([A-Za-z0-9_-]{1,80})[\"']|//([A-Za-z0-9_-]{1,80})\\.disqus\\.com/embed\\.js"
                    + "|disqus\\.com/forums/([A-Za-z0-9_-]{1,80})/embed\\.js");
    private static final Pattern ISSO_SCRIPT = Pattern.compile("^(.*)/js/embed\\.(?:min|dev)\\.js(?:[?#].*)?$");
    private static final int MAX_INLINE_SCRIPT = 2_000_000;

    private final PlatformDetector platforms = new PlatformDetector();

    /**
     * Reads a page from its bytes, once a processor is free for it ({@link Processors}).
     *
     * @param charset the charset from the Content-Type header, or null to let jsoup read the BOM / meta tag
     */
    public CommentSystemDetection detect(byte[] body, String charset, URI pageUrl) {
        return Processors.shared().run(() -> {
            try {
                return detect(Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl.toString(),
                        Parser.htmlParser()), pageUrl);
            } catch (IOException | IllegalArgumentException e) {
                return detect(Jsoup.parse("", pageUrl.toString()), pageUrl);
            }
        });
    }

    public CommentSystemDetection detect(Document page, URI pageUrl) {
        PlatformMatch platform = platform(page, pageUrl);
        SubstackPost substackPost = platform.platform() == Platform.SUBSTACK ? substackPost(page) : null;
        List<CommentSystem> systems = new ArrayList<>();
        embedded(page, pageUrl, systems);
        platformComments(page, pageUrl, platform, systems);
        if (hasPageComments(page, platform.platform())) {
            systems.add(new DetectedService(CommentService.PAGE_MARKUP, platform.platform() == Platform.OTHER
                    ? "comment markup on the page" : platform.platform() + " page (" + platform.evidence() + ")"));
        }
        Element rest = page.selectFirst(Css.of("link[rel=https://api.w.org/][href]"));
        URI restRoot = rest == null ? null : absolute(rest.attr("abs:href"));
        if (restRoot != null) {
            systems.add(new WordPressRestSite(restRoot, "link rel=https://api.w.org/ href=" + restRoot));
        }
        return new CommentSystemDetection(platform, systems, postRef(page, pageUrl, substackPost));
    }

    private PlatformMatch platform(Document page, URI pageUrl) {
        List<String> generators = new ArrayList<>();
        for (Element meta : page.select(Css.of("meta[name=generator][content]"))) {
            generators.add(meta.attr("content"));
        }
        List<URI> urls = new ArrayList<>();
        urls.add(pageUrl);
        addUri(urls, page.selectFirst(Css.of("link[rel=canonical][href]")), "abs:href");
        addUri(urls, page.selectFirst(Css.of("meta[property=og:url][content]")), "content");
        List<String> resources = new ArrayList<>();
        for (Element e : page.select(Css.of("script[src], link[rel=stylesheet][href], link[rel=preload][href]"))) {
            resources.add(e.hasAttr("src") ? e.attr("abs:src") : e.attr("abs:href"));
            if (resources.size() == 200) {
                break;
            }
        }
        PlatformMatch found = platforms.detect(new PlatformClues(generators, urls, List.of(), resources));
        if (found.evidence().startsWith("declared")) {
            return found;
        }
        Element medium = page.selectFirst(Css.of("meta[property=al:android:package], meta[name=al:android:package],"
                + " meta[property=al:ios:app_name], meta[name=al:ios:app_name]"));
        if (medium != null && (metaValue(medium).equals("com.medium.reader") || metaValue(medium).equals("Medium"))) {
            return new PlatformMatch(Platform.MEDIUM, "meta " + firstNonEmpty(medium.attr("property"),
                    medium.attr("name")) + "=" + metaValue(medium));
        }
        if (page.selectFirst(Css.of("script[data-ghost-comments]")) != null) {
            return new PlatformMatch(Platform.GHOST, "Ghost comments script (data-ghost-comments)");
        }
        if (preloads(page) != null && (found.platform() == Platform.SUBSTACK || found.platform() == Platform.OTHER)) {
            return new PlatformMatch(Platform.SUBSTACK, "Substack preloaded state (window._preloads)"
                    + (found.platform() == Platform.SUBSTACK ? " and " + found.evidence() : ""));
        }
        return found;
    }

    /** Embedded services, the most specific embed code first. */
    private static void embedded(Document page, URI pageUrl, List<CommentSystem> out) {
        for (Element script : page.select(Css.of("script[src][data-repo]"))) {
            URI src = absolute(script.attr("abs:src"));
            if (src != null && src.getPath() != null && src.getPath().endsWith("/client.js")
                    && (src.getHost().contains("giscus") || script.hasAttr("data-repo-id")
                    || script.hasAttr("data-mapping"))) {
                String mapping = blankToNull(script.attr("data-mapping"));
                out.add(new GiscusSite(origin(src), script.attr("data-repo").strip(),
                        blankToNull(script.attr("data-category")), mapping == null ? "pathname" : mapping,
                        blankToNull(script.attr("data-term")), "1".equals(script.attr("data-strict")),
                        "script " + src.getHost() + src.getPath() + " data-repo=" + script.attr("data-repo")));
                break;
            }
        }
        Element widget = page.selectFirst(Css.of("giscus-widget[repo]"));
        if (widget != null && out.stream().noneMatch(s -> s.service() == CommentService.GISCUS)) {
            URI host = absolute(firstNonEmpty(widget.attr("abs:host"), "https://giscus.app"));
            out.add(new GiscusSite(host == null ? URI.create("https://giscus.app/") : origin(host),
                    widget.attr("repo").strip(), blankToNull(widget.attr("category")),
                    firstNonEmpty(widget.attr("mapping"), "pathname"), blankToNull(widget.attr("term")),
                    "1".equals(widget.attr("strict")), "giscus-widget repo=" + widget.attr("repo")));
        }
        Element utterances = page.selectFirst(Css.of("script[src*=utteranc.es][repo]"));
        if (utterances != null) {
            String number = utterances.attr("issue-number").strip();
            out.add(new UtterancesSite(UtterancesSite.GITHUB_API, utterances.attr("repo").strip(),
                    number.isEmpty() ? firstNonEmpty(utterances.attr("issue-term"), "pathname") : null,
                    number.matches("\\d{1,9}") ? Integer.valueOf(number) : null,
                    "script utteranc.es/client.js repo=" + utterances.attr("repo")));
        }
        URI isso = issoEndpoint(page);
        if (isso != null) {
            out.add(new IssoSite(isso, "Isso embed, endpoint " + isso));
        }
        Remark42Site remark = remark42(page);
        if (remark != null) {
            out.add(remark);
        }
        for (Element script : page.select(Css.of("script[src*=commento.js]"))) {
            URI src = absolute(script.attr("abs:src"));
            if (src != null && src.getPath() != null && src.getPath().endsWith("/js/commento.js")) {
                URI origin = src.getHost().equalsIgnoreCase("cdn.commento.io") ? URI.create("https://commento.io/")
                        : origin(src);
                out.add(new CommentoSite(origin, "script " + src));
                break;
            }
        }
        Element hyvor = page.selectFirst(Css.of("hyvor-talk-comments, #hyvor-talk-view, script[src*=talk.hyvor.com]"));
        if (hyvor != null) {
            out.add(new DetectedService(CommentService.HYVOR, describe(hyvor)));
        }
        Element disqus = page.selectFirst(Css.of("#disqus_thread, script[src*=disqus.com/embed.js]"));
        String shortname = disqusShortname(page);
        if (disqus != null || shortname != null) {
            out.add(new DetectedService(CommentService.DISQUS, (disqus == null ? "Disqus embed script"
                    : describe(disqus)) + (shortname == null ? "" : ", forum " + shortname)));
        }
        Element facebook = page.selectFirst(Css.of(".fb-comments, fb|comments"));
        if (facebook != null) {
            out.add(new DetectedService(CommentService.FACEBOOK, describe(facebook)
                    + (facebook.hasAttr("data-href") ? " data-href=" + facebook.attr("data-href") : "")));
        }
    }

    /** The platform's own comments: Substack, Ghost's comments script, Medium's responses. */
    private static void platformComments(Document page, URI pageUrl, PlatformMatch platform, List<CommentSystem> out) {
        Element ghost = page.selectFirst(Css.of("script[data-ghost-comments]"));
        if (ghost != null) {
            URI site = absolute(ghost.attr("abs:data-ghost-comments"));
            if (site != null) {
                out.add(new GhostSite(site, absolute(ghost.attr("abs:data-api")), blankToNull(ghost.attr("data-key")),
                        blankToNull(ghost.attr("data-comments-enabled")), "script data-ghost-comments=" + site));
            }
        }
        if (platform.platform() == Platform.SUBSTACK) {
            out.add(new SubstackPublication(pageUrl, platform.evidence()));
        } else if (platform.platform() == Platform.MEDIUM) {
            out.add(new DetectedService(CommentService.MEDIUM, platform.evidence()));
        }
    }

    /** Comment markup the page readers understand, or a platform whose pages print their comments. */
    private static boolean hasPageComments(Document page, Platform platform) {
        if (platform == Platform.WORDPRESS || platform == Platform.BLOGGER || platform == Platform.DRUPAL
                || platform == Platform.TYPEPAD || platform == Platform.MOVABLE_TYPE) {
            return true;
        }
        return page.selectFirst(Css.of("ol.commentlist, ol.comment-list, ul.comment-list, #comments li.comment,"
                + " .comment-thread, article.comment")) != null;
    }

    private static URI issoEndpoint(Document page) {
        Element configured = page.selectFirst(Css.of("script[data-isso]"));
        if (configured != null) {
            URI endpoint = absolute(configured.attr("abs:data-isso"));
            if (endpoint != null) {
                return endpoint;
            }
        }
        if (page.selectFirst(Css.of("#isso-thread")) == null) {
            return null;
        }
        for (Element script : page.select(Css.of("script[src*=/js/embed.]"))) {
            String src = script.attr("abs:src");
            Matcher m = ISSO_SCRIPT.matcher(src);
            if (m.find()) {
                return absolute(m.group(1) + "/");
            }
        }
        return null;
    }

    private static Remark42Site remark42(Document page) {
        for (Element script : page.select(Css.of("script:not([src])"))) {
            String js = script.data();
            if (js.length() > MAX_INLINE_SCRIPT || !js.contains("remark_config")) {
                continue;
            }
            String config = js.substring(js.indexOf("remark_config"));
            Matcher host = REMARK_HOST.matcher(config);
            if (!host.find()) {
                continue;
            }
            URI uri = absolute(host.group(1));
            if (uri == null) {
                continue;
            }
            Matcher site = REMARK_SITE.matcher(config);
            return new Remark42Site(uri, site.find() ? site.group(1) : null, "remark_config host=" + uri);
        }
        return null;
    }

    private static String disqusShortname(Document page) {
        for (Element script : page.select(Css.of("script"))) {
            String text = script.hasAttr("src") ? script.attr("abs:src") : script.data();
            if (text.length() > MAX_INLINE_SCRIPT || !text.contains("disqus")) {
                continue;
            }
            Matcher m = DISQUS_SHORTNAME.matcher(text);
            if (m.find()) {
                return firstNonEmpty(m.group(1), firstNonEmpty(m.group(2), m.group(3)));
            }
        }
        return null;
    }

    /** The page as a post: its platform id, title and any thread id its comment service names. */
    private static PostRef postRef(Document page, URI pageUrl, SubstackPost substack) {
        String id = null;
        Element ghost = page.selectFirst(Css.of("script[data-ghost-comments][data-post-id]"));
        if (ghost != null && GhostComments.isGhostId(ghost.attr("data-post-id").strip())) {
            id = ghost.attr("data-post-id").strip();
        }
        if (id == null && substack != null) {
            id = Long.toString(substack.id());
        }
        if (id == null) {
            id = wordPressPostId(page);
        }
        String thread = null;
        Element isso = page.selectFirst(Css.of("#isso-thread[data-isso-id]"));
        Element commento = page.selectFirst(Css.of("script[src*=commento.js][data-page-id]"));
        if (isso != null) {
            thread = blankToNull(isso.attr("data-isso-id"));
        } else if (commento != null) {
            thread = blankToNull(commento.attr("data-page-id"));
        } else {
            thread = remarkUrl(page);
        }
        Element og = page.selectFirst(Css.of("meta[property=og:title][content]"));
        String title = og != null ? MarkupText.name(og.attr("content")) : MarkupText.name(page.title());
        return new PostRef(pageUrl, id, title, thread);
    }

    private static String wordPressPostId(Document page) {
        for (Element link : page.select(Css.of("link[rel=alternate][type=application/json][href]"))) {
            Matcher m = REST_POST_ID.matcher(link.attr("href"));
            if (m.find()) {
                return m.group(1);
            }
        }
        Element shortlink = page.selectFirst(Css.of("link[rel=shortlink][href]"));
        if (shortlink != null) {
            Matcher m = SHORTLINK_ID.matcher(shortlink.attr("href"));
            if (m.find()) {
                return m.group(1);
            }
        }
        Matcher m = BODY_POST_ID.matcher(page.body() == null ? "" : page.body().className());
        return m.find() ? m.group(1) : null;
    }

    private static String remarkUrl(Document page) {
        for (Element script : page.select(Css.of("script:not([src])"))) {
            String js = script.data();
            if (js.length() <= MAX_INLINE_SCRIPT && js.contains("remark_config")) {
                Matcher m = REMARK_URL.matcher(js.substring(js.indexOf("remark_config")));
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }

    /** Substack's {@code window._preloads = JSON.parse("...")}: the JSON text, or null. */
    private static String preloads(Document page) {
        for (Element script : page.select(Css.of("script:not([src])"))) {
            String js = script.data();
            int at = js.length() > MAX_INLINE_SCRIPT ? -1 : js.indexOf("window._preloads");
            int parse = at < 0 ? -1 : js.indexOf("JSON.parse(", at);
            if (parse < 0) {
                continue;
            }
            Matcher m = JS_STRING.matcher(js);
            if (m.find(parse + "JSON.parse(".length()) && m.start() == parse + "JSON.parse(".length()) {
                JsonNode literal = JsonAnswer.parse(m.group(1));
                if (literal != null && literal.isTextual()) {
                    return literal.asText();
                }
            }
        }
        return null;
    }

    private static SubstackPost substackPost(Document page) {
        String json = preloads(page);
        JsonNode state = json == null ? null : JsonAnswer.parse(json);
        return state == null ? null : SubstackPostParser.post(state);
    }

    private static String describe(Element e) {
        String id = e.id().isEmpty() ? "" : "#" + e.id();
        String cls = e.className().isEmpty() ? "" : "." + e.className().strip().split("\\s+")[0];
        String src = e.hasAttr("src") ? " src=" + e.attr("src") : "";
        return e.tagName() + id + cls + src;
    }

    private static String metaValue(Element meta) {
        return firstNonEmpty(meta.attr("content"), meta.attr("value")).strip();
    }

    private static void addUri(List<URI> urls, Element e, String attr) {
        URI uri = e == null ? null : absolute(e.attr(attr));
        if (uri != null) {
            urls.add(uri);
        }
    }

    private static URI absolute(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static URI origin(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonEmpty(String a, String b) {
        return a == null || a.isEmpty() ? b : a;
    }
}
