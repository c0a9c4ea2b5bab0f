package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.officialblogs.crawl.read.HardenedXml;
import org.officialblogs.crawl.read.LenientDates;
import org.officialblogs.crawl.read.MarkupText;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.metrics.CommentsState;
import org.officialblogs.priority.Processors;

/**
 * Reads a per-post comment feed from bytes: WordPress RSS 2.0 ({@code wfw:commentRss}), Atom with
 * {@code thr:in-reply-to}, or Blogger's Atom comment feed ({@code /feeds/POSTID/comments/default}).
 *
 * <p>The kind is recognised from the document: {@code <rss>} is the RSS comment feed; an Atom feed whose id or
 * generator is Blogger's is a Blogger feed; any other Atom feed is read as WordPress Atom. XML is parsed hardened
 * (DOCTYPE refused, no external entities). Feeds do not say whether comments are open: the state is UNKNOWN.
 */
public final class CommentFeedParser {
    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace THREAD = Namespace.getNamespace("http://purl.org/syndication/thread/1.0");
    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");
    static final Namespace GDATA = Namespace.getNamespace("http://schemas.google.com/g/2005");
    static final Namespace OPENSEARCH = Namespace.getNamespace("http://a9.com/-/spec/opensearchrss/1.0/");
    static final Namespace OPENSEARCH_11 = Namespace.getNamespace("http://a9.com/-/spec/opensearch/1.1/");

    private static final Pattern WORDPRESS_COMMENT = Pattern.compile("#comment-(\\d{1,19})$");
    private static final Pattern BLOGGER_COMMENT_ENTRY = Pattern.compile("\\.post-(\\d{1,25})$");
    private static final Pattern BLOGGER_FEED_POST = Pattern.compile("\\.post-?(\\d{1,25})\\.\\.comments$");
    private static final Pattern BLOGGER_RELATED = Pattern.compile("/comments/default/(\\d{1,25})(?:[?#].*)?$");
    private static final Pattern BLOGGER_PID = Pattern.compile("pid-\\d{1,20}");
    /** How much text may come before the "In reply to" link WordPress puts at the top of a reply in its feed. */
    private static final int REPLY_PREFIX_MAX_CHARS = 40;

    private final int maxComments;

    public CommentFeedParser() {
        this(HtmlCommentOptions.DEFAULT_MAX_COMMENTS);
    }

    /** @param maxComments how many comments to read at most; the page is marked truncated beyond it */
    public CommentFeedParser(int maxComments) {
        if (maxComments < 1) {
            throw new IllegalArgumentException("maxComments must be positive: " + maxComments);
        }
        this.maxComments = maxComments;
    }

    /**
     * Reads the feed, once a processor is free for it ({@link Processors}); never throws for bad input: failures
     * come back in {@link CommentPage#failure()}.
     *
     * @param expected the feed kind the caller expects from where it found the URL ({@code wfw:commentRss} is
     *                 RSS, a Blogger {@code rel="replies"} link is BLOGGER_FEED); the page's {@code source} is the
     *                 kind actually recognised, or {@code expected} when the bytes could not be read at all
     */
    public CommentPage parse(byte[] body, CommentSourceKind expected) {
        return Processors.shared().run(() -> parseBytes(body, expected));
    }

    private CommentPage parseBytes(byte[] body, CommentSourceKind expected) {
        if (expected != CommentSourceKind.WORDPRESS_RSS_FEED && expected != CommentSourceKind.WORDPRESS_ATOM_FEED
                && expected != CommentSourceKind.BLOGGER_FEED) {
            throw new IllegalArgumentException("not a feed kind: " + expected);
        }
        HardenedXml.Parsed parsed = HardenedXml.parse(body);
        if (parsed.failure() != null) {
            return CommentPage.failed(expected, parsed.failure().kind(), parsed.failure().message());
        }
        Element root = parsed.document().getRootElement();
        if (root.getName().equals("rss")) {
            return readRss(root);
        }
        if (root.getName().equals("feed") && ATOM.equals(root.getNamespace())) {
            return isBlogger(root) ? readBlogger(root) : readWordPressAtom(root);
        }
        return CommentPage.failed(expected, ReadFailureKind.UNEXPECTED_FORMAT,
                "not an RSS or Atom comment feed: the root element is <" + root.getQualifiedName() + ">");
    }

    private CommentPage readRss(Element rss) {
        Element channel = rss.getChild("channel");
        if (channel == null) {
            return CommentPage.failed(CommentSourceKind.WORDPRESS_RSS_FEED, ReadFailureKind.UNEXPECTED_FORMAT,
                    "RSS without a <channel>");
        }
        List<Element> items = channel.getChildren("item");
        List<Comment> comments = new ArrayList<>();
        for (Element item : items) {
            if (comments.size() == maxComments) {
                break;
            }
            String link = item.getChildTextTrim("link");
            String guid = item.getChildTextTrim("guid");
            String name = MarkupText.name(firstNonBlank(item.getChildText("creator", DC), authorOfRssEmail(
                    item.getChildText("author"))));
            Instant published = LenientDates.rfc822(item.getChildText("pubDate"));
            if (published == null) {
                published = LenientDates.iso(item.getChildText("date", DC), ZoneOffset.UTC);
            }
            String id = firstNonBlank(wordPressId(link), wordPressId(guid));
            if (id == null) {
                id = PlainText.hashId(firstNonBlank(guid, link), name, String.valueOf(published),
                        item.getChildText("title"));
            }
            String content = firstNonBlank(item.getChildText("encoded", CONTENT), item.getChildText("description"));
            String parentId = inReplyToPrefix(content, link);
            comments.add(Comment.undecided(CommentSourceKind.WORDPRESS_RSS_FEED, id, parentId, published, name,
                    null, null, Set.of()));
        }
        return new CommentPage(CommentSourceKind.WORDPRESS_RSS_FEED, comments, CommentsState.UNKNOWN,
                items.size() > comments.size(), 0, PostAuthor.UNKNOWN, FeedPaging.NONE, null);
    }

    private CommentPage readWordPressAtom(Element feed) {
        List<Element> entries = feed.getChildren("entry", ATOM);
        List<Comment> comments = new ArrayList<>();
        for (Element entry : entries) {
            if (comments.size() == maxComments) {
                break;
            }
            String alternate = atomLink(entry, "alternate");
            String entryId = entry.getChildTextTrim("id", ATOM);
            String name = MarkupText.name(authorName(entry));
            Instant published = atomPublished(entry);
            String id = firstNonBlank(wordPressId(alternate), wordPressId(entryId));
            if (id == null) {
                id = PlainText.hashId(firstNonBlank(entryId, alternate), name, String.valueOf(published));
            }
            String parentId = null;
            for (Element inReplyTo : entry.getChildren("in-reply-to", THREAD)) {
                // A top-level comment's in-reply-to names the post (no #comment-N); a reply's names its parent.
                parentId = firstNonBlank(wordPressId(inReplyTo.getAttributeValue("ref")),
                        wordPressId(inReplyTo.getAttributeValue("href")));
                if (parentId != null) {
                    break;
                }
            }
            comments.add(Comment.undecided(CommentSourceKind.WORDPRESS_ATOM_FEED, id, parentId, published, name,
                    null, null, Set.of()));
        }
        return new CommentPage(CommentSourceKind.WORDPRESS_ATOM_FEED, comments, CommentsState.UNKNOWN,
                entries.size() > comments.size(), 0, PostAuthor.UNKNOWN, FeedPaging.NONE, null);
    }

    private CommentPage readBlogger(Element feed) {
        String postId = match(BLOGGER_FEED_POST, feed.getChildTextTrim("id", ATOM));
        List<Element> entries = feed.getChildren("entry", ATOM);
        List<Comment> comments = new ArrayList<>();
        for (Element entry : entries) {
            if (comments.size() == maxComments) {
                break;
            }
            String entryId = entry.getChildTextTrim("id", ATOM);
            String name = MarkupText.name(authorName(entry));
            Instant published = atomPublished(entry);
            String id = match(BLOGGER_COMMENT_ENTRY, entryId);
            if (id == null) {
                id = PlainText.hashId(entryId, name, String.valueOf(published));
            }
            Element author = entry.getChild("author", ATOM);
            String profileUrl = author == null ? null : PlainText.httpUrl(author.getChildTextTrim("uri", ATOM));
            String userId = null;
            Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
            for (Element property : entry.getChildren("extendedProperty", GDATA)) {
                String propertyName = property.getAttributeValue("name", "");
                String value = property.getAttributeValue("value", "").strip();
                if (propertyName.equals("blogger.itemClass") && BLOGGER_PID.matcher(value).matches()) {
                    userId = value;
                } else if (propertyName.equals("blogger.contentRemoved") && value.equalsIgnoreCase("true")) {
                    flags.add(PlatformFlag.CONTENT_REMOVED);
                }
            }
            comments.add(Comment.undecided(CommentSourceKind.BLOGGER_FEED, id, bloggerParent(entry, postId),
                    published, name, profileUrl, userId, flags));
        }
        Element feedAuthor = feed.getChild("author", ATOM);
        PostAuthor pageAuthor = feedAuthor == null ? PostAuthor.UNKNOWN
                : new PostAuthor(MarkupText.name(feedAuthor.getChildText("name", ATOM)),
                        PlainText.httpUrl(feedAuthor.getChildTextTrim("uri", ATOM)), null);
        FeedPaging paging = new FeedPaging(openSearch(feed, "totalResults"), openSearch(feed, "startIndex"),
                openSearch(feed, "itemsPerPage"));
        return new CommentPage(CommentSourceKind.BLOGGER_FEED, comments, CommentsState.UNKNOWN,
                entries.size() > comments.size(), 0, pageAuthor, paging, null);
    }

    /**
     * Blogger names a reply's parent in a {@code link rel="related"} to the parent comment's feed entry; its
     * {@code thr:in-reply-to} names the post. An in-reply-to naming another comment is honoured as well.
     */
    private static String bloggerParent(Element entry, String postId) {
        for (Element link : entry.getChildren("link", ATOM)) {
            if ("related".equals(link.getAttributeValue("rel"))) {
                String parent = match(BLOGGER_RELATED, link.getAttributeValue("href"));
                if (parent != null) {
                    return parent;
                }
            }
        }
        Element inReplyTo = entry.getChild("in-reply-to", THREAD);
        if (inReplyTo != null) {
            String ref = match(BLOGGER_COMMENT_ENTRY, inReplyTo.getAttributeValue("ref"));
            String source = inReplyTo.getAttributeValue("source", "");
            if (ref != null && !ref.equals(postId) && !source.contains("/posts/")) {
                return ref;
            }
        }
        return null;
    }

    private static boolean isBlogger(Element feed) {
        String id = feed.getChildTextTrim("id", ATOM);
        String generator = feed.getChildTextTrim("generator", ATOM);
        return (id != null && id.startsWith("tag:blogger.com,")) || "Blogger".equalsIgnoreCase(generator);
    }

    private static Integer openSearch(Element feed, String name) {
        String text = firstNonBlank(feed.getChildTextTrim(name, OPENSEARCH), feed.getChildTextTrim(name,
                OPENSEARCH_11));
        if (text == null || !text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String atomLink(Element entry, String rel) {
        for (Element link : entry.getChildren("link", ATOM)) {
            String linkRel = link.getAttributeValue("rel", "alternate");
            if (linkRel.equals(rel)) {
                return link.getAttributeValue("href");
            }
        }
        return null;
    }

    private static String authorName(Element entry) {
        Element author = entry.getChild("author", ATOM);
        return author == null ? null : author.getChildText("name", ATOM);
    }

    private static Instant atomPublished(Element entry) {
        Instant published = LenientDates.iso(entry.getChildTextTrim("published", ATOM), ZoneOffset.UTC);
        return published != null ? published : LenientDates.iso(entry.getChildTextTrim("updated", ATOM),
                ZoneOffset.UTC);
    }

    /** RSS {@code <author>} is "email (Name)"; only the name is wanted. */
    private static String authorOfRssEmail(String author) {
        if (author == null) {
            return null;
        }
        int open = author.indexOf('(');
        int close = author.lastIndexOf(')');
        return open >= 0 && close > open ? author.substring(open + 1, close) : null;
    }

    private static String wordPressId(String url) {
        return url == null ? null : match(WORDPRESS_COMMENT, url.strip());
    }

    /**
     * WordPress prints a reply in its comment feed as "In reply to &lt;a href=".../#comment-N"&gt;Name&lt;/a&gt;."
     * followed by the text (the words are translated; the link is not). The parent is that link when it comes
     * first, on the same site as the comment.
     */
    static String inReplyToPrefix(String html, String commentLink) {
        if (html == null || !html.contains("#comment-")) {
            return null;
        }
        org.jsoup.nodes.Element body = Jsoup.parseBodyFragment(html).body();
        org.jsoup.nodes.Element link = body.selectFirst(Css.of("a[href*=#comment-]"));
        if (link == null || textBefore(body, link) > REPLY_PREFIX_MAX_CHARS) {
            return null;
        }
        String href = link.attr("href");
        if (!sameHost(href, commentLink)) {
            return null;
        }
        return wordPressId(href);
    }

    private static int textBefore(org.jsoup.nodes.Element body, org.jsoup.nodes.Element target) {
        int[] length = {0};
        boolean[] reached = {false};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node == target) {
                    reached[0] = true;
                }
                if (!reached[0] && node instanceof TextNode text) {
                    length[0] += text.text().strip().length();
                }
            }
        }, body);
        return length[0];
    }

    private static boolean sameHost(String href, String commentLink) {
        if (commentLink == null) {
            return true;
        }
        try {
            String a = new URI(href.strip()).getHost();
            String b = new URI(commentLink.strip()).getHost();
            return a == null || b == null || a.equalsIgnoreCase(b);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String match(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text.strip());
        return m.find() ? m.group(1) : null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
