package org.officialblogs.crawl.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/** Feed text is untrusted: titles become plain text, summaries become bounded, sanitised basic HTML. */
final class MarkupText {

    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<[A-Za-z/!]|&(#?[A-Za-z0-9]+);");
    // Non-breaking spaces too: a title is one line of plain text.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private final int summaryMaxChars;

    MarkupText(int summaryMaxChars) {
        this.summaryMaxChars = summaryMaxChars;
    }

    /**
     * Plain text of a title. Atom says what it holds ({@code text}, {@code html}, {@code xhtml}); RSS does not,
     * and feeds routinely put escaped HTML in titles, so RSS text that looks like markup is read as HTML
     * (feedparser does the same). Script and style contents are dropped with the tags.
     */
    static String plainText(String value, String type) {
        if (value == null) {
            return "";
        }
        boolean html = "html".equalsIgnoreCase(type) || "xhtml".equalsIgnoreCase(type)
                || (type == null || type.isBlank()) && LOOKS_LIKE_MARKUP.matcher(value).find();
        String text = html ? Jsoup.parseBodyFragment(value).text() : value;
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Sanitised summary: HTML (or plain text, escaped) cleaned with {@link Safelist#basic()}, relative links made
     * absolute against {@code baseUri}, then cut at a text boundary so the HTML stays within the bound.
     */
    String summary(String value, String type, String baseUri) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String html = "text".equalsIgnoreCase(type) ? Entities.escape(value) : value;
        String cleaned = Jsoup.clean(html, baseUri == null ? "" : baseUri, Safelist.basic(),
                new Document.OutputSettings().prettyPrint(false));
        if (cleaned.length() <= summaryMaxChars) {
            return cleaned.strip();
        }
        Document doc = Jsoup.parseBodyFragment(cleaned);
        doc.outputSettings().prettyPrint(false);
        int textBudget = summaryMaxChars;
        String bounded = cleaned;
        // Markup overhead varies, so shrink the text budget until the serialised HTML fits.
        for (int attempt = 0; attempt < 8 && bounded.length() > summaryMaxChars && textBudget > 0; attempt++) {
            Document copy = doc.clone();
            truncateText(copy.body(), textBudget);
            bounded = copy.body().html();
            textBudget = (int) (textBudget * (summaryMaxChars / (double) bounded.length()) * 0.95);
        }
        if (bounded.length() > summaryMaxChars) {
            String text = doc.body().text();
            bounded = Entities.escape(text.substring(0, Math.min(text.length(), summaryMaxChars / 2))) + "\u2026";
        }
        return bounded.strip();
    }

    /** Keeps the first {@code budget} characters of text, drops every node after the cut and marks it. */
    private static void truncateText(Element root, int budget) {
        int[] remaining = {budget};
        boolean[] cut = {false};
        Set<Node> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> toRemove = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (cut[0]) {
                // Document order: a node whose parent already goes, goes with it.
                if (gone.add(node) && !gone.contains(node.parent())) {
                    toRemove.add(node);
                }
                return;
            }
            if (node instanceof TextNode text) {
                String s = text.getWholeText();
                if (s.length() >= remaining[0]) {
                    text.text(s.substring(0, Math.max(0, remaining[0])) + "\u2026");
                    cut[0] = true;
                } else {
                    remaining[0] -= s.length();
                }
            }
        });
        toRemove.forEach(Node::remove);
    }
}
