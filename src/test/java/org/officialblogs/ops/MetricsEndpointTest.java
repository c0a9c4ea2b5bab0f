package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.testkit.TestServer;

/** /metrics scraped from the real server, every line parsed: request meters, JVM meters and the database numbers. */
class MetricsEndpointTest {

    @TempDir
    Path dir;

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        try (TestServer server = new TestServer(dir)) {
            insertBlog(server, 1, "active");
            assertThat(server.get("/officials/1").statusCode()).isEqualTo(200);
            assertThat(server.get("/officials/1").statusCode()).isEqualTo(200);
            assertThat(server.get("/officials/999").statusCode()).isEqualTo(404);
            assertThat(server.get("/no/such/page/at/all").statusCode()).isEqualTo(404);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);

            HttpResponse<String> scrape = server.get("/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            PrometheusText metrics = PrometheusText.parse(scrape.body());

            String count = "http_server_requests_seconds_count";
            assertThat(metrics.value(count, Map.of("method", "GET", "route", "/officials/{id}", "status", "200"))).isEqualTo(2);
            assertThat(metrics.value(count, Map.of("method", "GET", "route", "/officials/{id}", "status", "404"))).isEqualTo(1);
            assertThat(metrics.value(count, Map.of("route", "unmatched", "status", "404"))).isEqualTo(1);
            assertThat(metrics.value(count, Map.of("route", "/health", "status", "200"))).isEqualTo(1);
            assertThat(metrics.value("http_server_requests_seconds_sum", Map.of("route", "/officials/{id}", "status", "200")))
                    .isGreaterThan(0);
            // latency buckets: every request is at most +Inf, and the buckets are cumulative
            assertThat(metrics.value("http_server_requests_seconds_bucket",
                    Map.of("route", "/officials/{id}", "status", "200", "le", "+Inf"))).isEqualTo(2);
            assertThat(metrics.find("http_server_requests_seconds_bucket", Map.of("route", "/officials/{id}", "status", "200")))
                    .hasSizeGreaterThanOrEqualTo(10);
            assertThat(scrape.body()).as("raw paths would make a series per official")
                    .doesNotContain("/officials/1\"").doesNotContain("/no/such/page");

            assertThat(metrics.find("jvm_memory_used_bytes", Map.of("area", "heap")).stream()
                    .mapToDouble(PrometheusText.Sample::value).sum()).isGreaterThan(0);
            assertThat(metrics.value("jvm_threads_live_threads")).isGreaterThan(1);
            assertThat(metrics.value("officialblogs_metrics_database_errors_total")).isZero();

            // the scrape itself is counted by the next one
            PrometheusText again = PrometheusText.parse(server.get("/metrics").body());
            assertThat(again.value(count, Map.of("route", "/metrics", "status", "200"))).isEqualTo(1);
        }
    }

    @Test
    void databaseNumbersAreReadAtScrapeTime() {
        try (TestServer server = new TestServer(dir)) {
            Instant now = Instant.now();
            insertBlog(server, 1, "active");
            insertBlog(server, 2, "active");
            insertBlog(server, 3, "dormant");
            insertBlog(server, 4, "lead");
            insertBlog(server, 5, "rejected");
            // due: blogs 1 and 3 (past), blog 2 later, blog 5 due but rejected blogs are never crawled
            schedule(server, 1, now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofHours(3)));
            schedule(server, 2, now.plus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(30)));
            schedule(server, 3, now.minus(Duration.ofSeconds(1)), null);
            schedule(server, 5, now.minus(Duration.ofDays(1)), null);
            log(server, 1, now.minus(Duration.ofHours(1)), "feed", 200, null);
            log(server, 1, now.minus(Duration.ofHours(2)), "feed", 200, null);
            log(server, 2, now.minus(Duration.ofHours(3)), "feed", 304, null);
            log(server, 3, now.minus(Duration.ofHours(4)), "feed", 503, "http");
            log(server, 3, now.minus(Duration.ofHours(5)), "feed", null, "timeout");
            log(server, 3, now.minus(Duration.ofHours(6)), "comments", null, "timeout");
            log(server, 3, now.minus(Duration.ofHours(30)), "feed", null, "dns");

            // a collection first: a gauge whose source only it references reads NaN once that source is collected
            System.gc();
            PrometheusText first = PrometheusText.parse(server.get("/metrics").body());
            String outcomes = "officialblogs_crawl_outcomes";
            assertThat(first.value(outcomes, Map.of("purpose", "feed", "outcome", "ok"))).isEqualTo(2);
            assertThat(first.value(outcomes, Map.of("purpose", "feed", "outcome", "not_modified"))).isEqualTo(1);
            assertThat(first.value(outcomes, Map.of("purpose", "feed", "outcome", "http"))).isEqualTo(1);
            assertThat(first.value(outcomes, Map.of("purpose", "feed", "outcome", "timeout"))).isEqualTo(1);
            assertThat(first.value(outcomes, Map.of("purpose", "comments", "outcome", "timeout"))).isEqualTo(1);
            assertThat(first.find(outcomes, Map.of("outcome", "dns"))).as("older than 24 hours").isEmpty();
            assertThat(first.value("officialblogs_crawl_due")).isEqualTo(2);
            assertThat(first.value("officialblogs_crawl_visitor_wait_seconds_total")).as("no crawl has run").isZero();
            assertThat(first.value("officialblogs_crawl_in_progress")).as("no crawl is running").isZero();
            // the registry's listed blogs are "listed": "active" is a measured status, the ranking's meaning
            assertThat(first.value("officialblogs_blogs", Map.of("status", "listed"))).isEqualTo(2);
            assertThat(first.find("officialblogs_blogs", Map.of("status", "active"))).isEmpty();
            assertThat(first.value("officialblogs_blogs", Map.of("status", "dormant"))).isEqualTo(1);
            assertThat(first.value("officialblogs_blogs", Map.of("status", "lead"))).isEqualTo(1);
            assertThat(first.value("officialblogs_blogs", Map.of("status", "rejected"))).isEqualTo(1);
            assertThat(first.value("officialblogs_crawl_last_success_timestamp_seconds"))
                    .isCloseTo(now.minus(Duration.ofMinutes(30)).toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(0.001));
            assertThat(first.find("officialblogs_blogs_measured", Map.of())).as("nothing measured yet").isEmpty();

            // the next scrape sees the database as it is then: a row gone, a status changed, metrics computed
            server.app.database.jdbi().useHandle(h -> {
                h.execute("DELETE FROM crawl_log WHERE failure_kind = 'http'");
                h.execute("UPDATE blog SET status = 'offline' WHERE id = 2");
            });
            server.app.metrics.recomputeAll(now);
            PrometheusText second = PrometheusText.parse(server.get("/metrics").body());
            assertThat(second.find(outcomes, Map.of("outcome", "http"))).isEmpty();
            assertThat(second.value("officialblogs_blogs", Map.of("status", "listed"))).isEqualTo(1);
            assertThat(second.value("officialblogs_blogs", Map.of("status", "offline"))).isEqualTo(1);
            assertThat(second.find("officialblogs_blogs_measured", Map.of()).stream()
                    .mapToDouble(PrometheusText.Sample::value).sum())
                    .as("every listed blog (active, dormant, offline, lead) has metrics").isEqualTo(4);
        }
    }

    @Test
    void aScrapeOfAnEmptyDatabaseSaysNeverForTheLastCrawl() {
        try (TestServer server = new TestServer(dir)) {
            PrometheusText metrics = PrometheusText.parse(server.get("/metrics").body());
            assertThat(metrics.value("officialblogs_crawl_last_success_timestamp_seconds")).isNaN();
            assertThat(metrics.value("officialblogs_crawl_due")).isZero();
            assertThat(metrics.find("officialblogs_crawl_outcomes", Map.of())).isEmpty();
        }
    }

    private static void insertBlog(TestServer server, long id, String status) {
        server.app.database.jdbi().useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO official (id, name, office, country, level, branch, identity_key, origin, created_at, updated_at)
                    VALUES (:id, 'Official ' || :id, 'Mayor', 'FI', 'local', 'executive', 'key-' || :id, 'seed', 0, 0)""")
                    .bind("id", id).execute();
            boolean lead = status.equals("lead");
            h.createUpdate("""
                    INSERT INTO blog (id, official_id, site_url, site_url_key, status, origin, created_at, updated_at)
                    VALUES (:id, :id, :url, :key, :status, 'seed', 0, 0)""")
                    .bind("id", id).bind("status", status)
                    .bind("url", lead ? null : "https://blog" + id + ".example.org/")
                    .bind("key", lead ? null : "blog" + id + ".example.org")
                    .execute();
        });
    }

    private static void schedule(TestServer server, long blogId, Instant next, Instant lastSuccess) {
        server.app.database.jdbi().useHandle(h -> h.createUpdate(
                "INSERT INTO crawl_state (blog_id, next_attempt_at, last_success_at) VALUES (:b, :next, :ok)")
                .bind("b", blogId).bind("next", next).bind("ok", lastSuccess).execute());
    }

    private static void log(TestServer server, long blogId, Instant at, String purpose, Integer status, String kind) {
        server.app.database.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO crawl_log (blog_id, at, purpose, url, http_status, failure_kind)
                VALUES (:b, :at, :purpose, 'https://blog.example.org/feed', :status, :kind)""")
                .bind("b", blogId).bind("at", at).bind("purpose", purpose).bind("status", status).bind("kind", kind)
                .execute());
    }
}
