package org.officialblogs.cli;

import java.io.Console;
import java.io.InputStream;
import org.officialblogs.Version;
import org.officialblogs.config.Config;
import org.officialblogs.db.DatabaseFault;
import org.officialblogs.db.DatabaseUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The command line: its subcommands (one class each in {@code cli}) and how a failure is told. */
@Command(name = "official-blogs", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A directory of public officials who blog: crawls their feeds, measures posting frequency and "
                + "comment responsiveness, and serves the rankings.%n%nSettings come from flags or OFFICIALBLOGS_* "
                + "environment variables (flags win); see the README.",
        subcommands = {ServeCommand.class, CrawlCommand.class, ImportCommand.class, AdminCommand.class,
                ExportCommand.class, BackupCommand.class, RestoreCommand.class, DiscoverCommand.class,
                EnrichCommand.class, DemoCommand.class, MigrateToPostgresCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

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

    /** Standard input as this run was given it. */
    public InputStream stdin() {
        return stdin;
    }

    /** The terminal, or null when there is none (a pipe, a service, a test). */
    public Console console() {
        return console;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.in, System.console()).execute(args));
    }

    /** The command line over the given standard input and terminal (null: none), as `main` builds it. */
    public static CommandLine commandLine(InputStream stdin, Console console) {
        CommandLine cl = new CommandLine(new Main(stdin, console));
        cl.getCommandSpec().usageMessage().footer(settingsHelp());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = CommandFailure.debugAsked(parsed);
            if (ex instanceof Config.InvalidConfigException) {
                cmd.getErr().println("Configuration error: " + ex.getMessage());
                return 2;
            }
            if (debug) ex.printStackTrace(cmd.getErr());
            // a damaged, read-only, locked or full database: one line that says what to do, no stack trace
            var fault = ex instanceof DatabaseUnavailableException u ? java.util.Optional.of(u.fault())
                    : DatabaseFault.of(ex, null);
            if (fault.isPresent()) {
                cmd.getErr().println("Error: " + fault.get().line());
                return 1;
            }
            // anything else: one line naming the cause; --debug shows where it came from
            cmd.getErr().println("Error: " + CommandFailure.line(ex)
                    + (debug ? "" : " (run again with --debug for the details)"));
            return 1;
        });
        return cl;
    }

    /** The settings, from the one list the configuration reads, for the end of {@code --help}. */
    static String settingsHelp() {
        StringBuilder b = new StringBuilder("%nSettings (environment variables; a command's flag wins):%n");
        for (Config.Setting s : Config.SETTINGS) {
            b.append("  ").append(s.env())
                    .append(s.defaultValue().isEmpty() ? "" : " (default " + s.defaultValue().replace("%", "%%") + ")")
                    .append("%n      ").append(s.description().replace("%", "%%")).append("%n");
        }
        return b.toString();
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
}
