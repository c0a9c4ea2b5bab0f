package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.config.Config;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;

/**
 * The address the app listens on (OFFICIALBLOGS_BIND) and where /metrics is served: on its own port, and only to an
 * address range. 127.0.0.0/8 is all loopback, so 127.0.0.3 stands for another interface.
 */
class ServingSettingsTest {

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    TestServer server(Map<String, String> settings) {
        return new TestServer(dir, new UnavailableBlogPreviewer(), settings);
    }

    @Test
    void byDefaultTheAppListensOnEveryInterfaceAndWithABindAddressOnlyOnThatOne() throws Exception {
        try (TestServer all = server(Map.of())) {
            int port = all.javalin.port();
            assertThat(get("http://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.3:" + port + "/health").statusCode()).isEqualTo(200);
        }
        try (TestServer bound = server(Map.of("OFFICIALBLOGS_BIND", "127.0.0.3"))) {
            int port = bound.javalin.port();
            assertThat(get("http://127.0.0.3:" + port + "/health").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> get("http://127.0.0.1:" + port + "/health")).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void pagesCountAsVisitorsForTheCrawlToYieldToAndMonitoringDoesNot() throws Exception {
        try (TestServer server = server(Map.of())) {
            String base = "http://127.0.0.1:" + server.javalin.port();
            long before = server.app.visitors.visits();
            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
            assertThat(get(base + "/metrics").statusCode()).isEqualTo(200);
            assertThat(server.app.visitors.visits()).as("after /health and /metrics").isEqualTo(before);
            assertThat(get(base + "/").statusCode()).isEqualTo(200);
            assertThat(get(base + "/officials/1").statusCode()).isIn(200, 404);
            assertThat(server.app.visitors.visits()).as("two pages asked for").isEqualTo(before + 2);
        }
    }

    @Test
    void metricsOnTheirOwnPortAreServedThereAndNowhereElse() throws Exception {
        try (TestServer server = server(Map.of("OFFICIALBLOGS_METRICS_PORT", "0"))) {
            int site = server.javalin.port();
            int metrics = server.metricsPort;
            assertThat(metrics).isPositive().isNotEqualTo(site);
            HttpResponse<String> scrape = get("http://127.0.0.1:" + metrics + "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_threads_live_threads");
            assertThat(get("http://127.0.0.1:" + site + "/metrics").statusCode()).as("not on the site's port").isEqualTo(404);
            assertThat(get("http://127.0.0.1:" + metrics + "/").statusCode()).as("only /metrics there").isEqualTo(404);
            assertThat(get("http://127.0.0.1:" + site + "/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsAreServedOnlyToTheAllowedRanges() throws Exception {
        try (TestServer server = server(Map.of("OFFICIALBLOGS_METRICS_ALLOW", "10.0.0.5, 192.168.1.0/24"))) {
            String url = "http://127.0.0.1:" + server.javalin.port() + "/metrics";
            HttpResponse<String> direct = get(url);
            assertThat(direct.statusCode()).as("loopback is not in the list").isEqualTo(403);
            assertThat(direct.body()).contains("OFFICIALBLOGS_METRICS_ALLOW");
            // through a proxy on this host: the address it reports is what counts
            assertThat(get(url, "X-Forwarded-For", "192.168.1.20").statusCode()).isEqualTo(200);
            assertThat(get(url, "X-Forwarded-For", "10.0.0.5").statusCode()).isEqualTo(200);
            assertThat(get(url, "X-Forwarded-For", "10.0.0.6").statusCode()).isEqualTo(403);
            assertThat(get("http://127.0.0.1:" + server.javalin.port() + "/").statusCode()).as("pages for everyone").isEqualTo(200);
        }
        try (TestServer server = server(Map.of("OFFICIALBLOGS_METRICS_ALLOW", "127.0.0.1"))) {
            assertThat(get("http://127.0.0.1:" + server.javalin.port() + "/metrics").statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + server.javalin.port() + "/metrics", "X-Forwarded-For", "10.0.0.9").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void badValuesStopTheAppWithTheSettingsName() {
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_METRICS_ALLOW", "10.0.0.0/33")))
                .hasMessageContaining("OFFICIALBLOGS_METRICS_ALLOW").hasMessageContaining("prefix length outside 0-32");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_METRICS_ALLOW", "monitoring.example.org")))
                .hasMessageContaining("is not an IP address or CIDR range");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_PORT", "9100", "OFFICIALBLOGS_METRICS_PORT", "9100")))
                .hasMessageContaining("OFFICIALBLOGS_METRICS_PORT must differ from OFFICIALBLOGS_PORT");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS", "0")))
                .hasMessageContaining("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS must be between 1 and 64");
        assertThatThrownBy(() -> Config.fromValues(Map.of("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS", "10")))
                .hasMessageContaining("OFFICIALBLOGS_REQUEST_BODY_TIMEOUT_MS must be >= 100");
        Config c = Config.fromValues(Map.of());
        assertThat(c.serve().bind()).isEmpty();
        assertThat(c.serve().metricsOnOwnPort()).isFalse();
        assertThat(c.serve().metricsAllow()).isEmpty();
        assertThat(c.limits().maxConcurrentLogins()).isEqualTo(2);
        assertThat(c.limits().requestBodyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.limits().requestBodyMinRate()).isEqualTo(1024);
        assertThat(c.limits().threadsPerAddress()).isEqualTo(16);
        assertThat(c.storage().dbBusyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Config.fromValues(Map.of("OFFICIALBLOGS_METRICS_ALLOW", "10.0.0.5,fd00::/8")).serve().metricsAllow())
                .isEqualTo(List.of("10.0.0.5", "fd00::/8"));
    }

    @Test
    void addressRangesMatchByPrefix() {
        AddressRange net = AddressRange.parse("192.168.1.0/24");
        assertThat(net.contains("192.168.1.255")).isTrue();
        assertThat(net.contains("192.168.2.1")).isFalse();
        assertThat(AddressRange.parse("10.0.0.0/9").contains("10.127.255.255")).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/9").contains("10.128.0.0")).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains("fd12:3456::1")).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains("10.0.0.1")).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        assertThat(AddressRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(net.contains("not-an-address")).isFalse();
    }
}
