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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.officialblogs.auth.Account;
import org.officialblogs.auth.AccountService;
import org.officialblogs.crawl.CrawlRunner;
import org.officialblogs.crawl.CrawlScheduler;
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
        subcommands = {Main.Serve.class, Main.Crawl.class, Main.Import.class, Main.Admin.class, Main.Export.class,
                Main.Backup.class, Main.Restore.class,
                org.officialblogs.cli.DiscoverCommand.class, org.officialblogs.cli.EnrichCommand.class,
                org.officialblogs.cli.DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by the failure handler through the parse result; here so every command's help lists it once. */
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "When the command fails, print the full error with where it came from, not only its one-line cause")
    boolean debug;

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
            boolean debug = org.officialblogs.cli.CommandFailure.debugAsked(parsed);
            if (ex instanceof Config.InvalidConfigException) {
                cmd.getErr().println("Configuration error: " + ex.getMessage());
                return 2;
            }
            if (debug) ex.printStackTrace(cmd.getErr());
            // a damaged, read-only, locked or full database: one line that says what to do, no stack trace
            var fault = ex instanceof org.officialblogs.db.DatabaseUnavailableException u ? java.util.Optional.of(u.fault())
                    : org.officialblogs.db.DatabaseFault.of(ex, null);
            if (fault.isPresent()) {
                cmd.getErr().println("Error: " + fault.get().line());
                return 1;
            }
            // anything else: one line naming the cause; --debug shows where it came from
            cmd.getErr().println("Error: " + org.officialblogs.cli.CommandFailure.line(ex)
                    + (debug ? "" : " (run again with --debug for the details)"));
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

    /** Where the data lives: the options every subcommand takes; each flag overrides its environment variable. */
    public static class DataOptions {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (env OFFICIALBLOGS_DATA_DIR, default ./data)")
        String dataDir;
        @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL (env OFFICIALBLOGS_DB_URL, default jdbc:sqlite:DATA_DIR/officialblogs.db)")
        String dbUrl;

        Map<String, String> overrides() {
            Map<String, String> m = new HashMap<>();
            if (dataDir != null) m.put("OFFICIALBLOGS_DATA_DIR", dataDir);
            if (dbUrl != null) m.put("OFFICIALBLOGS_DB_URL", dbUrl);
            return m;
        }

        public Config config(Map<String, String> extra) {
            Map<String, String> values = new HashMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith(Config.ENV_PREFIX)) values.put(k, v);
            });
            values.putAll(overrides());
            values.putAll(extra);
            return Config.fromValues(values);
        }
    }

    /** The data options and the site's public address, for commands that write links to the site. */
    public static class SiteOptions extends DataOptions {
        @Option(names = "--base-url", paramLabel = "URL", description = "Public address of the site (env OFFICIALBLOGS_BASE_URL)")
        String baseUrl;

        @Override
        Map<String, String> overrides() {
            Map<String, String> m = super.overrides();
            if (baseUrl != null) m.put("OFFICIALBLOGS_BASE_URL", baseUrl);
            return m;
        }
    }

    /** The options of commands that fetch from the web: the site's address goes into the crawler's User-Agent. */
    public static final class ConfigOptions extends SiteOptions {
        @Option(names = "--allow-private-network", description = "Let the crawler fetch loopback and private addresses; for tests and demos (env OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK)")
        Boolean allowPrivateNetwork;

        @Override
        Map<String, String> overrides() {
            Map<String, String> m = super.overrides();
            if (allowPrivateNetwork != null) m.put("OFFICIALBLOGS_ALLOW_PRIVATE_NETWORK", allowPrivateNetwork.toString());
            return m;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the web app (and the crawl scheduler). Loads the seed registry into an empty database.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "HTTP port (env OFFICIALBLOGS_PORT, default 7070; 0 picks a free port)")
        Integer port;
        @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (env OFFICIALBLOGS_BIND, default all interfaces; 127.0.0.1 behind a reverse proxy on the same host)")
        String bind;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> extra = new HashMap<>();
            if (port != null) extra.put("OFFICIALBLOGS_PORT", port.toString());
            if (bind != null) extra.put("OFFICIALBLOGS_BIND", bind);
            Config config = options.config(extra);
            App app = new App(config);
            app.seed.loadIfEmpty();
            var webApp = app.webApp(Version.current());
            String host = config.bind().isEmpty() ? "localhost" : config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
            io.javalin.Javalin started;
            try {
                started = webApp.start();
            } catch (RuntimeException e) {
                app.close();
                if (org.officialblogs.cli.CommandFailure.isBindFailure(e)) {
                    throw org.officialblogs.cli.CommandFailure.cannotListen(config.bind().isEmpty() ? "all addresses" : host,
                            config.port(), e);
                }
                throw e;
            }
            var web = started;
            // from here a stop (Ctrl-C, SIGTERM) closes what runs, even while start-up work goes on
            var scheduler = new java.util.concurrent.atomic.AtomicReference<CrawlScheduler>();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long stopping = System.nanoTime();
                log.info("shutting down: finishing requests in flight{}", scheduler.get() != null ? " and the crawls under way" : "");
                CrawlScheduler running = scheduler.get();
                if (running != null) running.close();
                web.stop();
                app.close();
                log.info("stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
                stopped.countDown();
            }, "shutdown"));
            log.info("serving version={} url=http://{}:{}/ {}data={} db={} started_ms={}", Version.current(), host,
                    web.port(), webApp.metricsPort() < 0 ? "" : "metrics=http://" + host + ":" + webApp.metricsPort() + "/metrics ",
                    config.dataDir().toAbsolutePath(), config.dbUrl(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            // the pages read stored metrics, the last ones until this recompute brings them up to the registry and
            // posts; serving first keeps start-up short
            log.info("recomputing metrics while serving");
            try {
                app.metrics.recomputeAll(app.clock.instant());
            } catch (RuntimeException e) {
                // pages keep the stored metrics; the nightly job tries again
                app.database.fault(e).ifPresentOrElse(
                        f -> log.warn("metrics not recomputed at start: {}", f.line()),
                        () -> log.error("metrics not recomputed at start", e));
            }
            // the SQLite download of this snapshot, made now in the background rather than when first asked for
            app.exporter.sqliteDownload().current();
            if (config.schedulerEnabled()) {
                scheduler.set(app.scheduler());
                scheduler.get().start();
            } else {
                log.info("crawl scheduler off (OFFICIALBLOGS_SCHEDULER=false): run `crawl` to fetch feeds");
            }
            stopped.await();
            return 0;
        }
    }

    @Command(name = "crawl", mixinStandardHelpOptions = true,
            description = "Crawl blogs now: those due (default), --all, or one with --blog. Shows progress and ends "
                    + "with a summary. Blogs that fail are recorded with their failure and retried on schedule; the "
                    + "exit code is non-zero only when the command itself cannot run.")
    static final class Crawl implements Callable<Integer> {
        @ParentCommand
        Main main;
        @Mixin
        ConfigOptions options;
        @Option(names = "--all", description = "Crawl every crawlable blog, due or not")
        boolean all;
        @Option(names = "--blog", paramLabel = "ID", description = "Crawl only this blog (its id as on /officials/{id}#blog-ID)")
        Long blogId;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "100000", description = "Most blogs to crawl when crawling those due (default: all due)")
        int limit;
        @Option(names = "--archive", description = "Read blogs that ended or went from the web archive instead of their live feeds: "
                + "those never read (default), --all of them again, or one with --blog (env OFFICIALBLOGS_ARCHIVE_ENDPOINT, OFFICIALBLOGS_ARCHIVE_DELAY_MS)")
        boolean archive;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (all && blogId != null) {
                err.println("Choose one: --all or --blog ID.");
                return 2;
            }
            if (archive) {
                return archiveCommand(this, out, err);
            }
            try (App app = new App(options.config(Map.of()))) {
                if (blogId != null) {
                    var outcome = app.crawlRunner.runOne(blogId);
                    if (outcome.isEmpty()) {
                        err.println("Blog " + blogId + " cannot be crawled: there is no such blog, or it has no address"
                                + " or is not listed (lead, pending, rejected).");
                        return 1;
                    }
                    var o = outcome.get();
                    out.println("blog " + blogId + ": " + o.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + (o.failed() ? " (" + o.failureKind() + ": " + o.message() + ")"
                                    : ", new posts " + o.newPosts() + ", comment checks " + o.commentChecks()));
                    return 0;
                }
                try (var display = org.officialblogs.cli.ProgressDisplay.open("Crawling",
                        org.officialblogs.cli.ProgressDisplay.terminal(main.console), err)) {
                    CrawlRunner.Progress progress = (finished, total, o) -> display.update(finished, total);
                    CrawlRunner.Summary summary = all ? app.crawlRunner.runAll(progress)
                            : app.crawlRunner.runDue(limit, progress);
                    display.update(summary.blogs(), summary.blogs());
                    display.close();
                    out.println(summary.blogs() == 0 && !all ? "No blog is due; use --all to crawl every blog now."
                            : summary.text());
                }
                return 0;
            }
        }
    }

    /** {@code crawl --archive}: a blog, every ended blog, or those never read; metrics recomputed after. */
    private static int archiveCommand(Crawl c, PrintWriter out, PrintWriter err) {
        try (App app = new App(c.options.config(Map.of()))) {
            java.util.List<org.officialblogs.crawl.archive.ArchiveService.Outcome> done;
            if (c.blogId != null) {
                var outcome = app.archive.readNow(c.blogId);
                if (outcome.isEmpty()) {
                    err.println("Blog " + c.blogId + " cannot be read from the archive: there is no such blog.");
                    return 1;
                }
                done = java.util.List.of(outcome.get());
                out.println(org.officialblogs.crawl.archive.ArchiveService.describe(outcome.get()));
            } else if (c.all) {
                done = app.archive.readEvery(c.limit, o -> out.println(
                        org.officialblogs.crawl.archive.ArchiveService.describe(o)));
            } else {
                done = app.archive.pass(c.limit);
                done.forEach(o -> out.println(org.officialblogs.crawl.archive.ArchiveService.describe(o)));
            }
            if (done.isEmpty()) {
                out.println("No blog to read from the archive" + (c.all ? "." : "; use --all to read every blog that ended again."));
            } else {
                app.metrics.recomputeAll(app.clock.instant());
                out.println(done.size() + " blogs read from the archive.");
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
        DataOptions options;
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
        DataOptions options;
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load a registry CSV (the seed format, see seed/README.md; columns in any order, optional ones"
                    + " may be left out; the research files' format works too). Bad rows are reported with their line"
                    + " number and skipped; known entries are updated, not duplicated. Exits with 1 when any row was"
                    + " rejected, 2 when the file cannot be read.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataOptions options;
        @Parameters(paramLabel = "FILE", description = "CSV file to load")
        Path file;

        @Override
        public Integer call() throws IOException {
            Config config = options.config(Map.of());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("No such file: " + file);
                return 2;
            }
            try (App app = new App(config)) {
                RegistryImporter.Report report = app.importer.importCsv(Files.readAllBytes(file), Origin.IMPORT,
                        file.getFileName().toString());
                for (RegistryCsv.Rejection r : report.rejected()) out.println("rejected " + file.getFileName() + " " + r);
                out.println(report.summary());
                out.flush();
                if (!report.rejected().isEmpty()) {
                    err.println(report.rejected().size() + (report.rejected().size() == 1 ? " row was" : " rows were")
                            + " rejected (listed above); the other rows were imported. Fix the rejected rows and import"
                            + " the file again: rows already imported are left unchanged.");
                    return 1;
                }
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the research dataset into DIR: every public table as CSV and NDJSON, datapackage.json, "
                    + "popolo.json, feeds.opml and a SQLite copy of the public tables (the files of the /data page). "
                    + "Submissions, accounts, sessions and commenters' names are never exported.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        SiteOptions options;
        @Parameters(paramLabel = "DIR", description = "Directory to write into (created when missing; files in it are replaced)")
        Path dir;
        @Option(names = "--country", paramLabel = "CC", description = "Only officials of this country (ISO 3166-1 alpha-2)")
        String country;
        @Option(names = "--level", description = "Only this level: international, national, regional or local")
        String level;
        @Option(names = "--status", description = "Only blogs with this measured status: active, slowing, dormant, unreachable, offline, lead, no_data")
        String status;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the date range (posts, comments, metrics history, crawl log)")
        String from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the date range (inclusive)")
        String to;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<String, String> params = new HashMap<>();
            if (country != null) params.put("country", country);
            if (level != null) params.put("level", level);
            if (status != null) params.put("status", status);
            if (from != null) params.put("from", from);
            if (to != null) params.put("to", to);
            org.officialblogs.export.ExportFilter.Parsed filter = org.officialblogs.export.ExportFilter.parse(params);
            if (!filter.ok()) {
                err.println("Cannot export: " + String.join("; ", filter.problems()) + ".");
                return 2;
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                err.println("Cannot export: " + dir + " exists and is not a directory.");
                return 2;
            }
            long started = System.nanoTime();
            try (App app = new App(options.config(Map.of()))) {
                out.println("Exporting to " + dir.toAbsolutePath() + (filter.filter().isEmpty() ? "" : " (filtered)"));
                var files = app.exporter.exportTo(dir, filter.filter(), w -> {
                    out.printf(java.util.Locale.ROOT, "  %-30s %14s %10s %7.1f s%n", w.file(),
                            w.rows() < 0 ? "" : String.format(java.util.Locale.ROOT, "%,d rows", w.rows()),
                            humanBytes(w.bytes()), w.took().toMillis() / 1000.0);
                    out.flush();
                });
                long bytes = files.stream().mapToLong(org.officialblogs.export.DataExporter.Written::bytes).sum();
                out.printf(java.util.Locale.ROOT, "Wrote %d files, %s, in %.1f s.%n", files.size(), humanBytes(bytes),
                        (System.nanoTime() - started) / 1e9);
                return 0;
            } catch (java.nio.file.AccessDeniedException e) {
                err.println("Cannot export: no permission to write " + e.getFile() + ".");
                return 1;
            }
        }

        private static String humanBytes(long n) {
            if (n < 1024) return n + " B";
            if (n < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", n / 1024.0);
            return String.format(java.util.Locale.ROOT, "%.1f MB", n / 1024.0 / 1024.0);
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
            Admin admin;
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
            Admin admin;
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
}
