package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.auth.SecretTokens;
import org.officialblogs.registry.UnavailableBlogPreviewer;
import org.officialblogs.testkit.TestServer;
import org.officialblogs.testkit.WebClient;

class AdminAuthTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir).withModerator();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutASessionPagesRedirectToLoginAndTheApiAnswers401() {
        for (String path : List.of("/admin", "/admin/audit", "/admin/officials?q=ann", "/admin/submissions/1")) {
            HttpResponse<String> res = server.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(303);
            assertThat(res.headers().firstValue("Location").orElseThrow()).as(path)
                    .isEqualTo("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        }
        // a POST without a session goes to the login page too, and changes nothing
        HttpResponse<String> post = server.client().post("/admin/submissions/1/reject", Map.of("reason", "x"));
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        HttpResponse<String> api = server.get("/api/v1/admin/submissions");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(api.body()).contains("\"status\":401").contains("Log in as a moderator first");
    }

    @Test
    void everyPageBehindTheSessionAndTheLoginPageAreNoStore() {
        long id = server.app.moderation.submissions().submit(new org.officialblogs.registry.SubmissionInput(
                SubmissionFormTest.valid())) instanceof org.officialblogs.registry.SubmissionService.Created c
                ? c.submission().id() : -1;
        assertThat(id).isPositive();
        WebClient c = server.client();
        HttpResponse<String> login = c.get("/login");
        assertThat(login.headers().firstValue("Cache-Control")).as("/login").hasValue("no-store");
        assertThat(server.get("/admin").headers().firstValue("Cache-Control")).as("redirect to login").hasValue("no-store");
        assertThat(c.login(TestServer.MODERATOR, TestServer.PASSWORD).headers().firstValue("Cache-Control"))
                .as("POST /login").hasValue("no-store");
        for (String path : List.of("/admin", "/admin/submissions/" + id, "/api/v1/admin/submissions", "/admin/officials",
                "/admin/audit", "/admin/crawl")) {
            HttpResponse<String> res = c.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            assertThat(res.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        assertThat(c.get("/admin/submissions/" + id).body()).as("the page shows the submitter's e-mail").contains("jo@example.org");
        assertThat(server.get("/").headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
    }

    @Test
    void loggingInSetsAStrictHttpOnlySessionCookieAndStoresOnlyItsHash() {
        WebClient c = server.client();
        HttpResponse<String> res = c.login(TestServer.MODERATOR, TestServer.PASSWORD);
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(res.headers().firstValue("Location")).hasValue("/admin");
        String cookie = res.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ob_session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("Path=/")
                .containsIgnoringCase("Max-Age=43200").doesNotContainIgnoringCase("Secure");
        String token = cookie.substring("ob_session=".length(), cookie.indexOf(';'));
        assertThat(SecretTokens.looksLikeToken(token)).isTrue();
        assertThat(server.count("SELECT count(*) FROM session WHERE token_hash = '" + SecretTokens.hash(token) + "'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM session WHERE token_hash = '" + token + "'")).isZero();
        assertThat(server.count("SELECT count(*) FROM account WHERE password_hash LIKE '$argon2id$v=19$%'")).isEqualTo(1);

        HttpResponse<String> admin = c.get("/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(WebClient.html(admin).select(".admin-nav strong").text()).isEqualTo("moderator");
        HttpResponse<String> api = c.get("/api/v1/admin/submissions");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"pending\":0");
        assertThat(server.count("SELECT count(*) FROM account WHERE last_login_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aForgedOrStolenCookieAfterLogoutOpensNothing() {
        WebClient c = server.client();
        HttpResponse<String> res = c.login(TestServer.MODERATOR, TestServer.PASSWORD);
        String cookie = res.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ob_session=")).findFirst().orElseThrow();
        String token = cookie.substring("ob_session=".length(), cookie.indexOf(';'));
        HttpResponse<String> logout = c.post("/logout", Map.of("_csrf", c.adminCsrf()));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(server.count("SELECT count(*) FROM session")).isZero();
        assertThat(c.get("/admin").statusCode()).isEqualTo(303);
        // the old token, replayed by someone who copied it, is dead
        HttpResponse<String> replay = server.send(HttpRequest.newBuilder(server.base.resolve("/admin"))
                .header("Cookie", "ob_session=" + token).GET().build());
        assertThat(replay.statusCode()).isEqualTo(303);
        HttpResponse<String> forged = server.send(HttpRequest.newBuilder(server.base.resolve("/api/v1/admin/submissions"))
                .header("Cookie", "ob_session=" + new SecretTokens().generate()).GET().build());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void aModeratorPostWithoutTheSessionsCsrfTokenIs403() {
        WebClient c = server.client();
        c.login(TestServer.MODERATOR, TestServer.PASSWORD);
        assertThat(c.post("/admin/blogs/1/recrawl", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.post("/admin/blogs/1/archive", Map.of()).statusCode()).isEqualTo(403);
        assertThat(c.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        // the public double-submit token is not the session's
        String publicToken = c.csrf("/submit");
        assertThat(c.post("/admin/blogs/1/recrawl", Map.of("_csrf", publicToken)).statusCode()).isEqualTo(403);
        assertThat(c.get("/admin").statusCode()).as("still logged in").isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenToo() {
        WebClient c = server.client();
        c.get("/login");
        HttpResponse<String> res = c.post("/login", Map.of("username", TestServer.MODERATOR, "password", TestServer.PASSWORD));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(c.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongPasswordsAreRefusedAndAfterFiveTheUsernameIsThrottledFromThatAddress() {
        WebClient c = server.client();
        HttpResponse<String> wrong = c.login(TestServer.MODERATOR, "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(WebClient.html(wrong).select(".alert").text()).isEqualTo("The username or the password is not right.");
        assertThat(WebClient.html(wrong).getElementById("f-username").attr("value")).isEqualTo(TestServer.MODERATOR);
        assertThat(WebClient.html(wrong).getElementById("f-password").attr("value")).isEmpty();
        assertThat(c.login("nobody", "whatever it is").statusCode()).isEqualTo(401);
        for (int i = 2; i <= 5; i++) assertThat(c.login(TestServer.MODERATOR, "wrong " + i).statusCode()).isEqualTo(401);
        HttpResponse<String> throttled = c.login(TestServer.MODERATOR, TestServer.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(WebClient.html(throttled).select(".alert").text())
                .isEqualTo("Too many failed attempts for this username from your address. Please wait 15 minutes and try again.");
        assertThat(c.get("/admin").statusCode()).isEqualTo(303);
        // another account from the same address is not affected
        server.app.accounts.add("second", "another long password".toCharArray());
        assertThat(c.login("second", "another long password").statusCode()).isEqualTo(303);
    }

    @Test
    void afterLoginTheModeratorGoesBackWhereTheyWereButNeverToAnotherSite() {
        WebClient c = server.client();
        String token = c.csrf("/login?next=/admin/audit");
        assertThat(WebClient.html(c.get("/login?next=/admin/audit")).select("input[name=next]").attr("value")).isEqualTo("/admin/audit");
        HttpResponse<String> res = c.post("/login", Map.of("_csrf", token, "username", "MODERATOR", "password", TestServer.PASSWORD,
                "next", "/admin/audit"));
        assertThat(res.headers().firstValue("Location")).hasValue("/admin/audit");
        for (String evil : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
            assertThat(AuthController.localPath(evil)).as(evil).isEqualTo("/admin");
        }
    }

    @Test
    void overHttpsTheCookiesAreSecureAndHostPrefixed(@TempDir Path other) {
        try (TestServer https = new TestServer(other, new UnavailableBlogPreviewer(),
                Map.of("OFFICIALBLOGS_BASE_URL", "https://blogs.example.org")).withModerator()) {
            HttpResponse<String> form = https.get("/login");
            String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("__Host-ob_csrf=")).findFirst().orElseThrow();
            assertThat(csrfCookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String token = WebClient.csrfIn(form.body());
            HttpResponse<String> res = https.send(HttpRequest.newBuilder(https.base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "__Host-ob_csrf=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=moderator&password="
                            + java.net.URLEncoder.encode(TestServer.PASSWORD, java.nio.charset.StandardCharsets.UTF_8))).build());
            assertThat(res.statusCode()).isEqualTo(303);
            String session = res.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("__Host-ob_session=")).findFirst().orElseThrow();
            assertThat(session).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        }
    }
}
