package org.officialblogs.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a login and opens a session. Every attempt is counted before its password is checked, atomically, twice:
 * for the username from this address (a few tries, so one account cannot be guessed at) and for the address
 * whatever the username (so a spray over many names stops too). Both counts are per address, so nobody elsewhere
 * can lock a moderator out; a successful login clears them. The counts live in the database, so the limits hold
 * across every web node. Password checks themselves are bounded by {@link PasswordChecks}, per node, so a flood of
 * attempts from many addresses costs each node bounded memory.
 */
public final class LoginService {

    /** Login attempts one user name may make from one address in {@link #ATTEMPT_WINDOW}. */
    public static final int ATTEMPTS_PER_ACCOUNT = 5;
    /** Login attempts one address may make across user names in {@link #ATTEMPT_WINDOW} (a spray of names). */
    public static final int ATTEMPTS_PER_ADDRESS = 10;
    /** The window the two limits count in. */
    public static final java.time.Duration ATTEMPT_WINDOW = java.time.Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    /** The outcome of one login attempt. */
    public sealed interface Result permits Success, Refused, Throttled, Busy {}

    public record Success(SessionService.Started started) implements Result {}

    public record Refused() implements Result {}

    /** Too many attempts: for this username from this address, or from this address at all ({@code wholeAddress}). */
    public record Throttled(Duration retryAfter, long retryAfterMinutes, boolean wholeAddress) implements Result {}

    /** Every password-check slot stayed busy: nothing was checked or counted; try again in {@code retryAfter}. */
    public record Busy(Duration retryAfter) implements Result {}

    private final AccountService accounts;
    private final SessionService sessions;
    private final RateLimiter perAccount;
    private final RateLimiter perAddress;
    private final PasswordChecks checks;

    public LoginService(AccountService accounts, SessionService sessions, RateLimiter perAccount, RateLimiter perAddress,
                        PasswordChecks checks) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.checks = checks;
    }

    /** The address's own limit, without counting: a cheap check before the login form is even read. */
    public Optional<Throttled> addressThrottled(String clientAddress) {
        RateLimiter.Decision d = perAddress.check(clientAddress);
        return d.allowed() ? Optional.empty() : Optional.of(new Throttled(d.retryAfter(), d.retryAfterMinutes(), true));
    }

    public Result login(String username, char[] password, String clientAddress) {
        String name = AccountService.normalizeUsername(username);
        // only for logs and the throttle key: a long paste (maybe a password in the wrong box) is cut short
        String shown = (name.length() > 40 ? name.substring(0, 40) + "..." : name).replaceAll("\\p{Cntrl}", "?");
        String key = shown.toLowerCase(Locale.ROOT) + "|" + clientAddress;
        // refused before waiting for a slot when already over either limit
        Optional<Throttled> over = over(perAddress.check(clientAddress), true).or(() -> over(perAccount.check(key), false));
        if (over.isPresent()) return throttled(over.get(), shown, clientAddress);
        Optional<PasswordChecks.Slot> slot = checks.enter();
        if (slot.isEmpty()) {
            log.warn("login busy username={} ip={} concurrent_checks={}", shown, clientAddress, checks.concurrent());
            return new Busy(checks.waitLimit());
        }
        try {
            // counted here, atomically, so of many racing attempts only those within the limits are checked
            over = over(perAddress.tryAcquire(clientAddress), true).or(() -> over(perAccount.tryAcquire(key), false));
            if (over.isPresent()) return throttled(over.get(), shown, clientAddress);
            Optional<Account> account = accounts.verify(username, password);
            if (account.isEmpty()) {
                log.info("login failed username={} ip={}", shown, clientAddress);
                return new Refused();
            }
            perAccount.reset(key);
            perAddress.reset(clientAddress);
            log.info("login username={} ip={}", account.get().username(), clientAddress);
            return new Success(sessions.start(account.get()));
        } finally {
            slot.get().close();
        }
    }

    private static Optional<Throttled> over(RateLimiter.Decision d, boolean wholeAddress) {
        return d.allowed() ? Optional.empty() : Optional.of(new Throttled(d.retryAfter(), d.retryAfterMinutes(), wholeAddress));
    }

    private static Throttled throttled(Throttled t, String shown, String clientAddress) {
        log.warn("login throttled username={} ip={} scope={}", shown, clientAddress, t.wholeAddress() ? "address" : "username");
        return t;
    }
}
