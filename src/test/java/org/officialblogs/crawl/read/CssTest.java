package org.officialblogs.crawl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

class CssTest {

    private static final String PAGE = """
            <html><body><div id="comments"><ol class="commentlist">
              <li class="comment" id="c1"><div class="comment-block"><cite><a href="/profile/1">Ann</a></cite></div>
                <ul class="children"><li class="comment bypostauthor" id="c2"><p>Thank you</p></li></ul></li>
              <li class="comment" id="c3"><p>Why?</p></li>
            </ol></div><form id="commentform"></form></body></html>""";

    @Test
    void aParsedQueryFindsWhatTheStringFindsAndIsParsedOnce() {
        Document doc = Jsoup.parse(PAGE);
        for (String query : List.of("li.comment", "#comments li.comment > .comment-block a[href*=/profile/]",
                "li.comment:has(ul.children)", ".bypostauthor, #commentform", "li[id~=^c\\d+$]")) {
            assertThat(Css.of(query)).isSameAs(Css.of(query));
            assertThat(doc.select(Css.of(query))).containsExactlyElementsOf(doc.select(query));
        }
        assertThat(doc.getElementById("c2").closest(Css.of("#comments"))).isSameAs(doc.getElementById("comments"));
        assertThat(doc.getElementById("c2").is(Css.of("li.bypostauthor"))).isTrue();
        assertThatThrownBy(() -> Css.of("li[")).isInstanceOf(Selector.SelectorParseException.class);
    }

    @Test
    void oneParsedQueryGivesEachThreadItsOwnRightAnswer() throws Exception {
        // structural queries (:has, descendants) keep a memo; shared between threads, each must still be right
        String query = "li.comment:has(ul.children) cite a, li.comment:not(:has(p)) > div";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> found = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                found.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 300; i++) n += Jsoup.parse(PAGE).select(Css.of(query)).size();
                    return n;
                }));
            }
            int expected = 300 * Jsoup.parse(PAGE).select(query).size();
            assertThat(expected).isPositive();
            for (Future<Integer> f : found) assertThat(f.get()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
