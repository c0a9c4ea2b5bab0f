package org.officialblogs.web;

import org.officialblogs.testkit.WebClient;
import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.crawl.CrawlOutcome;
import org.officialblogs.discover.Candidate;
import org.officialblogs.discover.CandidateFilter;
import org.officialblogs.discover.CandidateStatus;
import org.officialblogs.discover.DiscoveryService;
import org.officialblogs.discover.DiscoveryServiceTest;
import org.officialblogs.discover.FakeQueryService;
import org.officialblogs.discover.LoopbackBlogs;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.ListingStatus;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.UnavailableBlogPreviewer;

/**
 * From discovery to the rankings: Wikidata's recorded answers from a loopback endpoint, blogs on loopback sites,
 * the candidates page, a bulk approval and a rejection (audited), the first crawl, and the official ranked.
 */
class CandidatesAdminTest {

    @TempDir
    Path dir;
    FakeQueryService wikidata;
    LoopbackBlogs blogs;
    TestServer server;
    WebClient moderator;

    @BeforeEach
    void start() throws Exception {
        wikidata = new FakeQueryService();
        blogs = new LoopbackBlogs(Instant.now());
        DiscoveryServiceTest.SITES.forEach((real, path) -> wikidata.rewrite(real, blogs.url(path)));
        blogs.wordpress("/kono/", "ごまめの歯ぎしり", "河野太郎", 1, 3, 9)
                .feed("/noda-feed.xml", "野田聖子", "野田聖子", 1, 2)
                .wordpress("/featherstone/", "Lynne Featherstone", "Lynne Featherstone", 2, 6)
                .wordpress("/mccarthy/", "Kerry McCarthy", "Kerry McCarthy", 10, 50)
                .website("/leiper/", "Kitchissippi Ward", "<p>Welcome.</p>");
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true",
                "OFFICIALBLOGS_HOST_DELAY_MS", "0", "OFFICIALBLOGS_REQUEST_TIMEOUT_MS", "3000",
                "OFFICIALBLOGS_WIKIDATA_ENDPOINT", wikidata.endpoint())).withModerator();
        moderator = server.client();
        assertThat(moderator.login(TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
        server.app.discovery.wikidata(new DiscoveryService.WikidataRequest(DiscoveryServiceTest.COUNTRIES, List.of(),
                false, null, 0, true), DiscoveryService.Listener.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
        blogs.close();
        wikidata.close();
    }

    Candidate byName(String name) {
        return server.app.candidates.page(CandidateFilter.pending(), 0, 100).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
    }

    HttpResponse<String> decide(String action, Map<String, String> extra, long... ids) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        extra.forEach((k, v) -> form.add(Map.entry(k, v)));
        form.add(Map.entry("action", action));
        form.add(Map.entry("_csrf", moderator.adminCsrf()));
        for (long id : ids) form.add(Map.entry("id", Long.toString(id)));
        return moderator.postPairs("/admin/candidates", form);
    }

    @Test
    void theCandidatesPageListsStrongestEvidenceFirstWithItsFilters() {
        Document page = WebClient.html(moderator.get("/admin/candidates"));
        List<String> names = new ArrayList<>();
        page.select("table.candidates tbody th[scope=row]").forEach(th -> names.add(th.ownText().strip()));
        assertThat(names).hasSize(8);
        assertThat(names.subList(0, 3)).containsExactlyInAnyOrder("河野太郎", "野田聖子", "Lynne Featherstone");
        assertThat(names.get(names.size() - 1)).isIn("Jeff Leiper", "Chris Murphy", "Johannes Steiniger");
        Element konoRow = page.getElementById("candidate-" + byName("河野太郎").id());
        assertThat(konoRow.text()).contains("Own blog named in the source, with recent posts").contains("衆議院議員")
                .contains("Japan").contains("3 posts in 90 days").contains("posts name the official").contains("Q1161024");
        assertThat(page.getElementById("candidate-" + byName("Lynne Featherstone").id()).text())
                .contains("Member of the House of Lords").contains("position not in the table");
        assertThat(page.select("ul.runs li").text()).contains("candidates: 8 new");
        assertThat(page.select("nav.admin-nav a[aria-current=page]").text()).isEqualTo("Candidates");

        Document japan = WebClient.html(moderator.get("/admin/candidates?country=JP"));
        assertThat(japan.select("table.candidates tbody tr")).hasSize(2);
        assertThat(japan.select("select#f-country option[selected]").attr("value")).isEqualTo("JP");
        Document weak = WebClient.html(moderator.get("/admin/candidates?evidence=no_feed&level=local"));
        assertThat(weak.select("table.candidates tbody th[scope=row]").eachText()).singleElement().asString().startsWith("Jeff Leiper");
        Document none = WebClient.html(moderator.get("/admin/candidates?status=approved"));
        assertThat(none.select("p.notice").text()).contains("No candidate matches these filters");

        Document positions = WebClient.html(moderator.get("/admin/candidates/positions"));
        assertThat(positions.select("table tbody tr").text()).contains("Q1939555").contains("member of the German Bundestag")
                .contains("National").contains("Legislative");
    }

    @Test
    void fromDiscoveryThroughApprovalToACrawledRankedEntry() {
        Candidate kono = byName("河野太郎");
        Candidate lords = byName("Lynne Featherstone");
        // the position of one is not in the table: it is refused until a level and branch are chosen, the other goes through
        HttpResponse<String> partly = decide("approve", Map.of(), kono.id(), lords.id());
        assertThat(partly.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(partly).select(".alert").text()).contains("1 of 2 ticked candidates approved")
                .contains("#" + lords.id() + " Lynne Featherstone: the position “Member of the House of Lords” is not in the position table");
        HttpResponse<String> placed = decide("approve", Map.of("set_level", "national", "set_branch", "legislative"), lords.id());
        assertThat(placed.statusCode()).isEqualTo(303);
        assertThat(WebClient.html(moderator.get(placed.headers().firstValue("Location").orElseThrow())).select(".notice").text())
                .isEqualTo("1 candidate approved: listed, and their first crawl has been requested.");

        Candidate approved = server.app.candidates.byId(kono.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(CandidateStatus.APPROVED);
        Official o = server.app.registry.officialById(approved.officialId()).orElseThrow();
        assertThat(o.name()).isEqualTo("河野太郎");
        assertThat(o.office()).isEqualTo("衆議院議員");
        assertThat(o.wikidataId()).isEqualTo("Q1161024");
        assertThat(o.origin()).isEqualTo(Origin.IMPORT);
        assertThat(o.originRef()).startsWith("discovery candidate #" + kono.id() + ", run #");
        Blog blog = server.app.registry.blogById(approved.blogId()).orElseThrow();
        assertThat(blog.status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(blog.siteUrl()).isEqualTo(blogs.url("/kono/"));
        assertThat(blog.feedUrl()).isEqualTo(blogs.url("/kono/feed/"));
        assertThat(blog.platform()).isEqualTo("wordpress");
        assertThat(blog.notes()).contains("Found by discovery").contains("Wikidata item Q1161024");
        assertThat(server.app.registry.sourcesOf(o.id())).extracting(s -> s.url()).containsExactly("https://www.wikidata.org/wiki/Q1161024");
        assertThat(server.crawlRequests).containsExactly(approved.blogId(), server.app.candidates.byId(lords.id()).orElseThrow().blogId());
        Official peer = server.app.registry.officialById(server.app.candidates.byId(lords.id()).orElseThrow().officialId()).orElseThrow();
        assertThat(peer.office()).isEqualTo("Member of the House of Lords");
        assertThat(peer.level().code()).isEqualTo("national");
        assertThat(peer.branch().code()).isEqualTo("legislative");

        // approving again is refused; the audit log has the approvals
        assertThat(decide("approve", Map.of(), kono.id()).body()).contains("was already approved by moderator");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'candidate.approve' AND actor = 'moderator'")).isEqualTo(2);

        // the crawl the approval asked for, then the official is ranked and the profile links the Wikidata item
        CrawlOutcome crawled = server.app.crawlRunner.runOne(approved.blogId()).orElseThrow();
        assertThat(crawled.failed()).isFalse();
        Document rankings = WebClient.html(server.get("/"));
        assertThat(rankings.select("table.rankings a[href=/officials/" + o.id() + "]").text()).isEqualTo("河野太郎");
        Document profile = WebClient.html(server.get("/officials/" + o.id()));
        assertThat(profile.select("a[href=https://www.wikidata.org/wiki/Q1161024]")).isNotEmpty();
    }

    @Test
    void rejectingManyAtOnceNeedsAReasonAndIsAudited() {
        Candidate leiper = byName("Jeff Leiper");
        Candidate mccarthy = byName("Kerry McCarthy");
        HttpResponse<String> noReason = decide("reject", Map.of("reason", "  "), leiper.id(), mccarthy.id());
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(noReason).select(".alert").text()).contains("Give a reason for rejecting");
        assertThat(server.app.candidates.byId(leiper.id()).orElseThrow().status()).isEqualTo(CandidateStatus.PENDING);

        HttpResponse<String> rejected = decide("reject", Map.of("reason", "a constituency news page, not a blog"), leiper.id(), mccarthy.id());
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(server.app.candidates.byId(mccarthy.id()).orElseThrow().status()).isEqualTo(CandidateStatus.REJECTED);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'candidate.reject'")).isEqualTo(2);
        Document audit = WebClient.html(moderator.get("/admin/audit"));
        assertThat(audit.text()).contains("Rejected candidate #" + mccarthy.id() + " (Kerry McCarthy");
        Document list = WebClient.html(moderator.get("/admin/candidates?status=rejected"));
        assertThat(list.text()).contains("Reason: a constituency news page, not a blog");
        assertThat(server.count("SELECT count(*) FROM official")).as("nothing listed").isZero();
    }

    @Test
    void theCandidatesPageNeedsAModerator() {
        HttpResponse<String> anonymous = server.get("/admin/candidates");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }
}
