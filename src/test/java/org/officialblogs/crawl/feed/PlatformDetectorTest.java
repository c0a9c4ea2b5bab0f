package org.officialblogs.crawl.feed;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Platform recognition from generators, URL shapes, item ids and page resources. */
class PlatformDetectorTest {

    private final PlatformDetector detector = new PlatformDetector();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://wordpress.org/?v=6.6.1                              | WORDPRESS
            WordPress.com                                               | WORDPRESS
            Blogger 7.00 (http://www.blogger.com)                       | BLOGGER
            blogger                                                     | BLOGGER
            Medium                                                      | MEDIUM
            Substack                                                    | SUBSTACK
            Ghost 5.73                                                  | GHOST
            TypePad (http://www.typepad.com/)                           | TYPEPAD
            Drupal 7 (http://drupal.org)                                | DRUPAL
            Tumblr (3.0; @vintagehomeplans)                             | TUMBLR
            Site-Server v6.0.0-8715-8715 (http://www.squarespace.com)   | SQUARESPACE
            Hugo -- gohugo.io                                           | HUGO
            Hugo 0.126.1                                                | HUGO
            Jekyll 4.3.4 (https://jekyllrb.com/)                        | JEKYLL
            http://www.sixapart.com/movabletype/?v=4.261                | MOVABLE_TYPE
            Movable Type Pro 7                                          | MOVABLE_TYPE
            FeedCreator 1.6                                             | OTHER
            oldSchool v0.42c                                            | OTHER
            Mediumish theme                                             | OTHER
            """)
    void generators(String generator, Platform expected) {
        assertThat(detector.detect(new PlatformClues(List.of(generator), List.of(), List.of(), List.of())).platform())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://councilnotes.blogspot.com/                             | BLOGGER
            https://councilnotes.blogspot.co.uk/2024/05/x.html             | BLOGGER
            https://www.blogger.com/feeds/3905741845175603023/posts/default | BLOGGER
            https://www.luxuryhaven.co/feeds/posts/default?alt=rss        | BLOGGER
            https://medium.com/@janemayor                                 | MEDIUM
            https://medium.com/feed/@janemayor                            | MEDIUM
            https://janemayor.medium.com/                                 | MEDIUM
            https://janemayor.substack.com/feed                           | SUBSTACK
            https://janemayor.wordpress.com/2012/12/11/post/              | WORDPRESS
            https://mayor.example.org/wp-content/uploads/a.jpg            | WORDPRESS
            https://mayor.example.org/?p=123                              | WORDPRESS
            https://mayor.example.org/?feed=rss2                          | WORDPRESS
            https://janemayor.typepad.com/blog/                           | TYPEPAD
            https://janemayor.tumblr.com/rss                              | TUMBLR
            https://janemayor.ghost.io/rss/                               | GHOST
            https://janemayor.squarespace.com/blog?format=rss             | SQUARESPACE
            https://mayor.example.org/feed/                               | OTHER
            https://notmedium.com/@x                                      | OTHER
            https://blogspot.example.org/                                 | OTHER
            """)
    void urlShapes(String url, Platform expected) {
        assertThat(detector.detect(PlatformClues.ofUrl(URI.create(url))).platform()).isEqualTo(expected);
    }

    @Test
    void itemIdsAndResourcesAreWeakerClues() {
        assertThat(detector.detect(new PlatformClues(List.of(), List.of(URI.create("https://feeds.feedburner.com/x")),
                List.of("166821 at http://motherjones.com"), List.of())).platform()).isEqualTo(Platform.DRUPAL);
        assertThat(detector.detect(new PlatformClues(List.of(), List.of(),
                List.of("tag:blogger.com,1999:blog-1.post-2"), List.of())).platform()).isEqualTo(Platform.BLOGGER);
        assertThat(detector.detect(new PlatformClues(List.of(), List.of(), List.of(),
                List.of("https://substackcdn.com/bundle/main.js"))).platform()).isEqualTo(Platform.SUBSTACK);
        PlatformMatch generatorWins = detector.detect(new PlatformClues(List.of("Ghost 5.0"),
                List.of(URI.create("https://janemayor.substack.com/")), List.of(), List.of("/wp-content/x.css")));
        assertThat(generatorWins).isEqualTo(new PlatformMatch(Platform.GHOST, "declared \"Ghost 5.0\""));
        assertThat(detector.detect(new PlatformClues(List.of(), List.of(), List.of(), List.of())))
                .isEqualTo(new PlatformMatch(Platform.OTHER, "no platform clue"));
    }

    /** Every corpus feed, through {@link PlatformClues#ofFeed}: what its generator, URL and ids reveal. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            blogger-4fsodonline-thr.atom.xml            | http://4fsodonline.blogspot.com/feeds/posts/default | BLOGGER
            blogger-headius-thr.atom.xml                | http://blog.headius.com/feeds/posts/default | BLOGGER
            drupal-lambdatheultimate-2014.rss.xml       | http://lambda-the-ultimate.org/rss.xml | DRUPAL
            drupal-motherjones-2009.rss.xml             | http://feeds.feedburner.com/motherjones/BlogsAndArticles | DRUPAL
            ghost-nooptoday-5.73.rss.xml                | https://nooptoday.com/rss/ | GHOST
            hugo-postgis.rss.xml                        | https://postgis.net/news/feed.xml | HUGO
            jekyll-qemu.atom.xml                        | https://www.qemu.org/feed.xml | JEKYLL
            medium-489.rss.xml                          | https://medium.com/feed/@hodlhodl | MEDIUM
            movabletype-davidbau-latin1.rss10.xml       | http://davidbau.com/index.rdf | MOVABLE_TYPE
            movabletype-gothamist-2009.rss.xml          | http://feeds.gothamistllc.com/gothamist05 | MOVABLE_TYPE
            squarespace-katiefloyd.rss.xml              | http://feed.katiefloyd.com/ | SQUARESPACE
            substack-heated-1item.rss.xml               | https://heated.world/feed | SUBSTACK
            tumblr-vintagehomeplans.rss.xml             | https://vintagehomeplans.tumblr.com/rss | TUMBLR
            typepad-awsblog-thrcount.atom.xml           | http://aws.typepad.com/aws/atom.xml | TYPEPAD
            typepad-hrefconsideredharmful.rss10.xml     | http://www.avibryant.com/index.rdf | TYPEPAD
            wordpress-atom10-thr.atom.xml               | http://www.norm2782.com/feed/atom/ | WORDPRESS
            wordpress-techcrunch-wpcom-2011.rss.xml     | http://feeds.feedburner.com/Techcrunch | WORDPRESS
            wordpress-rsscom-wp6.1-nocomments.rss.xml   | https://rss.com/blog/feed/ | WORDPRESS
            intertwingly-samruby-thrcount.atom.xml      | http://intertwingly.net/blog/index.atom | OTHER
            encoding-golem-latin1-slash.rss.xml         | https://rss.golem.de/rss.php?feed=RSS2.0 | OTHER
            oldschool-scriptingnews.rss.xml             | http://scripting.com/rss.xml | OTHER
            """)
    void corpusFeeds(String file, String feedUrl, Platform expected) {
        ParsedFeed feed = FeedFixtures.parsed(new FeedReader().read(FeedFixtures.feedFile(file), null,
                URI.create(feedUrl)));
        assertThat(detector.detect(URI.create(feedUrl), feed).platform()).isEqualTo(expected);
    }
}
