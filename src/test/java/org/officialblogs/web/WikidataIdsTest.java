package org.officialblogs.web;

import org.officialblogs.testkit.WebClient;
import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.discover.DiscoveryService;
import org.officialblogs.discover.FakeQueryService;
import org.officialblogs.discover.WikidataEnrichment;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.UnavailableBlogPreviewer;

/** `enrich wikidata` against recorded answers: one fitting item is set, several wait for a moderator; the id is shown. */
class WikidataIdsTest {

    @TempDir
    Path dir;
    FakeQueryService wikidata;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        wikidata = new FakeQueryService();
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true",
                "OFFICIALBLOGS_WIKIDATA_ENDPOINT", wikidata.endpoint())).withModerator();
        String csv = "name,office,country,level,branch,blog_url,sources\n"
                + "Angela Merkel,Federal Chancellor of Germany,DE,national,executive,https://merkel.example/,https://example.org/a\n"
                + "Jean-Louis Masson,Député du Var,FR,national,legislative,https://masson.example/,https://example.org/b\n"
                + "Bernard Hugo,Sénateur,FR,national,legislative,https://hugo.example/,https://example.org/c\n"
                + "Maria Lopez,Mayor,ES,local,executive,https://lopez.example/,https://example.org/d\n";
        assertThat(server.app.importer.importCsv(csv.getBytes(StandardCharsets.UTF_8), Origin.IMPORT, "test").rejected()).isEmpty();
    }

    @AfterEach
    void stop() {
        server.close();
        wikidata.close();
    }

    long id(String name) {
        return server.count("SELECT id FROM official WHERE name = '" + name + "'");
    }

    @Test
    void oneFittingItemIsSetSeveralWaitForAModerator() throws Exception {
        WikidataEnrichment.Report r = server.app.wikidataEnrichment.run(null, null, 100, DiscoveryService.Listener.NONE);
        assertThat(r.summary()).isEqualTo("officials without a Wikidata id: 4; set 2, proposed to moderators 1, no item found 1");
        assertThat(server.app.registry.officialById(id("Angela Merkel")).orElseThrow().wikidataId()).isEqualTo("Q567");
        // two French politicians of that name, a senator and a deputy: the deputy's position fits the office
        assertThat(server.app.registry.officialById(id("Jean-Louis Masson")).orElseThrow().wikidataId()).isEqualTo("Q30377920");
        // two senators of that name: a moderator must choose
        assertThat(server.app.registry.officialById(id("Bernard Hugo")).orElseThrow().wikidataId()).isNull();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE actor = 'enrich wikidata' AND action = 'official.wikidata'")).isEqualTo(2);
        assertThat(wikidata.queries.get(1)).contains("\"Angela Merkel\"@de").contains("wikibase:language \"de,mul,en\"");
        assertThat(wikidata.queries.get(2)).contains("\"Bernard Hugo\"@fr").contains("wikibase:language \"fr,mul,en\"");

        WebClient moderator = server.client();
        moderator.login(TestServer.MODERATOR, TestServer.PASSWORD);
        Document page = WebClient.html(moderator.get("/admin/wikidata"));
        assertThat(page.select("article.queue-item")).hasSize(1);
        assertThat(page.select("article.queue-item").text()).contains("Bernard Hugo").contains("Q2898072")
                .contains("Q2898073").contains("Positions: sénateur de la Cinquième République");
        HttpResponse<String> wrong = moderator.adminPost("/admin/wikidata/" + id("Bernard Hugo"), Map.of("wikidata_id", "Q567"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(WebClient.html(wrong).select(".alert").text()).contains("Q567 is not among the items proposed");
        HttpResponse<String> chosen = moderator.adminPost("/admin/wikidata/" + id("Bernard Hugo"), Map.of("wikidata_id", "Q2898073"));
        assertThat(chosen.statusCode()).isEqualTo(303);
        Official hugo = server.app.registry.officialById(id("Bernard Hugo")).orElseThrow();
        assertThat(hugo.wikidataId()).isEqualTo("Q2898073");
        assertThat(WebClient.html(moderator.get("/admin/wikidata")).select("p.notice").text()).contains("No official waits");

        // a second run leaves decided officials alone
        WikidataEnrichment.Report again = server.app.wikidataEnrichment.run(null, null, 100, DiscoveryService.Listener.NONE);
        assertThat(again.officials()).isEqualTo(1);

        // the id is shown and linked on the profile, and carried by the API and the Popolo export
        Document profile = WebClient.html(server.get("/officials/" + id("Angela Merkel")));
        assertThat(profile.select("a[href=https://www.wikidata.org/wiki/Q567]").text()).isEqualTo("Q567");
        assertThat(server.get("/api/v1/officials/" + id("Angela Merkel")).body()).contains("\"wikidata_id\":\"Q567\"");
        assertThat(server.get("/data/popolo.json").body().replaceAll("\\s", "")).contains("\"scheme\":\"wikidata\",\"identifier\":\"Q567\"");
    }
}
