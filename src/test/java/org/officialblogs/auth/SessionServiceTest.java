package org.officialblogs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.db.Database;
import org.officialblogs.testkit.TestServer;

class SessionServiceTest {

    @TempDir
    Path dir;

    @Test
    void aSessionLastsItsLifetimeAndEndsOnLogout() {
        Database db = TestDatabases.fresh(dir);
        RateLimiterTest.HandClock clock = new RateLimiterTest.HandClock();
        AccountService accounts = new AccountService(new AccountDao(db.jdbi()), TestServer.QUICK_HASHER, clock);
        Account ann = accounts.add("ann", "a long enough password".toCharArray()).account();
        SessionService sessions = new SessionService(new SessionDao(db.jdbi()), new SecretTokens(), clock, Duration.ofHours(12));

        SessionService.Started s = sessions.start(ann);
        assertThat(s.token()).isNotEqualTo(s.session().csrfToken());
        assertThat(sessions.resolve(s.token())).hasValueSatisfying(a -> {
            assertThat(a.username()).isEqualTo("ann");
            assertThat(a.csrfToken()).isEqualTo(s.session().csrfToken());
        });
        clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(sessions.resolve(s.token())).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions.resolve(s.token())).as("expired").isEmpty();

        SessionService.Started second = sessions.start(ann);
        assertThat(second.token()).isNotEqualTo(s.token());
        long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM session").mapTo(Long.class).one());
        assertThat(rows).as("the expired session was cleared when the next one started").isEqualTo(1);
        sessions.end(second.token());
        assertThat(sessions.resolve(second.token())).isEmpty();
        assertThat(sessions.resolve("not a token")).isEmpty();
        assertThat(sessions.resolve(null)).isEmpty();

        SessionService.Started third = sessions.start(ann);
        assertThat(accounts.remove("ann")).isTrue();
        assertThat(sessions.resolve(third.token())).as("removing the account ends its sessions").isEmpty();
    }

    @Test
    void tokensAreUrlSafeAnd256BitsAndOnlyTheirHashIsKept() {
        SecretTokens tokens = new SecretTokens();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = tokens.generate();
            assertThat(t).matches("[A-Za-z0-9_-]{43}");
            assertThat(SecretTokens.looksLikeToken(t)).isTrue();
            assertThat(seen.add(t)).isTrue();
        }
        assertThat(java.util.Base64.getUrlDecoder().decode(tokens.generate())).hasSize(32);
        assertThat(SecretTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretTokens.sameSecret("a", "a")).isTrue();
        assertThat(SecretTokens.sameSecret("a", null)).isFalse();
    }
}
