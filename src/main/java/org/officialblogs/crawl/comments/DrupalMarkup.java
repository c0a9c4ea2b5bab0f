package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * Drupal comment markup (7 and 8+): an anchor {@code <a id="comment-N">} before each {@code .comment} (or the id on
 * the comment itself, or {@code about="/comment/N#comment-N"}), classes {@code comment-by-anonymous},
 * {@code comment-by-node-author}, {@code comment-by-viewer} (Drupal 8+: {@code by-anonymous},
 * {@code by-node-author}), {@code data-comment-user-id}, and replies in a {@code div.indented} that follows the
 * comment they answer.
 */
final class DrupalMarkup {
    private static final Pattern COMMENT_ID = Pattern.compile("comment-(\\d{1,19})");
    private static final Pattern ABOUT = Pattern.compile("/comment/(\\d{1,19})");
    private static final Pattern NODE_AUTHOR = Pattern.compile("(?:comment-{1,2})?by-[a-z_]*-?author");
    private static final Pattern ANONYMOUS = Pattern.compile("(?:comment-{1,2})?by-anonymous");
    private static final Pattern BY_ANY = Pattern.compile("(?:comment-{1,2})?by-[a-z_-]+");

    private DrupalMarkup() {
    }

    static boolean recognises(Document doc) {
        for (Element candidate : doc.select(Css.of(".comment"))) {
            for (String className : candidate.classNames()) {
                if (BY_ANY.matcher(className).matches()) {
                    return true;
                }
            }
        }
        return doc.selectFirst(Css.of("[typeof~=sioct:Comment], meta[name=Generator][content^=Drupal]"
                + ", meta[name=generator][content^=Drupal]")) != null && doc.selectFirst(Css.of(".comment")) != null;
    }

    static boolean isDrupalPage(Document doc) {
        return doc.selectFirst(Css.of("meta[name=Generator][content^=Drupal], meta[name=generator][content^=Drupal]"
                + ", form[action*=/comment/reply/], script[src*=/misc/drupal.js]")) != null;
    }

    static HtmlExtraction read(Document doc, HtmlCommentOptions options) {
        Map<String, Element> byId = new LinkedHashMap<>();
        for (Element candidate : doc.select(Css.of("article.comment, div.comment, li.comment"))) {
            String id = commentId(candidate);
            if (id != null) {
                byId.putIfAbsent(id, candidate);
            }
        }
        CommentMarkup markup = new CommentMarkup();
        byId.forEach((id, element) -> markup.register(element, id));
        boolean themePrintsAuthorClasses = byId.values().stream().anyMatch(DrupalMarkup::hasByClass);

        List<Comment> comments = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<String, Element> entry : byId.entrySet()) {
            if (comments.size() == options.maxComments()) {
                truncated = true;
                break;
            }
            Element comment = entry.getValue();
            Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
            boolean anonymous = false;
            for (String className : comment.classNames()) {
                if (NODE_AUTHOR.matcher(className).matches()) {
                    flags.add(PlatformFlag.BY_NODE_AUTHOR);
                }
                anonymous |= ANONYMOUS.matcher(className).matches();
            }
            String userId = comment.attr("data-comment-user-id").strip();
            if (!userId.matches("\\d{1,19}") || userId.equals("0")) {
                anonymous |= userId.equals("0");
                userId = null;
            }
            // A Drupal comment without "by-anonymous" comes from an account, when the theme prints those classes.
            if ((themePrintsAuthorClasses && !anonymous) || userId != null) {
                flags.add(PlatformFlag.BY_REGISTERED_USER);
            }
            Element name = markup.ownFirstWithText(comment, ".username", "[rel~=sioc:has_creator]",
                    ".comment__author", ".author");
            comments.add(Comment.undecided(CommentSourceKind.HTML_DRUPAL, entry.getKey(), parentOf(comment, markup),
                    published(markup, comment, options), name == null ? null : MarkupText.name(name.text()), null,
                    userId, flags));
        }
        return new HtmlExtraction(CommentSourceKind.HTML_DRUPAL, comments, truncated, 0, markup);
    }

    private static boolean hasByClass(Element comment) {
        return comment.classNames().stream().anyMatch(c -> BY_ANY.matcher(c).matches());
    }

    private static String commentId(Element candidate) {
        Matcher own = COMMENT_ID.matcher(candidate.id());
        if (own.matches()) {
            return own.group(1);
        }
        Element previous = candidate.previousElementSibling();
        if (previous != null && previous.is(Css.of("a"))) {
            Matcher anchor = COMMENT_ID.matcher(previous.id());
            if (anchor.matches()) {
                return anchor.group(1);
            }
        }
        Matcher about = ABOUT.matcher(candidate.attr("about"));
        return about.find() ? about.group(1) : null;
    }

    /**
     * Drupal prints replies in a {@code div.indented} right after the comment they answer; a comment nested
     * directly inside another comment (some themes) answers that one.
     */
    private static String parentOf(Element comment, CommentMarkup markup) {
        for (Element up = comment.parent(); up != null; up = up.parent()) {
            if (markup.isComment(up)) {
                return markup.idOf(up);
            }
            if (up.hasClass("indented")) {
                for (Element before = up.previousElementSibling(); before != null;
                        before = before.previousElementSibling()) {
                    if (markup.isComment(before)) {
                        return markup.idOf(before);
                    }
                    if (!before.is(Css.of("a"))) {
                        break;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static Instant published(CommentMarkup markup, Element comment, HtmlCommentOptions options) {
        Element created = markup.ownFirst(comment, "[property~=dc:created][content], [property~=dc:date][content]");
        Instant at = created == null ? null : LenientDates.iso(created.attr("content"), options.siteZone());
        if (at == null) {
            Element time = markup.ownFirst(comment, "time[datetime]");
            at = time == null ? null : LenientDates.iso(time.attr("datetime"), options.siteZone());
        }
        if (at == null) {
            Element mark = markup.ownFirst(comment, "[data-comment-timestamp]");
            String seconds = mark == null ? "" : mark.attr("data-comment-timestamp");
            at = seconds.matches("\\d{9,11}") ? Instant.ofEpochSecond(Long.parseLong(seconds)) : null;
        }
        if (at == null) {
            Element submitted = markup.ownFirst(comment, ".submitted, .comment__time, footer");
            at = submitted == null ? null : LenientDates.humanText(submitted.text(), options.siteZone());
        }
        return at;
    }
}
