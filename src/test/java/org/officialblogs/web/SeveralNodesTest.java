package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.metrics.MetricsFixture;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

/**
 * Two web nodes, each its own application and server on its own port, over one database: the login throttle and the
 * submission limit count across both, and a registry edit through one node ends the other's cached rankings at once.
 */
class SeveralNodesTest {

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    TestServer a;
    TestServer b;
    final ObjectMapper json = new ObjectMapper();

    /** Node A on a fresh database, node B on the same one; each with its own data directory. */
    void start(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS", "8");
        a = new TestServer(dirA, new UnavailableBlogPreviewer(), values).withModerator();
        values.put("OFFICIALBLOGS_DB_URL", a.app.database.url());
        b = new TestServer(dirB, new UnavailableBlogPreviewer(), values);
    }

    @AfterEach
    void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    /** One login attempt from {@code from}, sent again while the node is busy checking other logins. */
    static HttpResponse<String> login(TestServer node, String from, String username, String password) {
        String form = "_csrf=" + LoginThrottleTest.TOKEN + "&next=%2Fadmin&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        for (int i = 0; ; i++) {
            HttpResponse<String> res = node.send(HttpRequest.newBuilder(node.base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "ob_csrf=" + LoginThrottleTest.TOKEN)
                    .header("X-Forwarded-For", from).POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (res.statusCode() != 429 || !res.body().contains("busy checking other logins") || i == 30) return res;
        }
    }

    HttpResponse<String> submit(TestServer node, String from, String name, String blogUrl) {
        try {
            Map<String, String> fields = new LinkedHashMap<>(SubmissionFormTest.valid());
            fields.put("name", name);
            fields.put("blog_url", blogUrl);
            return node.send(HttpRequest.newBuilder(node.base.resolve("/api/v1/submissions"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(fields))).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiveFailedLoginsInAllNotFivePerNode() {
        start(Map.of());
        for (int i = 0; i < 5; i++) {
            TestServer node = i % 2 == 0 ? a : b;
            assertThat(login(node, "203.0.113.50", TestServer.MODERATOR, "wrong " + i).statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
        }
        assertThat(login(a, "203.0.113.50", TestServer.MODERATOR, "wrong again").statusCode()).isEqualTo(429);
        assertThat(login(b, "203.0.113.50", TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(429);
        // neither node locks the moderator out from another address
        assertThat(login(b, "198.51.100.50", TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void parallelWrongPasswordsOnBothNodesCheckExactlyFive() throws Exception {
        start(Map.of());
        List<Integer> statuses = LoginThrottleTest.parallel(40,
                i -> login(i % 2 == 0 ? a : b, "203.0.113.51", TestServer.MODERATOR, "wrong password " + i));
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked and refused").isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("throttled without a check").isEqualTo(35);
    }

    @Test
    void theSubmissionLimitCountsAcrossNodes() throws Exception {
        start(Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "3"));
        assertThat(submit(a, "203.0.113.52", "Person One", "https://one.example.org/").statusCode()).isEqualTo(201);
        assertThat(submit(b, "203.0.113.52", "Person Two", "https://two.example.org/").statusCode()).isEqualTo(201);
        assertThat(submit(a, "203.0.113.52", "Person Three", "https://three.example.org/").statusCode()).isEqualTo(201);
        HttpResponse<String> fourth = submit(b, "203.0.113.52", "Person Four", "https://four.example.org/");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(submit(a, "203.0.113.52", "Person Five", "https://five.example.org/").statusCode()).isEqualTo(429);

        List<Integer> statuses = LoginThrottleTest.parallel(12,
                i -> submit(i % 2 == 0 ? a : b, "203.0.113.53", "Racer " + i, "https://racer" + i + ".example.org/"));
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("created").isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("refused").isEqualTo(9);
        assertThat(a.count("SELECT count(*) FROM submission")).isEqualTo(6);
    }

    HttpResponse<String> api(TestServer node, String from) {
        return node.send(HttpRequest.newBuilder(node.base.resolve("/api/v1/blogs")).header("X-Forwarded-For", from).GET().build());
    }

    long apiCount(String from) {
        return a.count("SELECT coalesce(sum(events), 0) FROM rate_limit WHERE name = 'api' AND subject = '" + from + "'");
    }

    @Test
    void theReadApiLimitCountsAcrossNodesWithinASecond() throws Exception {
        start(Map.of("OFFICIALBLOGS_API_REQUESTS_PER_MINUTE", "5"));
        for (int i = 0; i < 3; i++) assertThat(api(a, "203.0.113.54").statusCode()).isEqualTo(200);
        // node A writes its count in the background once a second
        Thread.sleep(WebApp.API_LIMIT_SYNC.toMillis() + 100);
        assertThat(api(a, "203.0.113.54").statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (apiCount("203.0.113.54") < 4 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(apiCount("203.0.113.54")).isEqualTo(4);
        // node B reads the shared count: the fifth request passes there, the sixth does not
        assertThat(api(b, "203.0.113.54").statusCode()).isEqualTo(200);
        HttpResponse<String> sixth = api(b, "203.0.113.54");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(api(b, "198.51.100.54").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void aRegistryEditThroughOneNodeEndsTheOtherNodesCachedRankings() {
        start(Map.of());
        Instant now = Instant.now();
        MetricsFixture fixture = new MetricsFixture(a.app.database);
        long blog = fixture.blog("Ann Example", "Mayor of Springfield", "US", org.officialblogs.registry.Level.LOCAL,
                org.officialblogs.registry.Branch.EXECUTIVE, "https://ann.example.org/");
        fixture.crawled(blog, now.minus(Duration.ofHours(1)));
        fixture.posts(blog, List.of(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(15))), List.of());
        a.app.metrics.recomputeAll(now);
        long official = fixture.officialOf(blog);

        assertThat(officialsShown(b)).containsExactly("Ann Example");
        // a change no write path announces: node B keeps serving the page it rendered (the cache is in use)
        a.app.database.jdbi().useHandle(h -> h.createUpdate("UPDATE official SET name = 'Ann Unannounced' WHERE id = :id")
                .bind("id", official).execute());
        assertThat(officialsShown(b)).containsExactly("Ann Example");

        WebClient moderator = new WebClient(a.base);
        assertThat(moderator.login(TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
        Map<String, String> edit = new LinkedHashMap<>(Map.of("name", "Ann Edited", "office", "Mayor of Springfield",
                "country", "US", "level", "local", "branch", "executive"));
        assertThat(moderator.adminPost("/admin/officials/" + official, edit).statusCode()).isEqualTo(303);

        assertThat(officialsShown(b)).as("node B's next answer").containsExactly("Ann Edited");
        assertThat(officialsShown(a)).containsExactly("Ann Edited");
    }

    /** The officials' names in the rankings table of a node's front page. */
    static List<String> officialsShown(TestServer node) {
        HttpResponse<String> res = node.get("/");
        assertThat(res.statusCode()).isEqualTo(200);
        return WebClient.html(res).select("table.rankings tbody tr").stream()
                .map(tr -> tr.select("a[href^=/officials/]").first())
                .filter(java.util.Objects::nonNull).map(x -> x.text()).toList();
    }
}
