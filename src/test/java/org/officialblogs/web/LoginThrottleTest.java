package org.officialblogs.web;

import org.officialblogs.testkit.WebClient;
import org.officialblogs.testkit.TestServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.UnavailableBlogPreviewer;

/**
 * The login throttle against the real app, with attempts in parallel: each attempt is counted before its password
 * is checked, so exactly the limit is checked however many race; a spray over many usernames from one address stops
 * too; and none of it locks the moderator out from another address. Visitors' addresses are given the way a reverse
 * proxy on the same host gives them (X-Forwarded-For from loopback).
 */
class LoginThrottleTest {

    /** A CSRF double-submit pair, as a browser that loaded the form would send it. */
    static final String TOKEN = "T".repeat(43);

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        // enough password-check slots that no attempt in these races is turned away as busy
        server = new TestServer(dir, new UnavailableBlogPreviewer(), Map.of("OFFICIALBLOGS_MAX_CONCURRENT_LOGINS", "8"))
                .withModerator();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * One attempt as a patient client makes it: when every password-check slot stayed busy (the machine is loaded),
     * nothing was checked or counted, and it is sent again.
     */
    HttpResponse<String> login(String from, String username, String password) {
        for (int i = 0; ; i++) {
            HttpResponse<String> res = once(from, username, password);
            if (res.statusCode() != 429 || !res.body().contains("busy checking other logins") || i == 30) return res;
        }
    }

    HttpResponse<String> once(String from, String username, String password) {
        String form = "_csrf=" + TOKEN + "&next=%2Fadmin&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return server.send(HttpRequest.newBuilder(server.base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "ob_csrf=" + TOKEN)
                .header("X-Forwarded-For", from).POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static List<Integer> parallel(int n, java.util.function.IntFunction<HttpResponse<String>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier together = new CyclicBarrier(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit((Callable<Integer>) () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return attempt.apply(k).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) statuses.add(f.get(60, TimeUnit.SECONDS));
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixtyParallelWrongPasswordsForOneAccountFromOneAddressCheckExactlyFive() throws Exception {
        List<Integer> statuses = parallel(60, i -> login("203.0.113.7", TestServer.MODERATOR, "wrong password " + i));
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked and refused").isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("throttled without a check").isEqualTo(55);
        // the right password from that address is throttled too, but the moderator elsewhere is not locked out
        assertThat(login("203.0.113.7", TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(429);
        assertThat(login("198.51.100.20", TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aSprayOverManyUsernamesFromOneAddressStopsAtTheAddressLimit() throws Exception {
        List<Integer> statuses = parallel(30, i -> login("203.0.113.9", "user" + i, "some password " + i));
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked").isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as("throttled").isEqualTo(20);
        HttpResponse<String> next = login("203.0.113.9", "another", "a password");
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        assertThat(WebClient.html(next).select(".alert").text())
                .isEqualTo("Too many login attempts from your address. Please wait 15 minutes and try again.");
        // the sprayed address cannot lock the moderator out from their own
        assertThat(login("198.51.100.20", TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aSuccessfulLoginClearsTheAddressCount() {
        for (int i = 0; i < 9; i++) assertThat(login("192.0.2.1", "typo" + i, "x".repeat(12)).statusCode()).isEqualTo(401);
        assertThat(login("192.0.2.1", TestServer.MODERATOR, TestServer.PASSWORD).statusCode()).isEqualTo(303);
        for (int i = 0; i < 5; i++) assertThat(login("192.0.2.1", "typo again" + i, "x".repeat(12)).statusCode()).isEqualTo(401);
    }
}
