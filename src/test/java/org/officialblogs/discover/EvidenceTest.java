package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static Evidence.Post post(int daysAgo, String author, boolean comments) {
        return new Evidence.Post(NOW.minus(Duration.ofDays(daysAgo)), author, comments);
    }

    @Test
    void countsRecentPostsAndReadsBylinesAndComments() {
        Evidence e = Evidence.feed("https://a.example/feed/", "https://a.example/", "wordpress", "the page's feed link",
                List.of(post(3, "Jane Smith", true), post(40, "J. Smith", false), post(95, "Staff", false),
                        new Evidence.Post(NOW.plus(Duration.ofDays(2)), "Jane Smith", false)), "Jane Smith", true, NOW);
        assertThat(e.posts90d()).isEqualTo(2);
        assertThat(e.postsInFeed()).isEqualTo(4);
        assertThat(e.latestPostAt()).as("a post dated in the future is not the latest").isEqualTo(NOW.minus(Duration.ofDays(3)));
        assertThat(e.byline()).isEqualTo(Evidence.Byline.NAMED);
        assertThat(e.bylineSample()).isEqualTo("Jane Smith");
        assertThat(e.comments()).isEqualTo(Evidence.Comments.OPEN);
    }

    @Test
    void wordpressWithoutCommentElementsHasThemClosed() {
        Evidence e = Evidence.feed("f", "b", "wordpress", "v", List.of(post(1, "Press office", false)), "Jane Smith", true, NOW);
        assertThat(e.comments()).isEqualTo(Evidence.Comments.CLOSED);
        assertThat(e.byline()).isEqualTo(Evidence.Byline.OTHER);
        Evidence other = Evidence.feed("f", "b", "other", "v", List.of(post(1, null, false)), "Jane Smith", false, NOW);
        assertThat(other.comments()).isEqualTo(Evidence.Comments.UNKNOWN);
        assertThat(other.byline()).isEqualTo(Evidence.Byline.NONE);
    }

    @Test
    void strengthOrdersOwnBlogThenNamedFeedThenSiteFeed() {
        Evidence active = Evidence.feed("f", "b", "other", "v", List.of(post(1, "Press office", false)), "Jane Smith", false, NOW);
        Evidence named = Evidence.feed("f", "b", "other", "v", List.of(post(1, "Jane Smith", false)), "Jane Smith", false, NOW);
        Evidence quiet = Evidence.feed("f", "b", "other", "v", List.of(post(200, "Jane Smith", false)), "Jane Smith", false, NOW);
        assertThat(EvidenceStrength.of(LinkKind.BLOG, active)).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(EvidenceStrength.of(LinkKind.WEBSITE, named)).isEqualTo(EvidenceStrength.NAMED_FEED);
        assertThat(EvidenceStrength.of(LinkKind.WEBSITE, active)).isEqualTo(EvidenceStrength.SITE_FEED);
        assertThat(EvidenceStrength.of(LinkKind.BLOG, quiet)).isEqualTo(EvidenceStrength.QUIET_FEED);
        assertThat(EvidenceStrength.of(LinkKind.BLOG, Evidence.noFeed("none", "b"))).isEqualTo(EvidenceStrength.NO_FEED);
        assertThat(EvidenceStrength.of(LinkKind.BLOG, null)).isEqualTo(EvidenceStrength.UNCHECKED);
        assertThat(EvidenceStrength.OWN_BLOG.value()).isGreaterThan(EvidenceStrength.NAMED_FEED.value());
        assertThat(EvidenceStrength.NAMED_FEED.value()).isGreaterThan(EvidenceStrength.SITE_FEED.value());
    }

    @Test
    void bylinesNameTheOfficialInTheirUsualForms() {
        assertThat(Bylines.names("Jane Smith", "Jane Smith")).isTrue();
        assertThat(Bylines.names("jane  SMITH", "Jane Smith")).isTrue();
        assertThat(Bylines.names("Smith Jane", "Jane Smith")).isTrue();
        assertThat(Bylines.names("J. Smith", "Jane Smith")).isTrue();
        assertThat(Bylines.names("Mayor Jane Smith", "Jane Smith")).isTrue();
        assertThat(Bylines.names("Katrin Sjogren", "Sjögren Katrin")).isTrue();
        assertThat(Bylines.names("河野太郎", "河野太郎")).isTrue();
        assertThat(Bylines.names("河野 太郎", "河野太郎")).isTrue();
        assertThat(Bylines.names("Smith", "Jane Smith")).isFalse();
        assertThat(Bylines.names("John Smith", "Jane Smith")).isFalse();
        assertThat(Bylines.names("Press office", "Jane Smith")).isFalse();
        assertThat(Bylines.names("admin", "Jane Smith")).isFalse();
    }
}
