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
import org.officialblogs.config.Config;
import org.officialblogs.registry.Level;
import org.officialblogs.testkit.MutableClock;

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
            "https://johannes-steiniger.de/", "/steiniger/",
            "https://chrismurphyct.medium.com/", "/murphy-medium/",
            "https://www.chrismurphyct.com/", "/murphy-substack/",
            "https://www.taro.org/", "/kono/",
            "https://ameblo.jp/seiko-noda/", "/noda/",
            "https://rssblog.ameba.jp/seiko-noda/rss20.xml", "/noda-feed.xml",
            "https://lynnefeatherstone.org/", "/featherstone/",
            "https://www.kerrymccarthy.org/", "/mccarthy/",
            "https://kitchissippiward.ca/blog", "/leiper/");

    /** The countries of the recorded answers, as a user would type them. */
    public static final List<String> COUNTRIES = List.of("DE", "jp", "US", "GB", "CA");

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.now());
        wikidata = new FakeQueryService();
        blogs = new LoopbackBlogs(clock.instant());
        SITES.forEach((real, path) -> wikidata.rewrite(real, blogs.url(path)));
        blogs.website("/steiniger/", "Johannes Steiniger", "<a href=\"/steiniger/aktuelles/\">Aktuelles</a>")
                .wordpress("/steiniger/aktuelles/", "Aktuelles", "Johannes Steiniger", 4, 30)
                .wordpress("/mccarthy/", "Kerry McCarthy", "Kerry McCarthy", 10, 50)
                .wordpress("/murphy-medium/", "Chris Murphy", "Chris Murphy", 200, 300)
                .wordpress("/kono/", "ごまめの歯ぎしり", "河野太郎", 1, 3, 9)
                .feed("/noda-feed.xml", "野田聖子", "野田聖子", 1, 2)
                .wordpress("/featherstone/", "Lynne Featherstone", "Lynne Featherstone", 2, 6)
                .website("/leiper/", "Kitchissippi Ward", "<p>Welcome.</p>");
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
        return app.discovery.wikidata(new DiscoveryService.WikidataRequest(COUNTRIES, List.of(), false, null, 0, true),
                DiscoveryService.Listener.NONE);
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
        assertThat(report.summary()).isEqualTo("candidates: 8 new, 0 updated, 0 unchanged; with a feed 6,"
                + " active in 90 days 5; failed 2 (http_4xx 1, no_feed 1)");
        // a person without a name in the asked languages, an address that is not a web address
        assertThat(report.problems()).hasSize(2);
        Map<String, Candidate> c = byUrl();
        assertThat(c).hasSize(8);
        assertThat(c.get("/kono/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(c.get("/kono/").name()).isEqualTo("河野太郎");
        assertThat(c.get("/kono/").wikidataId()).isEqualTo("Q1161024");
        assertThat(c.get("/noda/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(c.get("/noda/").evidence().feedUrl()).isEqualTo(blogs.url("/noda-feed.xml"));
        assertThat(c.get("/featherstone/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(c.get("/mccarthy/").strength()).isEqualTo(EvidenceStrength.NAMED_FEED);
        assertThat(c.get("/steiniger/").strength()).isEqualTo(EvidenceStrength.NAMED_FEED);
        assertThat(c.get("/steiniger/").evidence().blogUrl()).isEqualTo(blogs.url("/steiniger/aktuelles/"));
        assertThat(c.get("/murphy-medium/").strength()).isEqualTo(EvidenceStrength.QUIET_FEED);
        assertThat(c.get("/murphy-substack/").evidence().message()).contains("HTTP 404");
        assertThat(c.get("/leiper/").strength()).isEqualTo(EvidenceStrength.NO_FEED);
        assertThat(c.values()).allSatisfy(x -> assertThat(x.status()).isEqualTo(CandidateStatus.PENDING));
        // strongest evidence first on the moderators' page
        List<Candidate> page = app.candidates.page(CandidateFilter.pending(), 0, 10);
        assertThat(page.get(0).strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(page.get(page.size() - 1).strength()).isEqualTo(EvidenceStrength.NO_FEED);
        // the countries, then each country's holders with labels in its own languages, then the position classes
        assertThat(wikidata.queries).hasSize(7);
        assertThat(wikidata.queries.get(0)).contains("VALUES ?code { \"DE\" \"JP\" \"US\" \"GB\" \"CA\" }");
        assertThat(wikidata.queries.get(1)).contains("VALUES ?country { wd:Q183 }").contains("wikibase:language \"de,mul,en\"");
        assertThat(wikidata.queries.get(2)).contains("VALUES ?country { wd:Q17 }").contains("wikibase:language \"ja,mul,en\"");
        assertThat(wikidata.queries.get(3)).contains("VALUES ?country { wd:Q30 }").contains("wikibase:language \"mul,en\"");
        assertThat(wikidata.queries.get(5)).contains("VALUES ?country { wd:Q16 }").contains("wikibase:language \"en,fr,mul\"");
        assertThat(wikidata.queries.get(6)).contains("wdt:P279*").contains("wd:Q16707842").contains("wd:Q47487122")
                .contains("wd:Q18952564");
    }

    @Test
    void reRunningUpdatesInsteadOfDuplicating() throws Exception {
        run();
        long requests = blogs.site.count("/kono/feed/");
        DiscoveryService.Report again = run();
        assertThat(again.summary()).startsWith("candidates: 0 new, 0 updated, 8 unchanged; with a feed 6, active in 90 days 5");
        assertThat(blogs.site.count("/kono/feed/")).as("checked recently: not checked again").isEqualTo(requests);
        assertThat(app.candidates.count(CandidateFilter.pending())).isEqualTo(8);
    }

    @Test
    void aRejectedCandidateComesBackOnlyWithStrongerEvidence() throws Exception {
        run();
        Map<String, Candidate> c = byUrl();
        var out = app.candidateReview.reject(List.of(c.get("/leiper/").id(), c.get("/kono/").id()), "not a blog yet", "mod");
        assertThat(out.done()).isEqualTo(2);
        blogs.wordpress("/leiper/", "Kitchissippi Ward", "Jeff Leiper", 1, 5);
        clock.advance(Duration.ofDays(1));
        run();
        Map<String, Candidate> after = byUrl();
        assertThat(after.get("/leiper/").status()).isEqualTo(CandidateStatus.PENDING);
        assertThat(after.get("/leiper/").strength()).isEqualTo(EvidenceStrength.OWN_BLOG);
        assertThat(after.get("/leiper/").rejectReason()).as("the old decision stays visible").isEqualTo("not a blog yet");
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
        assertThat(c.get("/anna/").wikidataId()).as("the parliament's own id is not a Wikidata id").isNull();
        assertThat(c.get("/anna/").sourceFile()).isEqualTo("parliament.json");
        assertThat(c.get("/bo/").evidence().foundVia()).isEqualTo("the site's link “Blogi”");
        // a file that is not Popolo stores nothing
        assertThatThrownBy(() -> app.discovery.popolo(new DiscoveryService.PopoloRequest("{}".getBytes(StandardCharsets.UTF_8),
                null, "empty.json", "FI", Level.NATIONAL, null, false, 0, true), DiscoveryService.Listener.NONE))
                .hasMessage("empty.json is not a Popolo file: it has no \"persons\" list. Nothing was stored.");
        assertThat(app.candidates.count(CandidateFilter.pending())).isEqualTo(3);
    }

    @Test
    void everyPoliticiansFileForTheAlandLagting() throws Exception {
        // the one person of this real file with a web address: his member page, pointed at a loopback site
        blogs.website("/lagtinget/ledamot_az.con", "Roger Jansson", "<p>Ledamot av Ålands lagting.</p>");
        byte[] file = Fixtures.text("popolo/aland-lagting-excerpt.json")
                .replace("http://www.lagtinget.aland.fi/", blogs.url("/lagtinget/")).getBytes(StandardCharsets.UTF_8);
        DiscoveryService.PopoloRequest current = new DiscoveryService.PopoloRequest(file, null, "ep-popolo-v1.0.json",
                "AX", Level.REGIONAL, "sv", false, 0, true);
        // its terms all ended in 2019: nothing is proposed unless former members are asked for
        assertThat(app.discovery.popolo(current, DiscoveryService.Listener.NONE).summary())
                .isEqualTo("candidates: 0 new, 0 updated, 0 unchanged; with a feed 0, active in 90 days 0; failed 0");
        DiscoveryService.Report r = app.discovery.popolo(new DiscoveryService.PopoloRequest(file, null,
                "ep-popolo-v1.0.json", "AX", Level.REGIONAL, "sv", true, 0, true), DiscoveryService.Listener.NONE);
        assertThat(r.summary()).isEqualTo("candidates: 1 new, 0 updated, 0 unchanged; with a feed 0, active in 90 days 0;"
                + " failed 1 (no_feed 1)");
        Candidate jansson = byUrl().get("/lagtinget/ledamot_az.con?iPerson=69&m=38&iPage=104");
        assertThat(jansson).extracting(Candidate::name, Candidate::wikidataId, Candidate::office, Candidate::party,
                        Candidate::country, Candidate::level, Candidate::sourceFile, Candidate::strength)
                .containsExactly("Jansson Roger", "Q2356536", "Member, Lagting", "Moderat Samling", "AX", Level.REGIONAL,
                        "ep-popolo-v1.0.json", EvidenceStrength.NO_FEED);
    }
}
