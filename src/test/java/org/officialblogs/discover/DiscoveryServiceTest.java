package org.officialblogs.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.Config;
import org.officialblogs.testkit.MutableClock;
import org.officialblogs.registry.Level;

/**
 * Whole discovery runs in the real application: the recorded Wikidata answers from a loopback endpoint, their blog
 * addresses pointed at loopback sites, checked by the crawler, stored in a real SQLite file.
 */
public class DiscoveryServiceTest {

    @TempDir
    Path dir;
    FakeQueryService wikidata;
    LoopbackBlogs blogs;
    MutableClock clock;
    App app;

    /** The fixture's addresses and the loopback paths that stand for them. */
    public static final Map<String, String> SITES = Map.of(
            "https://www.brian-nickholz.de/", "/nickholz/",
            "https://susanne-hierl.de/", "/hierl/",
            "https://jeff-jackson.medium.com/", "/jackson-medium/",
            "https://jeffjacksonnc.substack.com/", "/jackson-substack/",
            "https://www.taro.org/", "/kono/",
            "https://ameblo.jp/ichita-y/", "/yamamoto/",
            "https://rssblog.ameba.jp/ichita-y/rss20.xml", "/yamamoto-feed.xml",
            "https://buergermeisterin.musterstadt.example/", "/mustermann/");

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.now());
        wikidata = new FakeQueryService();
        blogs = new LoopbackBlogs(clock.instant());
        SITES.forEach((real, path) -> wikidata.rewrite(real, blogs.url(path)));
        blogs.website("/nickholz/", "Brian Nickholz", "<a href=\"/nickholz/aktuelles/\">Aktuelles</a>")
                .wordpress("/nickholz/aktuelles/", "Aktuelles", "Brian Nickholz", 4, 30)
                .wordpress("/hierl/", "Susanne Hierl", "Susanne Hierl", 10, 50)
                .wordpress("/jackson-medium/", "Jeff Jackson", "Jeff Jackson", 200, 300)
                .wordpress("/kono/", "ごまめの歯ぎしり", "河野太郎", 1, 3, 9)
                .feed("/yamamoto-feed.xml", "山本一太オフィシャルブログ", "山本一太", 1, 2)
                .website("/mustermann/", "Musterstadt", "<p>Willkommen.</p>");
        app = new App(config(dir, wikidata.endpoint()), App.Parts.production().withClock(clock));
    }

    static Config config(Path dir, String endpoint) {
        Map<String, String> values = new HashMap<>(Map.of("OFFICIALBLOGS_PORT", "0",
                "OFFICIALBLOGS_DATA_DIR", dir.toString(), "OFFICIALBLOGS_SCHEDULER", "false",
                "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true", "OFFICIALBLOGS_HOST_DELAY_MS", "0",
                "OFFICIALBLOGS_CONNECT_TIMEOUT_MS", "1000", "OFFICIALBLOGS_READ_TIMEOUT_MS", "2000",
                "OFFICIALBLOGS_REQUEST_TIMEOUT_MS", "3000", "OFFICIALBLOGS_WIKIDATA_ENDPOINT", endpoint));
        return Config.fromValues(values);
    }

    @AfterEach
    void stop() {
        app.close();
        blogs.close();
        wikidata.close();
    }

    DiscoveryService.Report run() throws DiscoveryService.DiscoveryException {
        return app.discovery.wikidata(new DiscoveryService.WikidataRequest(List.of("DE", "jp", "US"), List.of(), false,
                null, 0, true), DiscoveryService.Listener.NONE);
    }

    Map<String, Candidate> byUrl() {
        Map<String, Candidate> out = new HashMap<>();
        for (CandidateStatus s : CandidateStatus.values()) {
            for (Candidate c : app.candidates.page(new CandidateFilter(s, null, null, null, null), 0, 100)) {
                String path = c.url().substring(c.url().indexOf('/', 8));
                out.put(path, c);
            }
        }
        return out;
    }

    @Test
    void aRunStoresChecksAndSumsUp() throws Exception {
        DiscoveryService.Report report = run();
        assertThat(report.summary()).isEqualTo("candidates: 7 new, 0 updated, 0 unchanged; with a feed 5,"
                + " active in 90 days 4; failed 2 (http_4xx 1, no_feed 1)");
        assertThat(report.problems()).hasSize(2);
        Map<String, Candidate> c = byUrl();
        assertThat(c).hasSize(7);
        assertThat(c.get("/kono/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(c.get("/kono/").name()).isEqualTo("河野太郎");
        assertThat(c.get("/yamamoto/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(c.get("/yamamoto/").evidence().feedUrl()).isEqualTo(blogs.url("/yamamoto-feed.xml"));
        assertThat(c.get("/hierl/").strength()).isEqualTo(EvidenceStrength.NAMED_FEED);
        assertThat(c.get("/nickholz/").strength()).isEqualTo(EvidenceStrength.NAMED_FEED);
        assertThat(c.get("/nickholz/").evidence().blogUrl()).isEqualTo(blogs.url("/nickholz/aktuelles/"));
        assertThat(c.get("/jackson-medium/").strength()).isEqualTo(EvidenceStrength.QUIET_FEED);
        assertThat(c.get("/jackson-substack/").evidence().message()).contains("HTTP 404");
        assertThat(c.get("/mustermann/").strength()).isEqualTo(EvidenceStrength.NO_FEED);
        assertThat(c.values()).allSatisfy(x -> assertThat(x.status()).isEqualTo(CandidateStatus.PENDING));
        // strongest evidence first on the moderators' page
        List<Candidate> page = app.candidates.page(CandidateFilter.pending(), 0, 10);
        assertThat(page.get(0).strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(page.get(page.size() - 1).strength()).isEqualTo(EvidenceStrength.NO_FEED);
        assertThat(wikidata.queries).hasSize(3);
        assertThat(wikidata.queries.get(1)).contains("VALUES ?country { wd:Q183 wd:Q17 wd:Q30 }")
                .contains("wikibase:language \"de,ja,mul,en\"");
    }

    @Test
    void reRunningUpdatesInsteadOfDuplicating() throws Exception {
        run();
        long requests = blogs.site.count("/kono/feed/");
        DiscoveryService.Report again = run();
        assertThat(again.summary()).startsWith("candidates: 0 new, 0 updated, 7 unchanged; with a feed 5, active in 90 days 4");
        assertThat(blogs.site.count("/kono/feed/")).as("checked recently: not checked again").isEqualTo(requests);
        assertThat(app.candidates.count(CandidateFilter.pending())).isEqualTo(7);
    }

    @Test
    void aRejectedCandidateComesBackOnlyWithStrongerEvidence() throws Exception {
        run();
        Map<String, Candidate> c = byUrl();
        var out = app.candidateReview.reject(List.of(c.get("/mustermann/").id(), c.get("/kono/").id()), "not a blog yet", "mod");
        assertThat(out.done()).isEqualTo(2);
        blogs.wordpress("/mustermann/", "Aus dem Rathaus", "Erika Mustermann", 1, 5);
        clock.advance(Duration.ofDays(1));
        run();
        Map<String, Candidate> after = byUrl();
        assertThat(after.get("/mustermann/").status()).isEqualTo(CandidateStatus.PENDING);
        assertThat(after.get("/mustermann/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(after.get("/mustermann/").rejectReason()).as("the old decision stays visible").isEqualTo("not a blog yet");
        assertThat(after.get("/kono/").status()).isEqualTo(CandidateStatus.REJECTED);
    }

    @Test
    void aSourceThatFailsStoresNothing() {
        wikidata.then(new FakeQueryService.Answer(200, "text/html", Fixtures.text("wikidata/error-page.html")));
        assertThatThrownBy(this::run).isInstanceOf(DiscoveryService.DiscoveryException.class)
                .hasMessageContaining("Wikimedia Error").hasMessageEndingWith("Nothing was stored.");
        assertThat(app.candidates.count(CandidateFilter.pending())).isZero();
        assertThat(app.candidates.recentRuns(1).get(0).failure()).contains("Wikimedia Error");
    }

    @Test
    void unknownCountriesAndPositionsAreRefusedBeforeAsking() {
        assertThatThrownBy(() -> app.discovery.wikidata(new DiscoveryService.WikidataRequest(List.of("XX"), List.of(),
                false, null, 0, true), DiscoveryService.Listener.NONE)).hasMessageContaining("'XX' is not a country code");
        assertThatThrownBy(() -> app.discovery.wikidata(new DiscoveryService.WikidataRequest(List.of("DE"), List.of("1939555"),
                false, null, 0, true), DiscoveryService.Listener.NONE)).hasMessageContaining("'1939555' is not a Wikidata item id");
        assertThat(wikidata.queries).isEmpty();
    }

    @Test
    void aPopoloFileWithGoodAndBrokenRecords() throws Exception {
        blogs.wordpress("/anna/", "Annan blogi", "Anna Virtanen", 3, 7)
                .website("/bo/", "Bo Lindqvist", "<a href=\"/bo/blogi/\">Blogi</a>")
                .wordpress("/bo/blogi/", "Blogi", "Bo Lindqvist", 20)
                .feed("/cecilia/feed.xml", "Cecilia", "Cecilia Ek", 400);
        byte[] file = Fixtures.text("popolo/parliament.json").replace("${SITE}", blogs.url("")).getBytes(StandardCharsets.UTF_8);
        DiscoveryService.Report r = app.discovery.popolo(new DiscoveryService.PopoloRequest(file, null, "parliament.json",
                "FI", Level.NATIONAL, "fi", false, 0, true), DiscoveryService.Listener.NONE);
        assertThat(r.summary()).isEqualTo("candidates: 3 new, 0 updated, 0 unchanged; with a feed 3, active in 90 days 2; failed 0");
        assertThat(r.problems()).hasSize(6);
        Map<String, Candidate> c = byUrl();
        assertThat(c.get("/anna/").wikidataId()).isEqualTo("Q999000201");
        assertThat(c.get("/anna/").sourceFile()).isEqualTo("parliament.json");
        assertThat(c.get("/bo/").evidence().foundVia()).isEqualTo("the site's link “Blogi”");
        // a file that is not Popolo stores nothing
        assertThatThrownBy(() -> app.discovery.popolo(new DiscoveryService.PopoloRequest("{}".getBytes(StandardCharsets.UTF_8),
                null, "empty.json", "FI", Level.NATIONAL, null, false, 0, true), DiscoveryService.Listener.NONE))
                .hasMessage("empty.json is not a Popolo file: it has no \"persons\" list. Nothing was stored.");
        assertThat(app.candidates.count(CandidateFilter.pending())).isEqualTo(3);
    }
}
