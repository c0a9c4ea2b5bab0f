package org.officialblogs.web;

import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.LoopbackSite;
import org.officialblogs.registry.EntryValidator;
import org.officialblogs.registry.Origin;

/**
 * The submission limit against the real app with the real previewer fetching a real loopback site: submissions
 * racing from one address pass exactly up to the limit, and an already-known blog is answered 409 without fetching
 * its address, each such attempt counted.
 */
class SubmissionLimitRaceTest {

    @TempDir
    Path dir;
    LoopbackSite site;
    TestServer server;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        site = new LoopbackSite();
        // null previewer: the real one, crawling discovery over the loopback site
        server = new TestServer(dir, null, Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "10",
                "OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", "true", "OFFICIALBLOGS_HOST_DELAY_MS", "0"));
    }

    @AfterEach
    void stop() {
        server.close();
        site.close();
    }

    HttpResponse<String> submit(String from, String name, String blogUrl) {
        try {
            Map<String, String> fields = new java.util.LinkedHashMap<>(SubmissionFormTest.valid());
            fields.put("name", name);
            fields.put("blog_url", blogUrl);
            return server.send(HttpRequest.newBuilder(server.base.resolve("/api/v1/submissions"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(fields))).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thirtyParallelSubmissionsFromOneAddressCreateExactlyTheLimit() throws Exception {
        List<Integer> statuses = LoginThrottleTest.parallel(30,
                i -> submit("203.0.113.30", "Person " + i, site.url("/blog" + i + "/")));
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("created").isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("refused").isEqualTo(20);
        assertThat(server.count("SELECT count(*) FROM submission")).isEqualTo(10);
        // another address has its own limit
        assertThat(submit("198.51.100.30", "Someone Else", site.url("/else/")).statusCode()).isEqualTo(201);
    }

    @Test
    void aKnownBlogIs409WithoutAFetchAndEveryAttemptCounts() {
        server.app.importer.importCsv((String.join(",", EntryValidator.COLUMNS) + "\n"
                + "Ann Example,Mayor of Springfield,US,,,local,executive,,,,,"
                + site.url("/ann/") + ",,,,,,https://city.example.gov/ann,\n").getBytes(StandardCharsets.UTF_8),
                Origin.IMPORT, "t");
        int before = site.total();
        int conflicts = 0;
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            int status = submit("203.0.113.31", "Ann Again " + i, site.url("/ann/")).statusCode();
            if (status == 409) conflicts++;
            if (status == 429) refused++;
        }
        assertThat(conflicts).as("answered as duplicates").isEqualTo(10);
        assertThat(refused).as("over the limit").isEqualTo(5);
        assertThat(site.total() - before).as("requests made to the known blog's site").isZero();
        assertThat(server.count("SELECT count(*) FROM submission")).isZero();
        // a new blog is fetched (its preview) once it is let through: the fetch count shows the previewer is real
        assertThat(submit("198.51.100.31", "New Person", site.url("/new/")).statusCode()).isEqualTo(201);
        assertThat(site.total() - before).isPositive();
    }
}
