package org.officialblogs.crawl.comments.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.officialblogs.crawl.comments.CommentService;
import org.officialblogs.crawl.comments.PostRef;
import org.officialblogs.crawl.comments.RepliesMeasurable;
import org.officialblogs.crawl.comments.api.CommentSystem;
import org.officialblogs.crawl.comments.api.FixtureServer;
import org.officialblogs.crawl.comments.commento.CommentoSite;
import org.officialblogs.crawl.comments.ghost.GhostSite;
import org.officialblogs.crawl.comments.github.GiscusSite;
import org.officialblogs.crawl.comments.github.UtterancesSite;
import org.officialblogs.crawl.comments.isso.IssoSite;
import org.officialblogs.crawl.comments.remark42.Remark42Site;
import org.officialblogs.crawl.comments.substack.SubstackPublication;
import org.officialblogs.crawl.comments.wordpress.WordPressRestSite;
import org.officialblogs.crawl.feed.Platform;

class CommentSystemDetectorTest {
    private final CommentSystemDetector detector = new CommentSystemDetector();

    private CommentSystemDetection detect(String resource, String url) {
        return detector.detect(FixtureServer.bytes(resource), null, URI.create(url));
    }

    private static CommentService[] services(CommentSystemDetection d) {
        return d.systems().stream().map(CommentSystem::service).toArray(CommentService[]::new);
    }

    // Real pages (see src/test/resources/comments/pages/MANIFEST.tsv)

    @Test
    void aRealWordPressPageHasItsCommentMarkupAndItsAnnouncedRestApiWithThePostId() {
        CommentSystemDetection d = detect("/feeds/wordpress-lemire-post-comments.html",
                "https://lemire.me/blog/2019/08/02/json-parsing-simdjson-vs-json-for-modern-c/");

        assertThat(d.platform().platform()).isEqualTo(Platform.WORDPRESS);
        assertThat(d.platform().evidence()).isEqualTo("declared \"WordPress 5.3\"");
        assertThat(services(d)).containsExactly(CommentService.PAGE_MARKUP, CommentService.WORDPRESS_REST);
        assertThat(((WordPressRestSite) d.systems().get(1)).apiRoot()).hasToString("https://lemire.me/blog/wp-json/");
        // from the shortlink ?p=17725 (and the body's postid-17725)
        assertThat(d.post().platformPostId()).isEqualTo("17725");
        assertThat(d.measurable().orElseThrow().label()).isEqualTo("replies measurable");
    }

    @Test
    void aRealGhostPageWithSelfHostedCommentoReadsFromTheCommentoServer() {
        CommentSystemDetection d = detect("/comments/pages/ghost3.99-publikum-commento.html",
                "https://publikum.net/hpv-impfungen/");

        assertThat(d.platform().platform()).isEqualTo(Platform.GHOST);
        assertThat(d.platform().evidence()).isEqualTo("declared \"Ghost 3.99\"");
        assertThat(services(d)).containsExactly(CommentService.COMMENTO);
        assertThat(((CommentoSite) d.systems().get(0)).origin()).hasToString("https://commento.publikum.net/");
    }

    @Test
    void realDisqusPagesAreCommentsOnDisqusNotMeasured() {
        CommentSystemDetection caktus = detect("/comments/pages/disqus-caktusgroup.html",
                "http://www.caktusgroup.com/blog/2015/06/08/testing-client-side-applications-django-post-mortem/");
        assertThat(services(caktus)).startsWith(CommentService.DISQUS);
        assertThat(caktus.systems().get(0).evidence()).isEqualTo("div#disqus_thread, forum wwwcaktusblog");
        RepliesMeasurable verdict = caktus.measurable().orElseThrow();
        assertThat(verdict.label()).isEqualTo("comments on Disqus: not measured");

        CommentSystemDetection szorc = detect("/comments/pages/disqus-gregoryszorc-forums.html",
                "http://gregoryszorc.com/blog/2020/01/13/mercurial's-journey-to-and-reflections-on-python-3/");
        assertThat(szorc.systems().get(0).evidence()).endsWith("forum gregoryszorc");
        assertThat(szorc.systems().get(0).forPost(szorc.post())).isEmpty();
    }

    @Test
    void aRealPageWithFacebookCommentsIsNotMeasured() {
        CommentSystemDetection d = detect("/comments/pages/facebook-bahamaslocal.html",
                "https://www.bahamaslocal.com/newsitem/276167/ATLANTIS_PARADISE_ISLAND_AND_DOLPHIN_CAY_DONATES_MEDICAL_"
                        + "SUPPLIES_TO_BAARK.html");

        assertThat(services(d)).containsExactly(CommentService.FACEBOOK);
        assertThat(d.systems().get(0).evidence()).startsWith("div.fb-comments data-href=https://www.bahamaslocal.com/");
        assertThat(d.measurable().orElseThrow().label()).isEqualTo("comments on Facebook comments: not measured");
    }

    @Test
    void embedsLeftInAnHtmlCommentOrOnlyStyledAreNotEmbeds() {
        // a real WordPress 4.1 page whose theme left its Facebook comments box inside <!-- -->
        CommentSystemDetection modabot = detect("/comments/pages/facebook-commented-out-wordpress4.1-modabot.html",
                "http://www.modabot.de/serkan/");
        assertThat(modabot.platform().platform()).isEqualTo(Platform.WORDPRESS);
        assertThat(services(modabot)).containsExactly(CommentService.PAGE_MARKUP);

        CommentSystemDetection styled = detect("/comments/pages/wordpress-disqus-only-in-css.html",
                "https://janedoe.example.org/2024/06/school-crossings/");
        assertThat(services(styled)).containsExactly(CommentService.PAGE_MARKUP, CommentService.WORDPRESS_REST);
        // the REST link for the post (/wp-json/wp/v2/posts/918) names its id
        assertThat(styled.post().platformPostId()).isEqualTo("918");
    }

    @Test
    void realMediumPagesAreNotMeasurableOnThePlatform() {
        CommentSystemDetection readability = detect("/feeds/medium-openjournalism-post.html",
                "https://medium.com/@pippinlee/the-open-journalism-project-better-student-journalism-fb39f4f701bb");
        assertThat(readability.platform().platform()).isEqualTo(Platform.MEDIUM);
        assertThat(services(readability)).containsExactly(CommentService.MEDIUM);
        assertThat(readability.measurable().orElseThrow().label()).isEqualTo("replies not measurable on Medium");

        // a custom domain: only Medium's app-link tags tell
        CommentSystemDetection postlight = detect("/comments/pages/medium-postlight.html",
                "https://blog.example.net/some-story-e52ab9515573");
        assertThat(postlight.platform().platform()).isEqualTo(Platform.MEDIUM);
        assertThat(services(postlight)).containsExactly(CommentService.MEDIUM);
    }

    // Pages built from each service's documented embed code (see the pages README)

    @Test
    void aSubstackPostOnItsOwnDomainIsKnownByItsPreloadedStateWhichGivesThePostId() {
        CommentSystemDetection d = detect("/comments/pages/substack-custom-domain-post.html",
                "https://news.janedoe.example.org/p/school-crossings");

        assertThat(d.platform().platform()).isEqualTo(Platform.SUBSTACK);
        assertThat(services(d)).containsExactly(CommentService.SUBSTACK);
        assertThat(((SubstackPublication) d.systems().get(0)).base()).hasToString("https://news.janedoe.example.org/");
        assertThat(d.post().platformPostId()).isEqualTo("140001");
        assertThat(d.post().title()).isEqualTo("School crossings: where the money goes");
        assertThat(d.primary().orElseThrow().forPost(d.post())).isPresent();
    }

    @Test
    void ghostNativeCommentsComeWithTheContentApiAndThePostId() {
        CommentSystemDetection d = detect("/comments/pages/ghost5-native-comments.html",
                "https://jane-doe.ghost.io/school-crossings/");

        assertThat(d.platform().platform()).isEqualTo(Platform.GHOST);
        GhostSite ghost = (GhostSite) d.primary().orElseThrow();
        assertThat(ghost.site()).hasToString("https://jane-doe.ghost.io/");
        assertThat(ghost.contentApi()).hasToString("https://jane-doe.ghost.io/ghost/api/content/");
        assertThat(ghost.contentKey()).isEqualTo("22444f78447824223cefc48062");
        assertThat(ghost.commentsEnabled()).isEqualTo("all");
        assertThat(d.post().platformPostId()).isEqualTo("665f1a2b3c4d5e6f7a8b9c0d");
        assertThat(ghost.forPost(d.post())).isPresent();
    }

    @Test
    void giscusAndUtterancesNameTheirRepositoryAndMapping() {
        CommentSystemDetection giscus = detect("/comments/pages/giscus-hugo.html",
                "https://janedoe.example.org/posts/school-crossings/");
        assertThat(giscus.platform().platform()).isEqualTo(Platform.HUGO);
        GiscusSite site = (GiscusSite) giscus.primary().orElseThrow();
        assertThat(site).extracting(GiscusSite::repo, GiscusSite::category, GiscusSite::mapping, GiscusSite::strict)
                .containsExactly("janedoe/blog-comments", "Comments", "pathname", false);
        assertThat(site.origin()).hasToString("https://giscus.app/");

        CommentSystemDetection utterances = detect("/comments/pages/utterances-jekyll.html",
                "https://janedoe.github.io/2024/06/school-crossings.html");
        UtterancesSite u = (UtterancesSite) utterances.primary().orElseThrow();
        assertThat(u.repo()).isEqualTo("janedoe/blog-comments");
        assertThat(u.issueTerm()).isEqualTo("og:title");
        assertThat(utterances.post().title()).isEqualTo("School crossings: where the money goes");
        assertThat(u.forPost(utterances.post()).orElseThrow().start().next().orElseThrow().url().getRawQuery())
                .contains("q=%22School%20crossings%3A%20where%20the%20money%20goes%22");
    }

    @Test
    void issoAndRemark42NameTheirServerAndThread() {
        CommentSystemDetection isso = detect("/comments/pages/isso-static.html",
                "https://janedoe.example.org/2024/06/school-crossings/");
        assertThat(((IssoSite) isso.primary().orElseThrow()).endpoint())
                .hasToString("https://comments.janedoe.example.org/");
        assertThat(isso.post().threadId()).isEqualTo("school-crossings-2024");

        CommentSystemDetection remark = detect("/comments/pages/remark42-static.html",
                "https://janedoe.example.org/2024/06/school-crossings/");
        Remark42Site r = (Remark42Site) remark.primary().orElseThrow();
        assertThat(r.host()).hasToString("https://remark42.janedoe.example.org");
        assertThat(r.siteId()).isEqualTo("janedoe");
    }

    @Test
    void hyvorTalkInBothEmbedVersionsIsNotMeasured() {
        for (String page : new String[] {"hyvor-talk-v3.html", "hyvor-talk-v2.html"}) {
            CommentSystemDetection d = detect("/comments/pages/" + page, "https://janedoe.example.org/p/1");
            assertThat(services(d)).containsExactly(CommentService.HYVOR);
            assertThat(d.measurable().orElseThrow().label()).isEqualTo("comments on Hyvor Talk: not measured");
        }
    }

    @Test
    void aPageWithoutCommentsNamesNoSystem() {
        CommentSystemDetection d = detector.detect("<html><head><title>x</title></head><body><p>Hi</p></body></html>"
                .getBytes(), "UTF-8", URI.create("https://example.org/about"));

        assertThat(d.systems()).isEmpty();
        assertThat(d.measurable()).isEmpty();
        assertThat(d.post()).isEqualTo(new PostRef(URI.create("https://example.org/about"), null, "x", null));
    }
}
