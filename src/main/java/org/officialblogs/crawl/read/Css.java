package org.officialblogs.crawl.read;

import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * CSS queries parsed once. jsoup parses a query string on every {@code select}, {@code selectFirst}, {@code is} and
 * {@code closest}; the comment readers and the comment-system detector run dozens of fixed queries on every page
 * they read, and parsing them was a sixth of a crawl's CPU. Pass {@code Css.of("...")} instead of the string.
 * Evaluators are shared between threads (jsoup keeps their per-query memo per thread). The queries are the code's
 * own constants; a query made from page content would be parsed each time once {@value #MAX} are kept.
 */
public final class Css {

    static final int MAX = 512;

    private static final ConcurrentHashMap<String, Evaluator> PARSED = new ConcurrentHashMap<>();

    private Css() {}

    /** The parsed query; a malformed one throws jsoup's {@code Selector.SelectorParseException}, as select would. */
    public static Evaluator of(String query) {
        Evaluator e = PARSED.get(query);
        if (e != null) return e;
        e = Selector.evaluatorOf(query);
        if (PARSED.size() < MAX) PARSED.putIfAbsent(query, e);
        return e;
    }
}
