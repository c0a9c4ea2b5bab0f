package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.officialblogs.crawl.read.MarkupText;
import org.officialblogs.crawl.read.ReadFailureKind;
import org.officialblogs.metrics.CommentsState;
import org.officialblogs.priority.Processors;

/**
 * Reads the comments printed on a post page (bytes in, {@link CommentPage} out) with jsoup.
 *
 * <p>The platform is recognised from the markup, most specific first: Blogger, Drupal, WordPress (core markup and
 * the Epoch plugin), then a generic reader of common comment-list markup. Values are plain text: names are read
 * with {@code text()} and stripped of any markup, ids are digits, URLs only http(s) profiles.
 *
 * <p>Comments state: a comment form ({@code #respond}, {@code #commentform}, {@code form[action*=wp-comments-post]},
 * Drupal's comment form, Blogger's comment editor) means OPEN; else a {@code no-comments}/{@code nocomments}
 * marker means CLOSED; else a WordPress page means CLOSED (WordPress prints neither list nor form when comments
 * are closed and there are none); a page whose comments live in a third-party widget (Disqus...) or of an
 * unknown platform is UNKNOWN.
 */
public final class HtmlCommentParser {
    private static final String COMMENT_FORM = String.join(", ",
            "#respond", "#commentform", "form[action*=wp-comments-post]", "form#comment-form", "form.comment-form",
            "form[action*=/comment/reply/]", "iframe#comment-editor", "#comment-editor-src",
            "a[href*=/comment-iframe.g]", "form[action*=comment]");
    private static final String CLOSED_MARKER = ".no-comments, .nocomments, .comments-closed, .comments-off";
    private static final String THIRD_PARTY_COMMENTS = String.join(", ",
            "#disqus_thread", ".fb-comments", "#isso-thread", "#commento", "#hyvor-talk-view",
            "script[src*=giscus.app]", "script[src*=utteranc.es]", "#remark42");

    private final HtmlCommentOptions options;

    public HtmlCommentParser(HtmlCommentOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads a page from its bytes, once a processor is free for it ({@link Processors}).
     *
     * @param charset the charset from the Content-Type header, or null to let jsoup read the BOM / meta tag
     * @param pageUrl the page's URL, for resolving relative links (may be null)
     */
    public CommentPage parse(byte[] body, String charset, String pageUrl) {
        return Processors.shared().run(() -> parseBytes(body, charset, pageUrl));
    }

    private CommentPage parseBytes(byte[] body, String charset, String pageUrl) {
        if (body == null || body.length == 0) {
            return CommentPage.failed(CommentSourceKind.HTML_GENERIC, ReadFailureKind.EMPTY, "the page is empty");
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl == null ? "" : pageUrl,
                    Parser.htmlParser());
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an unknown charset name given by the server.
            return CommentPage.failed(CommentSourceKind.HTML_GENERIC, ReadFailureKind.MALFORMED,
                    "unreadable page: " + e.getMessage());
        }
        return read(doc);
    }

    /** Reads a page already decoded to text. */
    public CommentPage parse(String html, String pageUrl) {
        if (html == null || html.isBlank()) {
            return CommentPage.failed(CommentSourceKind.HTML_GENERIC, ReadFailureKind.EMPTY, "the page is empty");
        }
        return read(Jsoup.parse(html, pageUrl == null ? "" : pageUrl));
    }

    private CommentPage read(Document doc) {
        HtmlExtraction found;
        boolean wordPressPage = WordPressMarkup.isWordPressPage(doc);
        if (BloggerMarkup.recognises(doc)) {
            found = BloggerMarkup.read(doc, options);
        } else if (DrupalMarkup.recognises(doc)) {
            found = DrupalMarkup.read(doc, options);
        } else {
            found = WordPressMarkup.read(doc, options);
            if (found.comments().isEmpty() && found.pingbacksIgnored() == 0 && !wordPressPage) {
                found = DrupalMarkup.isDrupalPage(doc) ? DrupalMarkup.read(doc, options)
                        : GenericMarkup.read(doc, options);
            }
        }
        PostAuthor pageAuthor = found.source() == CommentSourceKind.HTML_BLOGGER
                ? BloggerMarkup.pageAuthor(doc, found.markup())
                : bylineAuthor(doc, found.markup());
        boolean wordPress = found.source() == CommentSourceKind.HTML_WORDPRESS || wordPressPage;
        return new CommentPage(found.source(), found.comments(), state(doc, wordPress), found.truncated(),
                found.pingbacksIgnored(), pageAuthor, FeedPaging.NONE, null);
    }

    private static CommentsState state(Document doc, boolean wordPress) {
        if (doc.selectFirst(Css.of(COMMENT_FORM)) != null || BloggerMarkup.hasCommentEditor(doc)) {
            return CommentsState.OPEN;
        }
        if (doc.selectFirst(Css.of(CLOSED_MARKER)) != null) {
            return CommentsState.CLOSED;
        }
        if (doc.selectFirst(Css.of(THIRD_PARTY_COMMENTS)) != null) {
            return CommentsState.UNKNOWN;
        }
        return wordPress ? CommentsState.CLOSED : CommentsState.UNKNOWN;
    }

    /** The post's byline (WordPress themes, schema.org, Drupal), never an element inside a comment. */
    private static PostAuthor bylineAuthor(Document doc, CommentMarkup markup) {
        String[] bylines = {".byline .fn", ".byline .author a", ".entry-author [itemprop=name]",
                ".entry-meta a[rel~=author]", ".post-author .fn", "a[rel~=author]", ".author.vcard .fn",
                "[itemprop=author] [itemprop=name]", ".node__meta .field--name-uid", ".node .submitted .username",
                ".node__submitted .username"};
        for (String css : bylines) {
            for (Element byline : markup.outsideComments(doc, css)) {
                if (byline.closest(Css.of("#comments, .comments-area, .comment-list, .commentlist")) != null) {
                    continue;
                }
                String name = MarkupText.name(byline.text());
                if (name != null) {
                    return PostAuthor.named(name);
                }
            }
        }
        return PostAuthor.UNKNOWN;
    }
}
