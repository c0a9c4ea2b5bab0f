package org.officialblogs;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.officialblogs.auth.Account;
import org.officialblogs.auth.AccountService;
import org.officialblogs.db.Database;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.SqliteFile;
import org.officialblogs.registry.Origin;
import org.officialblogs.registry.RegistryCsv;
import org.officialblogs.registry.RegistryImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The command line, and the wiring of the application by hand, in dependency order. */
@Command(name = "official-blogs", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A directory of public officials who blog: crawls their feeds, measures posting frequency and "
                + "comment responsiveness, and serves the rankings.%n%nSettings come from flags or OFFICIALBLOGS_* "
                + "environment variables (flags win); see the README.",
        subcommands = {Main.Serve.class, Main.Import.class, Main.Admin.class, Main.Backup.class, Main.Restore.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where `admin add` reads a password when there is no console (a pipe, a test). */
    private final InputStream stdin;
    /** The terminal, when there is one: passwords are read from it without echo. */
    private final Console console;

    Main(InputStream stdin, Console console) {
        this.stdin = stdin;
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.in, System.console()).execute(args));
    }

    static CommandLine commandLine(InputStream stdin, Console console) {
        CommandLine cl = new CommandLine(new Main(stdin, console));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof Config.InvalidConfigException) {
                cmd.getErr().println("Configuration error: " + ex.getMessage());
                return 2;
            }
            log.error("command failed", ex);
            cmd.getErr().println("Error: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the version from the jar. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Official Blogs " + Version.current()};
        }
    }

    /** The settings every subcommand shares; each flag overrides its environment variable. */
    static final class ConfigOptions {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (env OFFICIALBLOGS_DATA_DIR, default ./data)")
        String dataDir;
        @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL (env OFFICIALBLOGS_DB_URL, default jdbc:sqlite:DATA_DIR/officialblogs.db)")
        String dbUrl;
        @Option(names = "--base-url", paramLabel = "URL", description = "Public address of the site (env OFFICIALBLOGS_BASE_URL)")
        String baseUrl;
        @Option(names = "--allow-private-network", description = "Let the crawler fetch loopback and private addresses; for tests and demos (env OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK)")
        Boolean allowPrivateNetwork;

        Map<String, String> overrides() {
            Map<String, String> m = new HashMap<>();
            if (dataDir != null) m.put("OFFICIALBLOGS_DATA_DIR", dataDir);
            if (dbUrl != null) m.put("OFFICIALBLOGS_DB_URL", dbUrl);
            if (baseUrl != null) m.put("OFFICIALBLOGS_BASE_URL", baseUrl);
            if (allowPrivateNetwork != null) m.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", allowPrivateNetwork.toString());
            return m;
        }

        Config config(Map<String, String> extra) {
            Map<String, String> values = new HashMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith(Config.ENV_PREFIX)) values.put(k, v);
            });
            values.putAll(overrides());
            values.putAll(extra);
            return Config.fromValues(values);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the web app (and the crawl scheduler). Loads the seed registry into an empty database.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "HTTP port (env OFFICIALBLOGS_PORT, default 7070; 0 picks a free port)")
        Integer port;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> extra = new HashMap<>();
            if (port != null) extra.put("OFFICIALBLOGS_PORT", port.toString());
            Config config = options.config(extra);
            App app = new App(config);
            app.seed.loadIfEmpty();
            // the pages read stored metrics: bring them up to date with the registry and posts before serving
            log.info("recomputing metrics before serving");
            app.metrics.recomputeAll(app.clock.instant());
            var web = app.webApp(Version.current()).start();
            log.info("serving version={} url=http://localhost:{}/ data={} db={}", Version.current(), web.port(),
                    config.dataDir().toAbsolutePath(), config.dbUrl());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                web.stop();
                app.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load a registry CSV (the seed format, see seed/README.md). Bad rows are reported with their "
                    + "line number and skipped; known entries are updated, not duplicated.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "FILE", description = "CSV file to load")
        Path file;

        @Override
        public Integer call() throws IOException {
            Config config = options.config(Map.of());
            if (!Files.isRegularFile(file)) {
                System.err.println("No such file: " + file);
                return 2;
            }
            try (App app = new App(config)) {
                RegistryImporter.Report report = app.importer.importCsv(Files.readAllBytes(file), Origin.IMPORT,
                        file.getFileName().toString());
                PrintWriter out = new PrintWriter(System.out, true);
                for (RegistryCsv.Rejection r : report.rejected()) out.println("rejected " + file.getFileName() + " " + r);
                out.println(report.summary());
            }
            return 0;
        }
    }

    /** Exit status of a backup or restore: 0 done, 2 refused or bad input (fix and retry), 1 failed. */
    private static int exitCode(DatabaseBackup.Outcome outcome) {
        return switch (outcome) {
            case DONE -> 0;
            case REFUSED, BAD_INPUT -> 2;
            case FAILED -> 1;
        };
    }

    /** The database file of a config, or null (with a message) when the URL is not a plain file. */
    private static SqliteFile databaseFile(Config config, PrintWriter err) {
        Path file = config.databaseFile();
        if (file == null) err.println("Backup and restore work on a database file; OFFICIALBLOGS_DB_URL is " + config.dbUrl() + ".");
        return file == null ? null : new SqliteFile(file);
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the database to FILE, also while `serve` runs and writes "
                    + "(SQLite VACUUM INTO: one read snapshot, compact, self-contained). Prints its size and its "
                    + "integrity_check result.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        ConfigOptions options;
        @Option(names = "--force", description = "Replace FILE if it exists (only once the new copy is complete and checked)")
        boolean force;
        @Parameters(paramLabel = "FILE", description = "Where to write the backup; must not exist unless --force")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            SqliteFile database = databaseFile(options.config(Map.of()), err);
            if (database == null) return 2;
            DatabaseBackup.BackupReport report = new DatabaseBackup(Clock.systemUTC()).backup(database, file, force);
            (report.outcome() == DatabaseBackup.Outcome.DONE ? spec.commandLine().getOut() : err).println(report.message());
            return exitCode(report.outcome());
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the database with a backup made by `backup`. Stop `serve` first: restore refuses "
                    + "while another process has the database open. The backup is checked (integrity_check, "
                    + "migration history) before anything changes; the replaced database is kept beside it.")
    static final class Restore implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        ConfigOptions options;
        @Parameters(paramLabel = "FILE", description = "The backup file")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            SqliteFile database = databaseFile(options.config(Map.of()), err);
            if (database == null) return 2;
            DatabaseBackup.RestoreReport report = new DatabaseBackup(Clock.systemUTC()).restore(file, database);
            (report.outcome() == DatabaseBackup.Outcome.DONE ? spec.commandLine().getOut() : err).println(report.message());
            return exitCode(report.outcome());
        }
    }

    @Command(name = "admin", mixinStandardHelpOptions = true,
            description = "Manage moderator accounts. Passwords are read from the terminal without echo (or, with no "
                    + "terminal, one line from standard input), never from a flag or the environment, and are stored "
                    + "as Argon2id hashes.",
            subcommands = {Admin.Add.class, Admin.ListAccounts.class, Admin.Remove.class})
    static final class Admin implements Runnable {
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
            if (main.console != null) {
                char[] first = main.console.readPassword("Password for %s: ", username);
                char[] second = main.console.readPassword("Same password again: ");
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
            BufferedReader in = new BufferedReader(new InputStreamReader(main.stdin, StandardCharsets.UTF_8));
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
            Admin admin;
            @Mixin
            ConfigOptions options;
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
            Admin admin;
            @Mixin
            ConfigOptions options;

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
            Admin admin;
            @Mixin
            ConfigOptions options;
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
}
