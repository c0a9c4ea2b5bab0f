package org.officialblogs.crawl.comments.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.api.ApiRequest;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.api.FixtureServer;

class CommentSystemsTest {
    private static final String[][] PAGES = {
        {"/feeds/wordpress-lemire-post-comments.html", "https://lemire.me/blog/2019/08/02/json-parsing/"},
        {"/comments/pages/ghost3.99-publikum-commento.html", "https://publikum.net/hpv-impfungen/"},
        {"/comments/pages/ghost5-native-comments.html", "https://jane-doe.ghost.io/school-crossings/"},
        {"/comments/pages/substack-custom-domain-post.html", "https://news.janedoe.example.org/p/school-crossings"},
        {"/comments/pages/giscus-hugo.html", "https://janedoe.example.org/posts/school-crossings/"},
        {"/comments/pages/utterances-jekyll.html", "https://janedoe.github.io/2024/06/school-crossings.html"},
        {"/comments/pages/isso-static.html", "https://janedoe.example.org/2024/06/school-crossings/"},
        {"/comments/pages/remark42-static.html", "https://janedoe.example.org/2024/06/school-crossings/"},
        {"/comments/pages/disqus-caktusgroup.html", "http://www.caktusgroup.com/blog/2015/06/08/testing/"},
        {"/comments/pages/hyvor-talk-v3.html", "https://janedoe.example.org/p/1"},
        {"/feeds/medium-openjournalism-post.html", "https://medium.com/@pippinlee/the-open-journalism-fb39f4f701bb"},
    };

    @Test
    void everyDetectedSystemComesBackFromWhatIsStoredAndReadsTheSamePostTheSameWay() {
        CommentSystemDetector detector = new CommentSystemDetector();
        List<CommentService> seen = new ArrayList<>();
        for (String[] page : PAGES) {
            CommentSystemDetection d = detector.detect(FixtureServer.bytes(page[0]), null, URI.create(page[1]));
            for (CommentSystem system : d.systems()) {
                CommentSystem restored = CommentSystems.restore(system.service(), system.settings(), system.evidence());

                assertThat(restored).as(page[0]).isEqualTo(system);
                assertThat(first(restored, d.post())).as(page[0]).isEqualTo(first(system, d.post()));
                seen.add(system.service());
            }
        }
        assertThat(seen).contains(CommentService.PAGE_MARKUP, CommentService.WORDPRESS_REST, CommentService.COMMENTO,
                CommentService.GHOST, CommentService.SUBSTACK, CommentService.GISCUS, CommentService.UTTERANCES,
                CommentService.ISSO, CommentService.REMARK42, CommentService.DISQUS, CommentService.HYVOR,
                CommentService.MEDIUM);
    }

    @Test
    void aMissingOrUnsafeSettingIsAClearError() {
        assertThatThrownBy(() -> CommentSystems.restore(CommentService.ISSO, Map.of(), null))
                .hasMessage("setting endpoint is missing");
        assertThatThrownBy(() -> CommentSystems.restore(CommentService.REMARK42,
                Map.of("host", "file:///etc/passwd"), null))
                .hasMessage("setting host is not an http(s) address: file:///etc/passwd");
    }

    private static ApiRequest first(CommentSystem system, PostRef post) {
        return system.forPost(post).map(api -> api.start().next().orElse(null)).orElse(null);
    }
}
