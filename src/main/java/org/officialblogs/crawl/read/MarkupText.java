package org.officialblogs.crawl.read;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;

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
     *
     * <p>A long post (a feed's full content) is cut to a little more text than the bound can hold before it is
     * cleaned: the summary never shows more, and cleaning the whole post (each link resolved against the base) was
     * most of the time spent reading a real feed. The result is the same as cleaning it all first.
     */
    public String summary(String value, String type, String baseUri) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String html = "text".equalsIgnoreCase(type) ? Entities.escape(value) : value;
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        // one character more than the bound: the HTML then cannot fit, and is cut below as it would have been
        dropTextAfter(dirty.body(), summaryMaxChars + 1);
        Document doc = new Cleaner(SUMMARY_TAGS).clean(dirty);
        doc.outputSettings().prettyPrint(false);
        String cleaned = doc.body().html();
        if (cleaned.length() <= summaryMaxChars) {
            return cleaned.strip();
        }
        int textBudget = summaryMaxChars;
        String bounded = cleaned;
        // Markup overhead varies, so shrink the text budget until the serialised HTML fits.
        for (int attempt = 0; attempt < 8 && bounded.length() > summaryMaxChars && textBudget > 0; attempt++) {
            Document copy = doc.clone();
            truncateText(copy.body(), textBudget, "\u2026");
            bounded = copy.body().html();
            textBudget = (int) (textBudget * (summaryMaxChars / (double) bounded.length()) * 0.95);
        }
        if (bounded.length() > summaryMaxChars) {
            String text = doc.body().text();
            bounded = Entities.escape(text.substring(0, Math.min(text.length(), summaryMaxChars / 2))) + "\u2026";
        }
        return bounded.strip();
    }

    /** Drops every node after the first {@code budget} characters of text; nothing is marked. */
    private static void dropTextAfter(Element root, int budget) {
        truncateText(root, budget, "");
    }

    /** Keeps the first {@code budget} characters of text, drops every node after the cut and marks it. */
    private static void truncateText(Element root, int budget, String mark) {
        int[] remaining = {budget};
        TextNode[] cutAt = {null};
        root.filter((node, depth) -> {
            if (node instanceof TextNode text) {
                String s = text.getWholeText();
                if (s.length() >= remaining[0]) {
                    text.text(s.substring(0, Math.max(0, remaining[0])) + mark);
                    cutAt[0] = text;
                    return NodeFilter.FilterResult.STOP;
                }
                remaining[0] -= s.length();
            }
            return NodeFilter.FilterResult.CONTINUE;
        });
        // what follows the cut in document order: the later siblings of the cut and of each of its ancestors
        for (Node node = cutAt[0]; node != null && node != root; node = node.parent()) {
            while (node.nextSibling() != null) {
                node.nextSibling().remove();
            }
        }
    }
}
