package org.officialblogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.auth.AccountDao;
import org.officialblogs.auth.AccountService;
import org.officialblogs.auth.PasswordHasher;
import org.officialblogs.db.Database;

/** `admin add/list/remove` run in-process through picocli, with the password on standard input. */
class AdminCommandTest {

    @TempDir
    Path dir;

    CommandRun run(String stdin, String... args) {
        String[] withDb = new String[args.length + 1];
        System.arraycopy(args, 0, withDb, 0, args.length);
        withDb[args.length] = "--data-dir=" + dir;
        return CommandRun.of(stdin, withDb);
    }

    @Test
    void addReadsThePasswordFromStdinListShowsTheAccountRemoveEndsIt() {
        CommandRun add = run("a long enough password\n", "admin", "add", "Alice");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("Added moderator 'alice'.\n");

        Database db = Database.open("jdbc:sqlite:" + dir.resolve("officialblogs.db"));
        AccountService accounts = new AccountService(new AccountDao(db.jdbi()), PasswordHasher.OWASP_MINIMUM, java.time.Clock.systemUTC());
        assertThat(accounts.verify("alice", "a long enough password".toCharArray())).isPresent();
        assertThat(accounts.verify("ALICE", "a long enough password".toCharArray())).as("usernames ignore case").isPresent();
        assertThat(accounts.verify("alice", "a long enough password\n".toCharArray())).as("stdin's line end is not part of it").isEmpty();
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM account").mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$").doesNotContain("a long enough password");

        CommandRun list = run("", "admin", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).matches("alice\\tcreated \\d{4}-\\d{2}-\\d{2}\\tlast login \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\n");

        CommandRun remove = run("", "admin", "remove", "alice");
        assertThat(remove.exit()).isZero();
        assertThat(remove.out()).isEqualTo("Removed moderator 'alice' and ended their sessions.\n");
        assertThat(run("", "admin", "list").out()).startsWith("No moderator accounts yet.");
        assertThat(accounts.verify("alice", "a long enough password".toCharArray())).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAReason() {
        CommandRun shortPassword = run("short\n", "admin", "add", "bob");
        assertThat(shortPassword.exit()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("the password must have at least 12 characters");
        CommandRun noPassword = run("", "admin", "add", "bob");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("standard input is empty");
        CommandRun badName = run("a long enough password\n", "admin", "add", "bob smith");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("a username is 2 to 40 characters");
        assertThat(run("a long enough password\n", "admin", "add", "bob").exit()).isZero();
        CommandRun twice = run("another long password\n", "admin", "add", "BOB");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("there is already an account named 'bob'");
        CommandRun missing = run("", "admin", "remove", "carol");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no moderator named 'carol'.");
    }

    @Test
    void thereIsNoFlagForThePassword() {
        CommandRun res = run("", "admin", "add", "dave", "--password=secret-in-shell-history");
        assertThat(res.exit()).isEqualTo(2);
        assertThat(res.err()).contains("Unknown option: '--password=secret-in-shell-history'");
    }
}
