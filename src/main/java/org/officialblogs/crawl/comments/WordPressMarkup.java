package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.officialblogs.crawl.read.LenientDates;
import org.officialblogs.crawl.read.MarkupText;

/**
 * WordPress comment markup: {@code <li id="comment-N" class="comment byuser comment-author-jane bypostauthor
 * depth-2">} (or {@code li-comment-N} around an {@code article#comment-N}), replies nested in {@code .children},
 * pingbacks as {@code li.pingback}; and the Epoch plugin's {@code div#comment-N[data-comment-id]}.
 */
final class WordPressMarkup {
    private static final String CANDIDATES =
            "li.comment, li.pingback, li.trackback, article.comment, div.comment, div[data-comment-id]";
    private static final Pattern COMMENT_ID = Pattern.compile("(?:li-|div-)?comment-(\\d{1,19})");

    private WordPressMarkup() {
    }

    static boolean isWordPressPage(Document doc) {
        Element generator = doc.selectFirst(Css.of("meta[name=generator][content^=WordPress]"));
        return generator != null
                || doc.selectFirst(Css.of("link[href*=/wp-content/], script[src*=/wp-includes/], link[rel=https://api.w.org/]"
                        + ", form[action*=wp-comments-post]")) != null;
    }

    static HtmlExtraction read(Document doc, HtmlCommentOptions options) {
        // One comment may match twice (li#li-comment-N around article#comment-N): the outer element comes first
        // in document order and is the one kept; classes of both are read.
        Map<String, List<Element>> elementsById = new LinkedHashMap<>();
        for (Element candidate : doc.select(Css.of(CANDIDATES))) {
            String id = commentId(candidate);
            if (id != null) {
                elementsById.computeIfAbsent(id, k -> new ArrayList<>()).add(candidate);
            }
        }
        CommentMarkup markup = new CommentMarkup();
        elementsById.forEach((id, elements) -> elements.forEach(e -> markup.register(e, id)));

        List<Comment> comments = new ArrayList<>();
        int pingbacks = 0;
        boolean truncated = false;
        for (Map.Entry<String, List<Element>> entry : elementsById.entrySet()) {
            Element comment = entry.getValue().get(0);
            Set<String> classes = new HashSet<>();
            entry.getValue().forEach(e -> classes.addAll(e.classNames()));
            if (classes.contains("pingback") || classes.contains("trackback")) {
                pingbacks++;
                continue;
            }
            if (comments.size() == options.maxComments()) {
                truncated = true;
                break;
            }
            Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
            if (classes.contains("bypostauthor")) {
                flags.add(PlatformFlag.BY_POST_AUTHOR);
            }
            if (classes.contains("byuser")) {
                flags.add(PlatformFlag.BY_REGISTERED_USER);
            }
            comments.add(Comment.undecided(CommentSourceKind.HTML_WORDPRESS, entry.getKey(),
                    markup.enclosingCommentId(comment), published(markup, comment, options),
                    authorName(markup, comment), null, null, flags));
        }
        return new HtmlExtraction(CommentSourceKind.HTML_WORDPRESS, comments, truncated, pingbacks, markup);
    }

    private static String authorName(CommentMarkup markup, Element comment) {
        Element name = markup.ownFirstWithText(comment, ".fn", ".epoch-author-link", ".comment-author cite",
                ".comment-author", "cite");
        if (name != null) {
            return MarkupText.name(name.text());
        }
        // Epoch prints a commenter without a website as bare text beside the avatar.
        Element epoch = markup.ownFirst(comment, ".epoch-comment-author");
        return epoch == null ? null : MarkupText.name(epoch.ownText());
    }

    private static String commentId(Element candidate) {
        Matcher m = COMMENT_ID.matcher(candidate.id());
        if (!m.matches()) {
            return null;
        }
        if (candidate.hasAttr("data-comment-id") && !candidate.attr("data-comment-id").equals(m.group(1))) {
            return null;
        }
        boolean wordPressClass = candidate.hasClass("comment") || candidate.hasClass("pingback")
                || candidate.hasClass("trackback");
        // Epoch's wrapper has no classes; elsewhere an id without the comment class is another plugin's widget.
        return wordPressClass || candidate.hasAttr("data-comment-id") ? m.group(1) : null;
    }

    /** {@code <time datetime>}, else an ISO {@code abbr[title]}, else the date the theme prints as text. */
    static Instant published(CommentMarkup markup, Element comment, HtmlCommentOptions options) {
        Element time = markup.ownFirst(comment, "time[datetime]");
        if (time != null) {
            Instant iso = LenientDates.iso(time.attr("datetime"), options.siteZone());
            if (iso != null) {
                return iso;
            }
            Instant text = LenientDates.humanText(time.text(), options.siteZone());
            if (text != null) {
                return text;
            }
        }
        Element abbr = markup.ownFirst(comment, "abbr[title]");
        if (abbr != null) {
            Instant iso = LenientDates.iso(abbr.attr("title"), options.siteZone());
            if (iso != null) {
                return iso;
            }
        }
        Element link = markup.ownFirstWithText(comment, ".comment-metadata a", ".comment-meta a",
                ".commentmetadata a", "a[href*=#comment-]");
        return link == null ? null : LenientDates.humanText(link.text(), options.siteZone());
    }
}
