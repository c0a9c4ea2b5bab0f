package org.officialblogs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.officialblogs.config.Config;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.SqliteFile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The skeleton of {@code backup} and {@code restore}: find the database file, run one step of {@link DatabaseBackup},
 * print its report (stdout when done, stderr otherwise) and exit 0 done, 2 refused or bad input, 1 failed.
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

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Config config = options.config(Map.of());
        Path file = config.storage().databaseFile();
        if (file == null) {
            err.println("Backup and restore work on a database file; OFFICIALBLOGS_DB_URL is " + config.storage().dbUrl() + ".");
            return 2;
        }
        Result result = run(new DatabaseBackup(Clock.systemUTC()), new SqliteFile(file));
        (result.outcome() == DatabaseBackup.Outcome.DONE ? spec.commandLine().getOut() : err).println(result.message());
        return switch (result.outcome()) {
            case DONE -> 0;
            case REFUSED, BAD_INPUT -> 2;
            case FAILED -> 1;
        };
    }
}
