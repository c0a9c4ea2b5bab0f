package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;

/**
 * Behind a reverse proxy on the same host every request arrives from loopback: the per-address submission limit
 * must count each visitor (the address the proxy appended to X-Forwarded-For), not the proxy.
 */
class ReverseProxyTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachVisitorBehindTheProxyHasTheirOwnLimit() throws Exception {
        try (TestServer server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_SUBMISSIONS_PER_HOUR", "1"))) {
            assertThat(submit(server, "203.0.113.7", 1).statusCode()).isEqualTo(201);
            assertThat(submit(server, "203.0.113.7", 2).statusCode()).as("the same visitor again").isEqualTo(429);
            assertThat(submit(server, "198.51.100.9", 3).statusCode()).as("another visitor via the same proxy").isEqualTo(201);
            // a client can prepend anything; the proxy's own entry (the last) decides
            assertThat(submit(server, "198.51.100.200, 203.0.113.7", 4).statusCode()).isEqualTo(429);
            assertThat(submit(server, null, 5).statusCode()).as("no proxy header: the connection's address").isEqualTo(201);
            assertThat(submit(server, null, 6).statusCode()).isEqualTo(429);
        }
    }

    private HttpResponse<String> submit(TestServer server, String forwardedFor, int n) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", "Ann Example " + n);
        body.put("office", "Mayor of Springfield");
        body.put("country", "US");
        body.put("level", "local");
        body.put("branch", "executive");
        body.put("blog_url", "https://ann" + n + ".example.org/");
        body.put("evidence_url", "https://city.example.gov/ann" + n);
        body.put("submitter_name", "Jo Civic");
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base.resolve("/api/v1/submissions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (forwardedFor != null) request.header("X-Forwarded-For", forwardedFor);
        return server.send(request.build());
    }
}
