package org.officialblogs.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a login and opens a session. After {@code RateLimiter.max()} failures for one username from one
 * address within the limiter's window, further attempts are refused without checking the password.
 */
public final class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    /** The outcome of one login attempt. */
    public sealed interface Result permits Success, Refused, Throttled {}

    public record Success(SessionService.Started started) implements Result {}

    public record Refused() implements Result {}

    public record Throttled(Duration retryAfter, long retryAfterMinutes) implements Result {}

    private final AccountService accounts;
    private final SessionService sessions;
    private final RateLimiter failures;

    public LoginService(AccountService accounts, SessionService sessions, RateLimiter failures) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.failures = failures;
    }

    public Result login(String username, char[] password, String clientAddress) {
        String name = AccountService.normalizeUsername(username);
        // only for logs and the throttle key: a long paste (maybe a password in the wrong box) is cut short
        String shown = (name.length() > 40 ? name.substring(0, 40) + "..." : name).replaceAll("\\p{Cntrl}", "?");
        String key = shown.toLowerCase(Locale.ROOT) + "|" + clientAddress;
        RateLimiter.Decision decision = failures.check(key);
        if (!decision.allowed()) {
            log.warn("login throttled username={} ip={}", shown, clientAddress);
            return new Throttled(decision.retryAfter(), decision.retryAfterMinutes());
        }
        Optional<Account> account = accounts.verify(username, password);
        if (account.isEmpty()) {
            failures.record(key);
            log.info("login failed username={} ip={}", shown, clientAddress);
            return new Refused();
        }
        failures.reset(key);
        log.info("login username={} ip={}", account.get().username(), clientAddress);
        return new Success(sessions.start(account.get()));
    }
}
