package org.officialblogs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.App;
import org.officialblogs.auth.Account;
import org.officialblogs.auth.AccountService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code admin add|list|remove}: moderator accounts. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage moderator accounts. Passwords are read from the terminal without echo (or, with no "
                + "terminal, one line from standard input), never from a flag or the environment, and are stored "
                + "as Argon2id hashes.",
        subcommands = {AdminCommand.Add.class, AdminCommand.ListAccounts.class, AdminCommand.Remove.class})
public final class AdminCommand implements Runnable {
    @ParentCommand
    Main main;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads a new password: twice from the console, or one line from standard input. */
    char[] readNewPassword(String username, PrintWriter err) throws IOException {
        if (main.console() != null) {
            char[] first = main.console().readPassword("Password for %s: ", username);
            char[] second = main.console().readPassword("Same password again: ");
            if (first == null || second == null) return null;
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                err.println("The two passwords differ; nothing was changed.");
                return null;
            }
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(main.stdin(), StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            err.println("No password: there is no terminal, and standard input is empty. Pipe the password in, one line.");
            return null;
        }
        return line.toCharArray();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a moderator account.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;
        @Mixin
        DataOptions options;
        @Parameters(paramLabel = "USERNAME", description = "2 to 40 characters: a-z, digits, '.', '_', '-'")
        String username;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = admin.spec.commandLine().getOut();
            PrintWriter err = admin.spec.commandLine().getErr();
            String name = AccountService.normalizeUsername(username);
            var problem = AccountService.usernameProblem(name);
            if (problem.isPresent()) {
                err.println("Cannot add '" + username + "': " + problem.get() + ".");
                return 2;
            }
            char[] password = admin.readNewPassword(name, err);
            if (password == null) return 2;
            try (App app = new App(options.config(Map.of()))) {
                AccountService.AddResult r = app.accounts.add(name, password);
                if (!r.ok()) {
                    err.println("Cannot add '" + name + "': " + r.problem() + ".");
                    return 2;
                }
                out.println("Added moderator '" + r.account().username() + "'.");
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List moderator accounts.")
    static final class ListAccounts implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;
        @Mixin
        DataOptions options;

        @Override
        public Integer call() {
            PrintWriter out = admin.spec.commandLine().getOut();
            try (App app = new App(options.config(Map.of()))) {
                var accounts = app.accounts.list();
                if (accounts.isEmpty()) out.println("No moderator accounts yet. Add one with: official-blogs admin add USERNAME");
                for (Account a : accounts) {
                    out.println(a.username() + "\tcreated " + a.createdAt().toString().substring(0, 10) + "\tlast login "
                            + (a.lastLoginAt() == null ? "never" : a.lastLoginAt().toString().substring(0, 16).replace('T', ' ') + " UTC"));
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a moderator account and end its sessions.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;
        @Mixin
        DataOptions options;
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            try (App app = new App(options.config(Map.of()))) {
                if (!app.accounts.remove(username)) {
                    admin.spec.commandLine().getErr().println("There is no moderator named '" + AccountService.normalizeUsername(username) + "'.");
                    return 1;
                }
                admin.spec.commandLine().getOut().println("Removed moderator '" + AccountService.normalizeUsername(username) + "' and ended their sessions.");
                return 0;
            }
        }
    }
}
