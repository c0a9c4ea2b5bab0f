package org.officialblogs.crawl.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed fixture whose licence allows copying, read as a mainstream reader would read it. Expectations were
 * established by reading each file: item count, first item's title/date/URL, and how many items carry each comment
 * signal. A table of what was read goes to the test output (target/surefire-reports/*-output.txt).
 */
class FeedCorpusTest {

    /**
     * @param documentUrl  where the feed lives (its self link or site), the base for relative links
     * @param firstPublished ISO instant, or null for a feed without dates (RSS 0.90)
     * @param slash   items with slash:comments (a number)
     * @param wfw     items with wfw:commentRss
     * @param page    items with an RSS comments page URL
     * @param thr     items with thr:total
     * @param replies Atom replies links in all items
     * @param counts  replies links carrying thr:count
     */
    record Expected(String file, String documentUrl, String format, int items, String firstTitle,
            String firstPublished, String firstUrl, int slash, int wfw, int page, int thr, int replies, int counts,
            String charset) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static Expected row(String file, String documentUrl, String format, int items, String firstTitle,
            String firstPublished, String firstUrl, int slash, int wfw, int page, int thr, int replies, int counts,
            String charset) {
        return new Expected(file, documentUrl, format, items, firstTitle, firstPublished, firstUrl, slash, wfw, page,
                thr, replies, counts, charset);
    }

    static List<Expected> corpus() {
        return List.of(
                row("blogger-4fsodonline-thr.atom.xml", "http://4fsodonline.blogspot.com/feeds/posts/default",
                        "atom_1.0", 25, "4FSOD Documentary: Bloopers and Stuff", "2007-12-15T07:15:00Z",
                        "http://4fsodonline.blogspot.com/2007/12/4fsod-documentary-bloopers-and-stuff.html",
                        0, 0, 0, 25, 50, 0, "UTF-8"),
                row("blogger-headius-thr.atom.xml", "http://blog.headius.com/feeds/posts/default", "atom_1.0", 25,
                        "JRubyConf.eu 2014!", "2014-05-21T17:44:00Z",
                        "http://blog.headius.com/2014/05/jrubyconfeu-2014.html", 0, 0, 0, 25, 50, 0, "UTF-8"),
                row("drupal-lambdatheultimate-2014.rss.xml", "http://lambda-the-ultimate.org/rss.xml", "rss_2.0", 15,
                        "John C Reynolds Doctoral Dissertation Award nominations for 2014", "2014-11-26T22:05:25Z",
                        "http://lambda-the-ultimate.org/node/5088", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("drupal-motherjones-2009.rss.xml", "http://feeds.feedburner.com/motherjones/BlogsAndArticles",
                        "rss_2.0", 10, "HSR Opponents Working Hard to Turn Me Into a Supporter",
                        "2012-03-08T17:07:40Z",
                        "http://motherjones.com/kevin-drum/2012/03/hsr-opponents-working-hard-turn-me-supporter",
                        0, 0, 0, 0, 0, 0, "UTF-8"),
                row("encoding-cerclepsy-nodecl-latin1.rss.xml", "https://le-cercle-psy.scienceshumaines.com/rss",
                        "rss_2.0", 9, "Perturbateurs endocriniens : quels effets sur le cerveau ?",
                        "2018-10-17T10:30:00Z", "https://le-cercle-psy.scienceshumaines.com/"
                                + "perturbateurs-endocriniens-quels-effets-sur-le-cerveau_sh_39995",
                        0, 0, 0, 0, 0, 0, "windows-1252"),
                row("encoding-golem-latin1-slash.rss.xml", "https://rss.golem.de/rss.php?feed=RSS2.0", "rss_2.0", 40,
                        "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games",
                        "2018-10-28T12:48:00Z", "https://www.golem.de/news/red-dead-redemption-2-hinweise-auf-pc-"
                                + "umsetzung-in-app-von-rockstar-games-1810-137358-rss.html",
                        35, 0, 39, 0, 0, 0, "windows-1252"),
                row("encoding-ibash-windows1251.rss.xml", "http://ibash.org.ru/rss.xml", "rss_2.0", 50,
                        "Цитата #17703", "2018-03-21T07:27:32Z", "http://ibash.org.ru/quote.php?id=17703",
                        0, 0, 0, 0, 0, 0, "windows-1251"),
                row("ghost-nooptoday-5.73.rss.xml", "https://nooptoday.com/rss/", "rss_2.0", 15,
                        "What Did I Learn While Creating feed-rs", "2023-11-15T11:56:32Z",
                        "https://nooptoday.com/what-did-i-learn-while-creating-feed-rs/", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("hugo-postgis.rss.xml", "https://postgis.net/news/feed.xml", "rss_2.0", 10, "PostGIS 3.5.0",
                        "2024-09-26T00:00:00Z", "https://postgis.net/2024/09/PostGIS-3.5.0/", 0, 0, 0, 0, 0, 0,
                        "UTF-8"),
                row("intertwingly-samruby-thrcount.atom.xml", "http://intertwingly.net/blog/index.atom", "atom_1.0",
                        20, "Plex", "2013-01-30T18:12:03Z", "http://intertwingly.net/blog/2013/01/30/Plex",
                        0, 0, 0, 0, 20, 20, "UTF-8"),
                row("invalid-atom-wrapped-in-xhtml.xml", "http://www.tablix.org/~avian/blog/atom.xml", "atom_1.0", 10,
                        "Down time", "2014-07-21T19:14:39Z",
                        "http://www.tablix.org/~avian/blog/archives/2014/07/down_time/", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("invalid-macworld-leading-whitespace.rss.xml", "https://www.macworld.com/index.rss", "rss_2.0", 30,
                        "Best smart lock", "2017-11-28T23:40:00Z",
                        "https://www.techhive.com/article/3212828/connected-home/best-smart-lock.html#tk.rss_all",
                        0, 0, 0, 0, 0, 0, "UTF-8"),
                row("invalid-phpxml-bogus-prolog.rss.xml", "https://www.fcutrecht.net/rss", "rss_2.0", 20,
                        "Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht", "2021-09-06T10:17:00Z",
                        "https://www.fcutrecht.net/nieuws/serdar-g-z-b-y-k-scheidsrechter-bij-fc-twente-fc-utrecht~8805",
                        0, 0, 0, 0, 0, 0, "UTF-8"),
                row("jekyll-qemu.atom.xml", "https://www.qemu.org/feed.xml", "atom_1.0", 10,
                        "QEMU version 10.1.0 released", "2025-08-26T23:25:00Z",
                        "https://www.qemu.org/2025/08/26/qemu-10-1-0/", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("medium-489.rss.xml", "https://medium.com/feed/@hodlhodl", "rss_2.0", 10,
                        "Hodl Hodl closes funding round", "2018-11-19T08:10:26Z",
                        "https://medium.com/@hodlhodl/hodl-hodl-closes-funding-round-417d97952d42"
                                + "?source=rss-b1f3d322dadf------2", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("movabletype-davidbau-latin1.rss10.xml", "http://davidbau.com/index.rdf", "rss_1.0", 15,
                        "The Right Kind of Openness for AI", "2024-03-28T11:08:34Z",
                        "http://davidbau.com/archives/2024/03/28/the_right_kind_of_openness_for_ai.html",
                        0, 0, 0, 0, 0, 0, "UTF-8"),
                row("movabletype-gothamist-2009.rss.xml", "http://feeds.gothamistllc.com/gothamist05", "rss_2.0", 42,
                        "Public Advocate Hopefuls Debate Each Other, Defend The Job", "2009-08-29T16:35:54Z",
                        "http://gothamist.com/2009/08/29/public_advocate_hopefuls_debate_eac.php",
                        0, 0, 40, 0, 0, 0, "UTF-8"),
                row("oldschool-scriptingnews.rss.xml", "http://scripting.com/rss.xml", "rss_2.0", 50, "",
                        "2017-06-26T12:20:05Z", "http://scripting.com/2017/06/26.html#a080605", 0, 0, 0, 0, 0, 0,
                        "UTF-8"),
                row("rss090-heise.rdf.xml", "https://www.heise.de/newsticker/heise.rdf", "rss_0.9", 60,
                        "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen", null,
                        "https://www.heise.de/newsticker/meldung/OLED-TVs-Vorsichtsmassnahmen-gegen-Einbrennen"
                                + "-4205274.html?wt_mc=rss.ho.beitrag.rdf", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("rss091-stadtfeuerwehr-latin1.xml", "http://www.stadtfeuerwehr-weiz.at/rss/einsaetze.xml",
                        "rss_0.91U", 15, "[19.08.2018 - 07:08 Uhr] Brandmeldeanlagenalarm", "2018-08-19T06:08:00Z",
                        "http://www.stadtfeuerwehr-weiz.at/einsaetze/einsatz-detail/5220/", 0, 0, 0, 0, 0, 0,
                        "windows-1252"),
                row("rss092-universfreebox-latin1.xml", "http://www.universfreebox.com/backend.php", "rss_0.92", 30,
                        "Retour de Xavier Niel sur Twitter, « sans initiative privée, pas de révolution #Born2code »",
                        "2013-03-25T19:43:20Z", "http://www.universfreebox.com/article20302.html",
                        0, 0, 0, 0, 0, 0, "windows-1252"),
                row("slashdot-2005-slash.rss10.xml", "http://rss.slashdot.org/Slashdot/slashdot", "rss_1.0", 10,
                        "The Prisoner To Be Remade On U.K. TV", "2005-11-20T00:43:00Z",
                        "http://slashdot.org/article.pl?sid=05/11/19/2014233&from=rss", 10, 0, 0, 0, 0, 0, "UTF-8"),
                row("squarespace-katiefloyd.rss.xml", "http://feed.katiefloyd.com/", "rss_2.0", 20,
                        "Special Mac Power Users for Relay FM Members", "2016-08-25T22:20:00Z",
                        "http://tracking.feedpress.it/link/980/4243452", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("substack-heated-1item.rss.xml", "https://heated.world/feed", "rss_2.0", 1,
                        "A conversation about Keystone XL", "2021-02-03T12:00:47Z",
                        "https://heated.world/p/a-conversation-about-keystone-xl", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("tumblr-vintagehomeplans.rss.xml", "https://vintagehomeplans.tumblr.com/rss", "rss_2.0", 20,
                        "France, 1927: A rustic little cottage", "2024-07-31T18:31:22Z",
                        "https://vintagehomeplans.tumblr.com/post/757544446779850752", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("typepad-awsblog-thrcount.atom.xml", "http://aws.typepad.com/aws/atom.xml", "atom_1.0", 10,
                        "AWS Job: Architect & Designer Position in Turkey", "2009-01-16T18:21:00Z",
                        "http://aws.typepad.com/aws/2009/01/aws-job-architect-designer-position-in-turkey.html",
                        0, 0, 0, 0, 10, 10, "UTF-8"),
                row("typepad-hrefconsideredharmful.rss10.xml", "http://www.avibryant.com/index.rdf", "rss_1.0", 10,
                        "Chrome, V8 and Strongtalk", "2008-09-02T19:50:07Z",
                        "http://www.avibryant.com/2008/09/chrome-v8-and-s.html", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("wordpress-atom10-thr.atom.xml", "http://www.norm2782.com/feed/atom/", "atom_1.0", 10,
                        "Wth… reading books?", "2009-03-02T08:09:33Z",
                        "http://www.norm2782.com/2009/03/wth-reading-books/", 0, 0, 0, 10, 20, 20, "UTF-8"),
                row("wordpress-brokelyn-wp2.8.rss.xml", "http://www.brokelyn.com/feed/", "rss_2.0", 10,
                        "Friday, sing back the Mack", "2010-07-07T17:32:22Z",
                        "http://www.brokelyn.com/friday-sing-along-to-the-macks-return/", 10, 10, 10, 0, 0, 0,
                        "UTF-8"),
                row("wordpress-codehollow-wp4.7.rss.xml", "https://codehollow.com/feed/", "rss_2.0", 10,
                        "Export Azure RateCard data to CSV with C# and Billing API", "2016-12-22T07:00:28Z",
                        "https://codehollow.com/2016/12/export-azure-ratecard-data-csv-csharp-billing-api/",
                        10, 10, 10, 0, 0, 0, "UTF-8"),
                row("wordpress-manton-wp4.2.rss.xml", "http://www.manton.org/feed", "rss_2.0", 10, "",
                        "2015-09-25T14:26:40Z", "http://www.manton.org/2015/09/3071.html", 10, 10, 10, 0, 0, 0,
                        "UTF-8"),
                row("wordpress-natasha-wp4.7.rss.xml", "https://www.natashatherobot.com/feed/", "rss_2.0", 10,
                        "The Easiest Way to Get a URL for your Apple Wallet Passkit Pass", "2017-07-07T11:06:10Z",
                        "https://www.natashatherobot.com/url-apple-wallet-passkit-pass/", 10, 10, 10, 0, 0, 0,
                        "UTF-8"),
                row("wordpress-rsscom-wp6.1-nocomments.rss.xml", "https://rss.com/blog/feed/", "rss_2.0", 100,
                        "Protected: How to Start a Second Podcast", "2023-01-24T22:12:39Z",
                        "https://rss.com/blog/how-to-start-a-second-podcast/", 0, 0, 0, 0, 0, 0, "UTF-8"),
                row("wordpress-sametmax-wp3.3-fr.rss.xml", "http://sametmax.com/feed/", "rss_2.0", 10,
                        "Les mensonges des DSL", "2013-12-15T01:36:55Z", "http://sametmax.com/les-mensonges-des-dsl/",
                        10, 10, 10, 0, 0, 0, "UTF-8"),
                row("wordpress-techcrunch-wpcom-2011.rss.xml", "http://feeds.feedburner.com/Techcrunch", "rss_2.0", 20,
                        "Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M",
                        "2011-11-02T17:25:27Z",
                        "http://techcrunch.com/2011/11/02/angies-list-prices-ipo-at-11-to-13-per-share-valued-at-over-600m/",
                        20, 20, 20, 0, 0, 0, "UTF-8"),
                row("wordpress-tenderlovemaking-wp2.7.rss.xml", "http://tenderlovemaking.com/feed/", "rss_2.0", 10,
                        "Nokogiri’s Slop Feature", "2008-12-04T17:17:49Z",
                        "http://tenderlovemaking.com/2008/12/04/nokogiris-slop-feature/", 0, 10, 10, 0, 0, 0, "UTF-8"),
                row("wordpress-wp2.8-rss2-dc-atom.rss.xml", "http://www.norm2782.com/feed/", "rss_2.0", 10,
                        "Wth… reading books?", "2009-03-02T08:09:33Z",
                        "http://www.norm2782.com/2009/03/wth-reading-books/", 10, 10, 10, 0, 0, 0, "UTF-8"));
    }

    private static final List<String> TABLE = new ArrayList<>();
    private final FeedReader reader = new FeedReader();

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsEachFeedAsTheBestReadersDo(Expected expected, TestReporter reporter) {
        ParsedFeed feed = FeedFixtures.parsed(
                reader.read(FeedFixtures.feedFile(expected.file()), null, URI.create(expected.documentUrl())));
        List<FeedItem> items = feed.items();
        long dated = items.stream().filter(i -> i.published() != null).count();
        long slash = items.stream().filter(i -> i.comments().slashComments() != null).count();
        long wfw = items.stream().filter(i -> i.comments().commentFeed() != null).count();
        long page = items.stream().filter(i -> i.comments().commentsPage() != null).count();
        long thr = items.stream().filter(i -> i.comments().threadTotal() != null).count();
        long replies = items.stream().mapToLong(i -> i.comments().replies().size()).sum();
        long counts = items.stream().flatMap(i -> i.comments().replies().stream()).filter(r -> r.count() != null)
                .count();
        String line = String.format("%-46s %-9s %-12s %5d %5d %5d %4d %5d %4d %7d %6d  %-20s %s%s", expected.file(),
                feed.format(), feed.charset(), items.size(), dated, slash, wfw, page, thr, replies, counts,
                items.isEmpty() ? "-" : items.get(0).published(), items.isEmpty() ? "-" : shorten(items.get(0).title()),
                feed.repairs().isEmpty() ? "" : "  repairs: " + String.join("; ", feed.repairs()));
        synchronized (TABLE) {
            TABLE.add(line);
        }
        reporter.publishEntry(expected.file(), line);

        assertThat(feed.format()).isEqualTo(expected.format());
        assertThat(feed.charset()).isEqualTo(expected.charset());
        assertThat(items).hasSize(expected.items());
        FeedItem first = items.get(0);
        assertThat(first.title()).isEqualTo(expected.firstTitle());
        assertThat(first.published()).isEqualTo(
                expected.firstPublished() == null ? null : Instant.parse(expected.firstPublished()));
        assertThat(first.url()).hasToString(expected.firstUrl());
        // Dated feeds date every post (no "now" stand-ins); RSS 0.90 has no date element at all.
        assertThat(dated).isEqualTo(expected.firstPublished() == null ? 0 : items.size());
        assertThat(new long[] {slash, wfw, page, thr, replies, counts}).as("comment signals").containsExactly(
                expected.slash(), expected.wfw(), expected.page(), expected.thr(), expected.replies(),
                expected.counts());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.url()).as("url of %s", item.id()).isNotNull();
            assertThat(item.url().getScheme()).isIn("http", "https");
            assertThat(item.title()).doesNotContain("<").doesNotContain("&amp;");
            assertThat(item.summaryHtml().length()).isLessThanOrEqualTo(FeedReader.DEFAULT_SUMMARY_MAX_CHARS);
            assertThat(item.summaryHtml()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                    .doesNotContainIgnoringCase("onclick=");
        });
        Set<String> ids = new HashSet<>();
        assertThat(items).allSatisfy(item -> assertThat(ids.add(item.id())).as("unique id %s", item.id()).isTrue());
    }

    @Test
    void theCorpusTableCoversEveryCopiedFeed() throws IOException, URISyntaxException {
        Path dir = Path.of(FeedCorpusTest.class.getResource("/feeds/MANIFEST.tsv").toURI()).getParent();
        Set<String> copied;
        try (Stream<Path> files = Files.list(dir)) {
            copied = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .collect(Collectors.toSet());
        }
        assertThat(corpus().stream().map(Expected::file)).containsExactlyInAnyOrderElementsOf(copied);
        assertThat(copied).hasSize(37);
    }

    @AfterAll
    static void printTable() {
        System.out.println("Feed corpus: what was read from each file");
        System.out.printf("%-46s %-9s %-12s %5s %5s %5s %4s %5s %4s %7s %6s  %-20s %s%n", "file", "format", "charset",
                "items", "dated", "slash", "wfw", "cpage", "thr", "replies", "count", "first published",
                "first title");
        TABLE.stream().sorted().forEach(System.out::println);
    }

    private static String shorten(String s) {
        return s.length() > 50 ? s.substring(0, 50) + "…" : s;
    }
}
