package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.App;
import org.officialblogs.config.Config;

/**
 * A flood of logins against `serve` in a child JVM with a 256 MB heap: each Argon2id check holds 19 MiB, so 40 at
 * once would need more than the heap. Bounded, every login answers (303 or 401 as its password deserves, or 429 with
 * Retry-After), never 500, a visitor's page loads meanwhile, and the log shows no OutOfMemoryError.
 */
class LoginFloodTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String TOKEN = "F".repeat(43);

    @TempDir
    Path dir;

    @Test
    void fortyParallelLoginsUnderA256MbHeapAnswerWithoutA500() throws Exception {
        Path data = dir.resolve("data");
        try (App app = new App(Config.fromValues(Map.of("OFFICIALBLOGS_DATA_DIR", data.toString())))) {
            assertThat(app.accounts.add("moderator", PASSWORD.toCharArray()).ok()).isTrue();
            // the production wiring hashes at OWASP's minimum for Argon2id, the cost this flood is about
            String stored = app.database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM account")
                    .mapTo(String.class).one());
            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        }
        try (AppProcess serve = AppProcess.start(dir, Map.of("OFFICIALBLOGS_DATA_DIR", data.toString(),
                "OFFICIALBLOGS_PORT", "0", "OFFICIALBLOGS_SCHEDULER", "false"), List.of(), List.of("-Xmx256m"), "serve")) {
            int port = Integer.parseInt(serve.awaitLog("serving .*url=http://[^ ]+:(\\d+)/", Duration.ofSeconds(90)).group(1));
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int n = 40;
            ExecutorService pool = Executors.newFixedThreadPool(n + 1);
            CyclicBarrier together = new CyclicBarrier(n + 1);
            try {
                List<Future<HttpResponse<String>>> logins = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    logins.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        // forty addresses (as a proxy on this host reports them), half of them with the right password
                        String form = "_csrf=" + TOKEN + "&username=moderator&password="
                                + URLEncoder.encode(k % 2 == 0 ? PASSWORD : "wrong " + k, StandardCharsets.UTF_8);
                        return http.send(HttpRequest.newBuilder(base.resolve("/login")).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", "ob_csrf=" + TOKEN).header("X-Forwarded-For", "198.51.100." + (k + 1))
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    }));
                }
                Future<HttpResponse<String>> visitor = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return http.send(HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString());
                });
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    HttpResponse<String> res = logins.get(i).get(90, TimeUnit.SECONDS);
                    int status = res.statusCode();
                    statuses.add(status);
                    if (status == 429) assertThat(res.headers().firstValue("Retry-After")).isPresent();
                    // which logins get a check is the order they arrive in; each checked one gets its right answer
                    assertThat(status).as("login %d (%s password)", i, i % 2 == 0 ? "right" : "wrong")
                            .isIn(i % 2 == 0 ? 303 : 401, 429);
                }
                assertThat(statuses).as("some logins were checked").anyMatch(s -> s != 429);
                assertThat(visitor.get(90, TimeUnit.SECONDS).statusCode()).as("a visitor's page meanwhile").isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(serve.isAlive()).isTrue();
            assertThat(serve.stderr()).doesNotContain("OutOfMemoryError").doesNotContain(" ERROR ");
        }
    }
}
