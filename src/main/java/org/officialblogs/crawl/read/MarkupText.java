package org.officialblogs.crawl.read;

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

/**
 * Text from feeds and comment sources is untrusted and may hold markup: titles and names become plain text, summaries
 * bounded, sanitised basic HTML. Script and style contents are dropped with their tags.
 */
public final class MarkupText {

    /** The longest display name kept, in characters. */
    public static final int MAX_NAME_CHARS = 200;

    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<[A-Za-z/!]|&(#?[A-Za-z0-9]+);");
    // Non-breaking spaces too: a title is one line of plain text.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    // Control and format characters (bidi overrides, zero-width marks) only serve to disguise a name.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern ANY_SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /** Built once (building it was 4 % of a crawl's CPU); jsoup's cleaner only reads it, so threads share it. */
    private static final Safelist SUMMARY_TAGS = Safelist.basic();

    private final int summaryMaxChars;

    /** A reader of summaries bounded to {@code summaryMaxChars} of HTML. */
    public MarkupText(int summaryMaxChars) {
        this.summaryMaxChars = summaryMaxChars;
    }

    /**
     * Plain text of a title. Atom says what it holds ({@code text}, {@code html}, {@code xhtml}); RSS does not,
     * and feeds routinely put escaped HTML in titles, so RSS text that looks like markup is read as HTML
     * (feedparser does the same).
     */
    public static String plainText(String value, String type) {
        if (value == null) {
            return "";
        }
        boolean html = "html".equalsIgnoreCase(type) || "xhtml".equalsIgnoreCase(type)
                || (type == null || type.isBlank()) && LOOKS_LIKE_MARKUP.matcher(value).find();
        String text = html ? Jsoup.parseBodyFragment(value).text() : value;
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /**
     * A display name as plain text: markup is dropped, invisible characters removed, spaces collapsed, length
     * bounded to {@link #MAX_NAME_CHARS}. Null when nothing readable is left.
     */
    public static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(raw).text() : raw;
        text = INVISIBLE.matcher(text).replaceAll("");
        text = ANY_SPACES.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_NAME_CHARS) {
            int end = text.offsetByCodePoints(0, text.codePointCount(0, MAX_NAME_CHARS));
            text = text.substring(0, end).strip();
        }
        return text;
    }

    /**
     * Sanitised summary: HTML (or plain text, escaped) cleaned with {@link Safelist#basic()}, relative links made
     * absolute against {@code baseUri}, then cut at a text boundary so the HTML stays within the bound.
     */
    public String summary(String value, String type, String baseUri) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String html = "text".equalsIgnoreCase(type) ? Entities.escape(value) : value;
        String cleaned = Jsoup.clean(html, baseUri == null ? "" : baseUri, SUMMARY_TAGS,
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
