package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
 * Common comment-list markup of themes and engines that are not recognised: schema.org {@code Comment} items,
 * items of {@code .comment-list}/{@code .commentlist}/{@code ol.comments}, {@code #comments} lists and their
 * {@code .children}. Ids come from the element (digits of {@code comment-N}, {@code data-comment-id}), else from a
 * hash of author, time and the start of the text so the same comment gets the same id on the next crawl.
 */
final class GenericMarkup {
    private static final String CANDIDATES = String.join(", ",
            "[itemtype*=schema.org/Comment]", "[itemtype*=schema.org/UserComments]",
            ".comment-list > li", ".commentlist > li", "ol.comments > li", "ul.comments > li",
            "#comments > ol > li", "#comments > ul > li", "#comments li.comment", "#comments .comment",
            ".comment-list .children > li", ".commentlist .children > li", "#comments .children > li");
    private static final Pattern ELEMENT_ID = Pattern.compile("(?:li-|div-)?(?:comment|c)-?(\\d{1,25})");

    private GenericMarkup() {
    }

    static HtmlExtraction read(Document doc, HtmlCommentOptions options) {
        CommentMarkup markup = new CommentMarkup();
        List<Element> kept = new ArrayList<>();
        // jsoup returns the matches of a selector group once each, in document order: an enclosing comment is
        // registered before its replies.
        for (Element candidate : doc.select(Css.of(CANDIDATES))) {
            if (candidate.text().isBlank()) {
                continue;
            }
            Element enclosing = markup.nearestCommentAncestor(candidate);
            if (enclosing != null && sameComment(enclosing, candidate)) {
                // A schema.org Comment directly inside a matched li is that li's comment, not a reply.
                markup.register(candidate, markup.idOf(enclosing));
                continue;
            }
            markup.register(candidate, "#" + kept.size());
            kept.add(candidate);
        }

        Map<String, String> finalIds = new HashMap<>();
        List<Comment> comments = new ArrayList<>();
        boolean truncated = false;
        for (Element comment : kept) {
            if (comments.size() == options.maxComments()) {
                truncated = true;
                break;
            }
            Element name = markup.ownFirstWithText(comment, "[itemprop=author] [itemprop=name]", "[itemprop=author]",
                    ".fn", ".comment-author", ".author", "cite");
            String authorName = name == null ? null : MarkupText.name(name.text());
            Instant published = published(markup, comment, options);
            Set<PlatformFlag> flags = EnumSet.noneOf(PlatformFlag.class);
            if (comment.hasClass("bypostauthor")) {
                flags.add(PlatformFlag.BY_POST_AUTHOR);
            }
            if (comment.hasClass("byuser")) {
                flags.add(PlatformFlag.BY_REGISTERED_USER);
            }
            String id = finalId(markup, comment, authorName, published);
            finalIds.put(markup.idOf(comment), id);
            // Enclosing comments come first, so the parent's final id is known already.
            String parentId = finalIds.get(markup.enclosingCommentId(comment));
            comments.add(Comment.undecided(CommentSourceKind.HTML_GENERIC, id, parentId, published, authorName,
                    null, null, flags));
        }
        return new HtmlExtraction(CommentSourceKind.HTML_GENERIC, comments, truncated, 0, markup);
    }

    private static boolean sameComment(Element outer, Element inner) {
        return outer.is(Css.of("li")) && inner.parent() == outer;
    }

    /**
     * The element's own number when it has one; else a hash of author and time, which do not change when replies
     * are added below the comment (its text would, as replies are nested inside it).
     */
    private static String finalId(CommentMarkup markup, Element comment, String authorName, Instant published) {
        Matcher m = ELEMENT_ID.matcher(comment.id());
        if (m.matches()) {
            return m.group(1);
        }
        String dataId = PlainText.id(comment.attr("data-comment-id"));
        if (dataId != null) {
            return dataId;
        }
        if (published != null) {
            return PlainText.hashId(authorName, published.toString());
        }
        Element paragraph = markup.ownFirst(comment, "p");
        String text = paragraph != null ? paragraph.text() : comment.ownText();
        return PlainText.hashId(authorName, text.substring(0, Math.min(200, text.length())));
    }

    private static Instant published(CommentMarkup markup, Element comment, HtmlCommentOptions options) {
        Element dated = markup.ownFirst(comment, "[itemprop=dateCreated][datetime], [itemprop=datePublished][datetime]"
                + ", time[datetime]");
        if (dated != null) {
            Instant at = LenientDates.iso(dated.attr("datetime"), options.siteZone());
            if (at != null) {
                return at;
            }
            at = LenientDates.humanText(dated.text(), options.siteZone());
            if (at != null) {
                return at;
            }
        }
        Element content = markup.ownFirst(comment, "[itemprop=dateCreated][content], [itemprop=datePublished][content]");
        return content == null ? null : LenientDates.iso(content.attr("content"), options.siteZone());
    }
}
