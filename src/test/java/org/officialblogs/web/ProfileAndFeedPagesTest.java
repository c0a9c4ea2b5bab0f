package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.metrics.Methodology;
import org.officialblogs.metrics.WorkedExample;
import org.w3c.dom.NodeList;

/** The official's page, the methodology, the river of recent posts and the Atom feeds, against the real app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileAndFeedPagesTest {

    RankedSite site;

    @BeforeAll
    void start(@TempDir Path dir) {
        site = new RankedSite(dir, 0);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    Document get(String path) {
        HttpResponse<String> res = site.server.get(path);
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(res.body());
    }

    String profileOf(long blogId) {
        return "/officials/" + site.officialOf(blogId);
    }

    @Test
    void theProfileExplainsTheNumbersInSentencesWithChartsAndTheirTables() {
        Document doc = get(profileOf(site.example("Weekly, answers most readers")));
        assertThat(doc.select("h1").text()).isEqualTo("Official A FI");
        Element blog = doc.select("section.blog").first();
        assertThat(blog.select("h2 .badge").text()).isEqualTo("Active");
        String text = blog.text().replace('\u00a0', ' ');
        assertThat(text).contains("Posted 13 times in the last 90 days, about 1.0 a week.",
                "Posted in 12 of the last 12 weeks and in 52 of the last 52.",
                "The last post is from 14 Jun 2024 (2 days ago).",
                "In the last year the usual gap between posts was 7 days, the longest 7 days.",
                "50 posts with their comments read are old enough to judge (at least 14 days) and from the last year;"
                        + " 2 newer posts wait.",
                "Of 50 judged posts with reader comments, the official replied on 40: a reply rate of 80 %"
                        + " (95 % interval 67–89 %).",
                "Half of the official's first replies came within 3 h of the first reader comment.",
                "Readers wrote 150 comments on judged posts; the official answered 120 of them.");

        // the 52-week chart: inline SVG named for screen readers, one bar a week, and the same numbers as a table
        Element chart = blog.select("svg.chart").first();
        assertThat(chart.attr("role")).isEqualTo("img");
        String[] labelledBy = chart.attr("aria-labelledby").split(" ");
        assertThat(doc.getElementById(labelledBy[0]).text()).isEqualTo("Posts per week over the last 52 weeks, by the week's last day");
        assertThat(doc.getElementById(labelledBy[1]).text())
                .isEqualTo("Posted in 52 of the last 52 weeks; the busiest week had 1 post.");
        assertThat(chart.select("rect")).hasSize(52);
        assertThat(chart.select("rect title").last().text()).isEqualTo("Week ending 16 Jun 2024: 1 post");
        assertThat(blog.select("figure").first().select("details table tbody tr")).hasSize(52);
        // the reply-delay chart: the 26 newest replied posts of the year, every reply 3 hours after the comment
        Element delays = blog.select("svg.chart").get(1);
        assertThat(delays.select("rect")).hasSize(26);
        assertThat(delays.select("rect")).extracting(r -> r.attr("height")).containsOnly(delays.select("rect").attr("height"));
        assertThat(blog.select("figure").get(1).select("details tbody tr td.num").eachText())
                .hasSize(26).allSatisfy(t -> assertThat(t.replace('\u00a0', ' ')).isEqualTo("3 h"));

        // the score's four parts add up to the total shown
        assertThat(blog.select(".score-line strong").text()).isEqualTo("89.0");
        assertThat(blog.select(".score-line").text()).contains("Rank 2, new in the ranking.");
        assertThat(blog.select("table.breakdown tbody tr")).extracting(tr -> tr.select("th").text())
                .containsExactly("Consistency", "Responsiveness", "Recency", "Volume");
        assertThat(blog.select("table.breakdown tbody td:eq(3)").eachText())
                .containsExactly("45.00", "24.00", "15.00", "5.00");
        assertThat(blog.select("table.breakdown tfoot").text()).contains("89.00");
        assertThat(blog.select("table.breakdown tbody tr").get(1).text()).contains("Replied on 40 of 50 judged posts");

        // crawl status and its log, and the day's rank
        assertThat(blog.text()).contains("Crawled successfully.", "Last success", "16 Jun 2024, 11:00 UTC");
        assertThat(blog.select("table.log tbody tr")).hasSize(1);
        assertThat(blog.select("table.log tbody td").get(1).text()).isEqualTo("the feed");
        assertThat(text).contains("Rank history");
        assertThat(blog.select("h3:contains(Rank history) + .table-wrap tbody tr").eachText())
                .containsExactly("16 Jun 2024 #2 89.0 Active");
    }

    @Test
    void recentPostsShowRepliesAndHowEachCommentWasAttributedWithoutNamingReaders() {
        String html = site.server.get(profileOf(site.example("Weekly, answers most readers"))).body();
        Document doc = Jsoup.parse(html);
        Element posts = doc.select("ol.posts").first();
        assertThat(posts.select("> li")).hasSize(10);
        // the third newest post (31 May): 3 reader comments a day later, answered 3 hours after the first
        Element hostile = posts.getElementById("post-" + site.hostilePost);
        assertThat(hostile.select("a").first().text()).isEqualTo(RankedSite.HOSTILE_TITLE);
        assertThat(hostile.select(".badge.replied").text()).isEqualTo("official replied");
        assertThat(hostile.select(".meta").text()).contains("3 reader comments", "comments open");
        List<String> decisions = hostile.select("ul.decisions li").eachText();
        assertThat(decisions).hasSize(2);
        // each decision in words: the signal's sentence, then the detail (no internal codes such as no_match)
        assertThat(decisions.get(0)).isEqualTo("a reader, 1 Jun 2024, 09:00 UTC. No platform flag, account, name or"
                + " alias links the comment to the official. In detail: display name a reader differs from the post author.");
        assertThat(decisions.get(1)).isEqualTo("the official, 1 Jun 2024, 12:00 UTC, replying to a reader. WordPress"
                + " marked the comment 'bypostauthor': it was written from the post author's account. In detail: the"
                + " comment carries the class bypostauthor.");
        assertThat(hostile.select("details summary").text()).isEqualTo("How the 2 comments were attributed");
        assertThat(doc.select("main").text()).doesNotContain("no_match").doesNotContain("wordpress_post_author_flag");
        // the reader's name and profile address appear nowhere; the hostile title is text, not markup
        assertThat(html).doesNotContain(RankedSite.READER_NAME).doesNotContain("profiles.example")
                .doesNotContain("<script>alert('post')").contains("&lt;script&gt;alert(");
        assertThat(doc.select("script")).isEmpty();
        // of the 10 newest posts (k = 0..9) every fifth (k = 0, 5) went unanswered
        assertThat(posts.select("> li .badge.replied")).hasSize(8);
    }

    @Test
    void notEnoughDataClosedCommentsOfflineAndUnreachableBlogsSayWhy() {
        Document small = get(profileOf(site.example("New blog, too few posts to judge")));
        assertThat(small.select(".notice").text()).contains("Not enough data yet: fewer than 5 judged posts");
        assertThat(small.text().replace('\u00a0', ' ')).contains("Only 3 judged posts had reader comments and the"
                + " official replied on 3: not enough data yet (5 are needed)");

        Document closed = get(profileOf(site.example("Weekly, comments closed")));
        assertThat(closed.select("h1").text()).isEqualTo("<img src=x onerror=alert(1)> Mallory");
        assertThat(closed.select("img")).isEmpty();
        assertThat(closed.text()).contains("Comments were closed on all 50 judged posts whose comment state is known");
        assertThat(closed.select(".notice").text()).startsWith("Comments closed.").contains("counts 0.25");
        assertThat(closed.select("table.breakdown tbody tr").get(1).select("td").get(2).text()).isEqualTo("7.50");

        Document offline = get(profileOf(site.offline));
        assertThat(offline.select("h2 .badge").text()).isEqualTo("Offline");
        assertThat(offline.select("a[href='https://web.archive.org/web/*/https://olli.example.com/blog/']").text())
                .isEqualTo("Archived copies at the Wayback Machine");
        assertThat(offline.select(".score-line").text()).contains("Not ranked");

        Document unreachable = get(profileOf(site.unreachable));
        String text = unreachable.text();
        assertThat(text).contains("Unreachable: the crawler has failed 12 times in a row.",
                "Failure The site took too long to answer (connect timed out after 5000 ms)", "Consecutive failures 12",
                "Last success never", "Next attempt 17 Jun 2024, 00:00 UTC");
        assertThat(unreachable.select("table.log tbody tr td").last().text()).isEqualTo("The site took too long to answer");
        // never read: no score (the formula's priors alone would say 15.0), neither today nor in its history
        assertThat(unreachable.select(".score-line, table.breakdown")).isEmpty();
        assertThat(text).doesNotContain("15.0");

        Document lead = get(profileOf(site.lead));
        assertThat(lead.text()).contains("Blog address not known yet", "Nothing to crawl: no address is known yet.");
        assertThat(lead.select("svg")).isEmpty();
    }

    @Test
    void unknownOfficialsAre404() {
        for (String path : List.of("/officials/999999", "/officials/0", "/officials/abc", "/officials/1x")) {
            HttpResponse<String> res = site.server.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(res.body()).select("h1").text()).isEqualTo("Page not found");
        }
    }

    @Test
    void theMethodologyShowsTheSameWorkedExamplesTheTestsRecompute() {
        Document doc = get("/methodology");
        assertThat(doc.select("nav[aria-label=Main] a[aria-current=page]").text()).isEqualTo("Methodology");
        assertThat(doc.select("h2").eachText()).containsSubsequence(Methodology.sections(180).stream()
                .map(Methodology.Section::heading).toList()).contains("Worked examples", "Limits of the data");
        for (WorkedExample e : Methodology.examples()) {
            Element article = doc.select("article.example").stream()
                    .filter(a -> a.select("h3").text().equals(e.name())).findFirst().orElseThrow();
            assertThat(article.select(".arithmetic").text()).isEqualTo(e.expected().arithmetic());
            assertThat(article.select("strong").text())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", e.expected().points()));
            assertThat(article.select("tbody tr")).hasSize(4);
        }
        assertThat(doc.text()).contains("Last successful crawl: 16 Jun 2024, 12:00 UTC.",
                "Feeds show recent items only.", "Comments can be moderated or closed.", "Authorship.");
        // the score section keeps its paragraphs
        assertThat(doc.select("section:has(h2#the-score) p").size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theRiverListsTheNewestPostsOfListedBlogsPagedAndEscaped() {
        HttpResponse<String> res = site.server.get("/recent");
        assertThat(res.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(res.body());
        List<Element> items = doc.select("ol.river > li");
        assertThat(items).hasSize(50);
        Element first = items.get(0);
        assertThat(first.select("h2 a").text()).isEqualTo(RankedSite.HOSTILE_TITLE);
        assertThat(first.select(".meta a").text()).isEqualTo("Offline Olli");
        assertThat(first.select(".summary").text()).isEqualTo("Last words before ]]> going <b>offline</b> & away");
        assertThat(res.body()).doesNotContain("<script>alert").doesNotContain("<b>offline</b>");
        assertThat(doc.select("script, b")).isEmpty();
        List<String> times = doc.select("ol.river time").eachAttr("datetime");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(doc.select("a[rel=next]").attr("href")).isEqualTo("/recent?page=2");
        Document page2 = get("/recent?page=2");
        assertThat(page2.select("a[rel=prev]").attr("href")).isEqualTo("/recent");
        assertThat(page2.select("ol.river time").first().attr("datetime")).isLessThanOrEqualTo(times.get(49));
        // posts from the future are not in the river, and the lead has none
        assertThat(times.get(0)).isLessThanOrEqualTo(RankedSite.PAGE_NOW.toString());
    }

    @Test
    void theAtomFeedsAreWellFormedAndCarryHostileTextAsText() throws Exception {
        HttpResponse<String> res = site.server.get("/recent.atom");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        org.w3c.dom.Document feed = parseXml(res.body());
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(50);
        org.w3c.dom.Element first = (org.w3c.dom.Element) entries.item(0);
        assertThat(child(first, "title")).isEqualTo(RankedSite.HOSTILE_TITLE);
        assertThat(child(first, "summary")).isEqualTo("Last words before ]]> going <b>offline</b> & away");
        assertThat(child(first, "id")).startsWith(site.server.app.config.serve().baseUrl() + "/officials/");
        assertThat(child(first, "published")).isEqualTo("2024-06-16T11:30:00Z");
        assertThat(res.body()).doesNotContain("<script>").doesNotContain("\u0001");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            ids.add(child((org.w3c.dom.Element) entries.item(i), "id"));
        }
        assertThat(ids).doesNotHaveDuplicates();

        HttpResponse<String> blogs = site.server.get("/new-blogs.atom");
        assertThat(blogs.statusCode()).isEqualTo(200);
        org.w3c.dom.Document newBlogs = parseXml(blogs.body());
        NodeList blogEntries = newBlogs.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        // the 7 examples, dormant, offline, unreachable; not the lead (no address yet)
        assertThat(blogEntries.getLength()).isEqualTo(10);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < blogEntries.getLength(); i++) {
            titles.add(child((org.w3c.dom.Element) blogEntries.item(i), "title"));
        }
        assertThat(titles).contains("<img src=x onerror=alert(1)> Mallory, Office of example 3 (United Kingdom)")
                .noneMatch(t -> t.startsWith("Lead Leo"));
    }

    private static org.w3c.dom.Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String child(org.w3c.dom.Element e, String name) {
        return e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }
}
