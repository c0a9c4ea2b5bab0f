package org.officialblogs.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.feed.BlogLinkFinder;
import org.officialblogs.crawl.feed.FeedDiscovery;
import org.officialblogs.crawl.feed.FeedReader;
import org.officialblogs.crawl.feed.PlatformDetector;
import org.officialblogs.crawl.fetch.FetchSettings;
import org.officialblogs.crawl.fetch.Fetcher;
import org.officialblogs.crawl.fetch.HostResolver;
import org.officialblogs.discover.BlogChecker;
import org.officialblogs.discover.Evidence;
import org.officialblogs.discover.EvidenceStrength;
import org.officialblogs.discover.LinkKind;
import org.officialblogs.discover.LoopbackBlogs;

/** Checking candidates against real sites on loopback, through the crawler's own fetcher and discovery. */
class CandidateBlogCheckerTest {

    static final Instant NOW = Instant.now();

    LoopbackBlogs blogs;
    Fetcher fetcher;
    CandidateBlogChecker checker;

    @BeforeEach
    void start() throws Exception {
        blogs = new LoopbackBlogs(NOW);
        fetcher = new Fetcher(FetchSettings.defaults("OfficialBlogs/test (+https://officialblogs.test)")
                .withAllowPrivateNetwork(true).withPoliteness(Duration.ZERO, 4)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3)),
                HostResolver.system(), java.time.Clock.systemUTC());
        FeedReader reader = new FeedReader();
        PlatformDetector detector = new PlatformDetector();
        FeedDiscovery discovery = new FeedDiscovery(detector);
        checker = new CandidateBlogChecker(fetcher, reader, discovery, new FeedLocator(fetcher, reader, discovery, detector),
                new BlogLinkFinder(), detector);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        blogs.close();
    }

    Evidence check(String path, LinkKind kind, String hint, String name) {
        return checker.check(new BlogChecker.Request(blogs.url(path), kind, hint, name, "en"), NOW);
    }

    @Test
    void anOwnBlogIsReadThroughItsFeedLink() {
        blogs.wordpress("/jane/", "Jane's notes", "Jane Smith", 2, 20, 60, 120);
        Evidence e = check("/jane/", LinkKind.BLOG, null, "Jane Smith");
        assertThat(e.outcome()).isEqualTo(Evidence.Outcome.FEED);
        assertThat(e.feedUrl()).isEqualTo(blogs.url("/jane/feed/"));
        assertThat(e.blogUrl()).isEqualTo(blogs.url("/jane/"));
        assertThat(e.foundVia()).isEqualTo("the page's feed link");
        assertThat(e.platform()).isEqualTo("wordpress");
        assertThat(e.postsInFeed()).isEqualTo(4);
        assertThat(e.posts90d()).isEqualTo(3);
        assertThat(e.latestPostAt()).isBefore(NOW.minus(Duration.ofDays(2))).isAfter(NOW.minus(Duration.ofDays(3)));
        assertThat(e.byline()).isEqualTo(Evidence.Byline.NAMED);
        assertThat(e.comments()).isEqualTo(Evidence.Comments.OPEN);
        assertThat(EvidenceStrength.of(LinkKind.BLOG, e)).isEqualTo(EvidenceStrength.OWN_BLOG);
    }

    @Test
    void aWebsiteIsSearchedForALinkThatSaysBlog() {
        blogs.website("/site/", "Brian Nickholz, MdB", "<nav><a href=\"/site/kontakt/\">Kontakt</a>"
                + " <a href=\"/site/aktuelles/\">Aktuelles</a> <a href=\"https://twitter.com/x\">Blog on X</a></nav>");
        blogs.wordpress("/site/aktuelles/", "Aktuelles", "Brian Nickholz", 5, 12);
        Evidence e = check("/site/", LinkKind.WEBSITE, null, "Brian Nickholz");
        assertThat(e.outcome()).isEqualTo(Evidence.Outcome.FEED);
        assertThat(e.blogUrl()).isEqualTo(blogs.url("/site/aktuelles/"));
        assertThat(e.foundVia()).isEqualTo("the site's link “Aktuelles”");
        assertThat(EvidenceStrength.of(LinkKind.WEBSITE, e)).isEqualTo(EvidenceStrength.NAMED_FEED);
    }

    @Test
    void aWebsitesNewsFeedByOthersIsWeakerEvidence() {
        blogs.wordpress("/party/", "News", "Press office", 1, 3, 8);
        Evidence e = check("/party/", LinkKind.WEBSITE, null, "Jane Smith");
        assertThat(e.byline()).isEqualTo(Evidence.Byline.OTHER);
        assertThat(e.bylineSample()).isEqualTo("Press office");
        assertThat(EvidenceStrength.of(LinkKind.WEBSITE, e)).isEqualTo(EvidenceStrength.SITE_FEED);
    }

    @Test
    void theSourcesFeedIsTriedFirst() {
        blogs.feed("/yamamoto-feed.xml", "一太ブログ", "山本一太", 1, 2);
        Evidence e = check("/yamamoto/", LinkKind.BLOG, blogs.url("/yamamoto-feed.xml"), "山本一太");
        assertThat(e.feedUrl()).isEqualTo(blogs.url("/yamamoto-feed.xml"));
        assertThat(e.foundVia()).isEqualTo("the feed the source gives");
        assertThat(e.byline()).isEqualTo(Evidence.Byline.NAMED);
        assertThat(blogs.site.count("/yamamoto/")).as("the blog page is not needed").isZero();
    }

    @Test
    void anAddressThatIsAFeed() {
        blogs.feed("/cecilia/feed.xml", "Cecilia", "Cecilia Ek", 10);
        Evidence e = check("/cecilia/feed.xml", LinkKind.FEED, null, "Cecilia Ek");
        assertThat(e.foundVia()).isEqualTo("the address is a feed");
        assertThat(e.comments()).isEqualTo(Evidence.Comments.CLOSED);
    }

    @Test
    void robotsTxtIsObeyedAndSaidSo() {
        blogs.robots("User-agent: *\nDisallow: /\n").wordpress("/jane/", "Jane", "Jane Smith", 1);
        Evidence e = check("/jane/", LinkKind.BLOG, null, "Jane Smith");
        assertThat(e.outcome()).isEqualTo(Evidence.Outcome.FAILED);
        assertThat(e.failureKind()).isEqualTo("robots_disallowed");
        assertThat(e.message()).startsWith("The site's robots.txt does not let us read this address");
        assertThat(blogs.site.count("/jane/")).isZero();
    }

    @Test
    void aSiteWithoutFeedOrBlogLinkSaysWhatWasTried() {
        blogs.website("/plain/", "Plain", "<p>Contact: <a href=\"/plain/kontakt/\">Kontakt</a></p>");
        Evidence e = check("/plain/", LinkKind.WEBSITE, null, "Jane Smith");
        assertThat(e.outcome()).isEqualTo(Evidence.Outcome.NO_FEED);
        assertThat(e.message()).contains("links no feed").contains("No link on the page says blog, diary, journal, news or articles.");
        assertThat(EvidenceStrength.of(LinkKind.WEBSITE, e)).isEqualTo(EvidenceStrength.NO_FEED);
    }

    @Test
    void aMissingPageIsAFailureInWords() {
        Evidence e = check("/gone/", LinkKind.BLOG, null, "Jane Smith");
        assertThat(e.outcome()).isEqualTo(Evidence.Outcome.FAILED);
        assertThat(e.failureKind()).isEqualTo("http_4xx");
        assertThat(e.message()).isEqualTo("The site refused the request (client error): HTTP 404");
    }
}
