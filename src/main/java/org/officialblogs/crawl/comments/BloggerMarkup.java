package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.officialblogs.crawl.read.LenientDates;
import org.officialblogs.crawl.read.MarkupText;

/**
 * Blogger comment markup. Threaded layout: {@code li.comment#cN} with a {@code .comment-block} (author in
 * {@code cite.user}, {@code span.icon.user.blog-author} for the blog's author, time in the
 * {@code ?showComment=EPOCH_MS#cN} link, the commenter's {@code pid-N} on the delete control) and replies nested
 * in {@code .comment-replies}. Classic layout: {@code dl#comments-block} with {@code dt.comment-author#cN}.
 */
final class BloggerMarkup {
    private static final Pattern COMMENT_ID = Pattern.compile("c(\\d{1,25})");
    private static final Pattern SHOW_COMMENT = Pattern.compile("[?&]showComment=(\\d{10,14})");
    private static final Pattern PID = Pattern.compile("pid-\\d{1,20}");
    private static final Pattern PROFILE = Pattern.compile("/profile/(\\d{1,30})/?$");

    private BloggerMarkup() {
    }

    static boolean recognises(Document doc) {
        return doc.selectFirst(Css.of("li.comment[id~=^c\\d+$] .comment-block, #comments-block dt[id~=^c\\d+$]")) != null;
    }

    static HtmlExtraction read(Document doc, HtmlCommentOptions options) {
        List<Element> threaded = doc.select(Css.of("li.comment[id~=^c\\d+$]"));
        return threaded.isEmpty() ? readClassic(doc, options) : readThreaded(threaded, options);
    }

    private static HtmlExtraction readThreaded(List<Element> elements, HtmlCommentOptions options) {
        CommentMarkup markup = new CommentMarkup();
        for (Element element : elements) {
            markup.register(element, idOf(element.id()));
        }
        List<Comment> comments = new ArrayList<>();
        boolean truncated = false;
        for (Element comment : elements) {
            if (comments.size() == options.maxComments()) {
                truncated = true;
                break;
            }
            Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
            if (comment.hasClass("blog-author") || markup.ownFirst(comment, ".blog-author") != null) {
                flags.add(PlatformFlag.BLOG_AUTHOR);
            }
            if (markup.ownFirst(comment, ".deleted-comment") != null) {
                flags.add(PlatformFlag.CONTENT_REMOVED);
            }
            Element cite = markup.ownFirstWithText(comment, ".comment-header cite", "cite.user", "cite");
            Element timeLink = markup.ownFirst(comment, ".datetime a[href], a[href*=showComment=]");
            Element control = markup.ownFirst(comment, ".item-control.blog-admin");
            comments.add(Comment.undecided(CommentSourceKind.HTML_BLOGGER, idOf(comment.id()),
                    markup.enclosingCommentId(comment), published(timeLink, options),
                    cite == null ? null : MarkupText.name(cite.text()), profileUrl(cite), pid(control), flags));
        }
        return new HtmlExtraction(CommentSourceKind.HTML_BLOGGER, comments, truncated, 0, markup);
    }

    /** Classic templates: a flat {@code <dl>}; each dt (author) is followed by dd.comment-body and dd footer. */
    private static HtmlExtraction readClassic(Document doc, HtmlCommentOptions options) {
        CommentMarkup markup = new CommentMarkup();
        List<Comment> comments = new ArrayList<>();
        boolean truncated = false;
        for (Element dt : doc.select(Css.of("#comments-block dt[id~=^c\\d+$]"))) {
            if (comments.size() == options.maxComments()) {
                truncated = true;
                break;
            }
            String id = idOf(dt.id());
            markup.register(dt, id);
            Element footer = dt.nextElementSibling();
            while (footer != null && footer.tagName().equals("dd") && !footer.hasClass("comment-footer")) {
                footer = footer.nextElementSibling();
            }
            if (footer != null && !footer.hasClass("comment-footer")) {
                footer = null;
            }
            Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
            if (dt.hasClass("blog-author") || dt.selectFirst(Css.of(".blog-author")) != null) {
                flags.add(PlatformFlag.BLOG_AUTHOR);
            }
            Element nameLink = dt.selectFirst(Css.of("a[href]"));
            String name = nameLink != null ? nameLink.text() : dt.ownText();
            Element timeLink = footer == null ? null : footer.selectFirst(Css.of("a[href*=showComment=], .comment-timestamp a"));
            Element control = footer == null ? null : footer.selectFirst(Css.of(".item-control.blog-admin"));
            comments.add(Comment.undecided(CommentSourceKind.HTML_BLOGGER, id, null, published(timeLink, options),
                    MarkupText.name(name), profileUrl(dt), pid(control), flags));
        }
        return new HtmlExtraction(CommentSourceKind.HTML_BLOGGER, comments, truncated, 0, markup);
    }

    /** The post's author: the byline's name and profile, and the {@code pid-N} on the post's own edit control. */
    static PostAuthor pageAuthor(Document doc, CommentMarkup markup) {
        String name = null;
        String profile = null;
        for (Element byline : markup.outsideComments(doc, ".post-author .fn, .post-author a[href*=/profile/]")) {
            Element link = byline.is(Css.of("a")) ? byline : byline.selectFirst(Css.of("a[href*=/profile/]"));
            name = MarkupText.name(byline.text());
            profile = profileUrl(link);
            if (name != null) {
                break;
            }
        }
        String postPid = null;
        for (Element control : markup.outsideComments(doc, ".item-control.blog-admin")) {
            if (control.selectFirst(Css.of("a[href*=post-edit.g]")) != null) {
                postPid = pid(control);
                if (postPid != null) {
                    break;
                }
            }
        }
        return new PostAuthor(name, profile, postPid);
    }

    static boolean hasCommentEditor(Document doc) {
        return doc.selectFirst(Css.of("iframe#comment-editor, #comment-editor-src, a[href*=/comment-iframe.g]"
                + ", a[href*=/comment.g]")) != null;
    }

    private static String idOf(String elementId) {
        Matcher m = COMMENT_ID.matcher(elementId);
        return m.matches() ? m.group(1) : null;
    }

    private static Instant published(Element timeLink, HtmlCommentOptions options) {
        if (timeLink == null) {
            return null;
        }
        Matcher m = SHOW_COMMENT.matcher(timeLink.attr("href"));
        if (m.find()) {
            return LenientDates.epochMillis(m.group(1));
        }
        return LenientDates.humanText(timeLink.text(), options.siteZone());
    }

    /** A Blogger (or Google) profile URL; a commenter's own website link is not a profile and is dropped. */
    static String profileUrl(Element nameElement) {
        if (nameElement == null) {
            return null;
        }
        Element link = nameElement.is(Css.of("a[href]")) ? nameElement : nameElement.selectFirst(Css.of("a[href]"));
        if (link == null) {
            return null;
        }
        String href = link.absUrl("href").isEmpty() ? link.attr("href").strip() : link.absUrl("href");
        // Blogger prints protocol-relative profile links ("//www.blogger.com/profile/N").
        String url = PlainText.httpUrl(href.startsWith("//") ? "https:" + href : href);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean bloggerHost = host.equals("blogger.com") || host.endsWith(".blogger.com");
            return bloggerHost && uri.getPath() != null && PROFILE.matcher(uri.getPath()).find() ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String pid(Element control) {
        if (control == null) {
            return null;
        }
        for (String className : control.classNames()) {
            if (PID.matcher(className).matches()) {
                return className;
            }
        }
        return null;
    }
}
