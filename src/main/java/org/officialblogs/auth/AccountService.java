package org.officialblogs.auth;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates, lists, removes and checks moderator accounts; knows the rules for usernames and passwords. */
public final class AccountService {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    /** The outcome of adding an account: the account, or why not. */
    public record AddResult(Account account, String problem) {
        public boolean ok() {
            return account != null;
        }
    }

    private final AccountDao dao;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** A real hash to check against when the username is unknown, so a wrong username costs the same time. */
    private volatile String decoyHash;

    public AccountService(AccountDao dao, PasswordHasher hasher, Clock clock) {
        this.dao = dao;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Lower-cases and trims a typed username; usernames are case-insensitive. */
    public static String normalizeUsername(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> usernameProblem(String username) {
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("a username is 2 to 40 characters: letters a-z, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            return Optional.of("the password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.length > MAX_PASSWORD) return Optional.of("the password must have at most " + MAX_PASSWORD + " characters");
        boolean allBlank = true;
        for (char c : password) {
            if (Character.isISOControl(c)) return Optional.of("the password must not contain control characters");
            if (!Character.isWhitespace(c)) allBlank = false;
        }
        return allBlank ? Optional.of("the password must not be only spaces") : Optional.empty();
    }

    public AddResult add(String rawUsername, char[] password) {
        String username = normalizeUsername(rawUsername);
        Optional<String> problem = usernameProblem(username).or(() -> passwordProblem(password));
        if (problem.isPresent()) return new AddResult(null, problem.get());
        String hash = hasher.hash(password);
        Optional<Long> id = dao.insert(username, hash, clock.instant());
        if (id.isEmpty()) return new AddResult(null, "there is already an account named '" + username + "'");
        return new AddResult(new Account(id.get(), username, clock.instant(), null), null);
    }

    public List<Account> list() {
        return dao.all();
    }

    /** Removes an account and ends its sessions; false when there is no such account. */
    public boolean remove(String rawUsername) {
        return dao.delete(normalizeUsername(rawUsername));
    }

    /** The account when the password is right; empty otherwise (unknown user or wrong password alike). */
    public Optional<Account> verify(String rawUsername, char[] password) {
        String username = normalizeUsername(rawUsername);
        if (password == null || password.length > MAX_PASSWORD || username.length() > 40) return Optional.empty();
        Optional<AccountDao.Credentials> found = dao.credentials(username);
        if (found.isEmpty()) {
            hasher.matches(password, decoy());
            return Optional.empty();
        }
        if (!hasher.matches(password, found.get().passwordHash())) return Optional.empty();
        dao.recordLogin(found.get().account().id(), clock.instant());
        return Optional.of(found.get().account());
    }

    private String decoy() {
        String d = decoyHash;
        if (d != null) return d;
        // made once: attempts racing on unknown names would otherwise each pay for an extra hash
        synchronized (this) {
            if (decoyHash == null) {
                char[] random = new SecretTokens().generate().toCharArray();
                decoyHash = hasher.hash(random);
                Arrays.fill(random, '\0');
            }
            return decoyHash;
        }
    }
}
