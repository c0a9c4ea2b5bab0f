package org.officialblogs.crawl.comments;

import org.officialblogs.crawl.read.Css;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The comment elements found on one page and questions about their nesting.
 *
 * <p>A comment element contains its replies in most markups, so "the first {@code .fn} inside" may belong to a
 * reply: {@link #ownFirst} only answers with elements whose nearest enclosing comment is the one asked about.
 */
final class CommentMarkup {
    private final Map<Element, String> idByElement = new IdentityHashMap<>();

    /** Registers an element as (part of) the comment with this id. */
    void register(Element element, String id) {
        idByElement.put(element, id);
    }

    boolean isComment(Element element) {
        return idByElement.containsKey(element);
    }

    String idOf(Element element) {
        return idByElement.get(element);
    }

    /** The id of the nearest enclosing comment other than {@code element}'s own comment, or null. */
    String enclosingCommentId(Element element) {
        String own = idByElement.get(element);
        for (Element up = element.parent(); up != null; up = up.parent()) {
            String id = idByElement.get(up);
            if (id != null && !id.equals(own)) {
                return id;
            }
        }
        return null;
    }

    Element nearestCommentAncestor(Element element) {
        for (Element up = element.parent(); up != null; up = up.parent()) {
            if (idByElement.containsKey(up)) {
                return up;
            }
        }
        return null;
    }

    /** The first element matching {@code css} inside {@code comment} that is not inside one of its replies. */
    Element ownFirst(Element comment, String css) {
        Element first = comment.selectFirst(Css.of(css));
        if (first == null || belongsTo(first, comment)) {
            return first;
        }
        for (Element candidate : comment.select(Css.of(css))) {
            if (belongsTo(candidate, comment)) {
                return candidate;
            }
        }
        return null;
    }

    /** Like {@link #ownFirst} for each selector in turn; the first with non-blank text wins. */
    Element ownFirstWithText(Element comment, String... selectors) {
        for (String css : selectors) {
            Element found = ownFirst(comment, css);
            if (found != null && !found.text().isBlank()) {
                return found;
            }
        }
        return null;
    }

    /** Elements matching {@code css} that are not inside any comment, in document order. */
    List<Element> outsideComments(Element root, String css) {
        List<Element> result = new ArrayList<>();
        for (Element candidate : root.select(Css.of(css))) {
            if (!isComment(candidate) && nearestCommentAncestor(candidate) == null) {
                result.add(candidate);
            }
        }
        return result;
    }

    private boolean belongsTo(Element inner, Element comment) {
        if (inner == comment) {
            return true;
        }
        for (Element up = inner.parent(); up != null; up = up.parent()) {
            if (up == comment) {
                return true;
            }
            // Another comment element in between: a reply's, unless it is the same comment's inner wrapper.
            String id = idByElement.get(up);
            if (id != null && !id.equals(idByElement.get(comment))) {
                return false;
            }
        }
        return false;
    }
}
