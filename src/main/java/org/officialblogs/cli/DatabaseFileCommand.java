package org.officialblogs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.config.Config;
import org.officialblogs.db.DatabaseLogin;
import org.officialblogs.db.Dialect;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.PostgresBackup;
import org.officialblogs.ops.SqliteFile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The skeleton of {@code backup} and {@code restore}: on SQLite find the database file and run one step of
 * {@link DatabaseBackup}, on PostgreSQL one step of {@link PostgresBackup} (pg_dump, pg_restore); print its report
 * (stdout when done, stderr otherwise) and exit 0 done, 2 refused or bad input, 1 failed.
 */
abstract class DatabaseFileCommand implements Callable<Integer> {

    /** What a backup or restore step ended with, in sentences. */
    record Result(DatabaseBackup.Outcome outcome, String message) {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    DataOptions options;

    /** The step itself, on the configured database file. */
    abstract Result run(DatabaseBackup backups, SqliteFile database);

    /** The step on a PostgreSQL database, with its client programs. */
    abstract Result run(PostgresBackup backups, String url, DatabaseLogin login);

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Config config = options.config(Map.of());
        Path file = config.storage().databaseFile();
        Result result;
        if (config.storage().dialect() == Dialect.POSTGRESQL) {
            spec.commandLine().getOut().println(spec.name().equals("backup") ? "Backing up with pg_dump ..." : "Restoring with pg_restore ...");
            spec.commandLine().getOut().flush();
            result = run(new PostgresBackup(), config.storage().dbUrl(), config.storage().dbLogin());
        } else if (file == null) {
            err.println("Backup and restore work on a database file; OFFICIALBLOGS_DB_URL is " + config.storage().dbUrl() + ".");
            return 2;
        } else {
            result = run(new DatabaseBackup(Clock.systemUTC()), new SqliteFile(file));
        }
        (result.outcome() == DatabaseBackup.Outcome.DONE ? spec.commandLine().getOut() : err).println(result.message());
        return switch (result.outcome()) {
            case DONE -> 0;
            case REFUSED, BAD_INPUT -> 2;
            case FAILED -> 1;
        };
    }
}
