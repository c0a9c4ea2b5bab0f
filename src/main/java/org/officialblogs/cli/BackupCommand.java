package org.officialblogs.cli;

import java.nio.file.Path;
import org.officialblogs.db.DatabaseLogin;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.PostgresBackup;
import org.officialblogs.ops.SqliteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup FILE}: a consistent copy of the database, also while it is in use. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database to FILE, also while `serve` runs and writes "
                + "(SQLite VACUUM INTO: one read snapshot, compact, self-contained). Prints its size and its "
                + "integrity_check result. On PostgreSQL (OFFICIALBLOGS_DB_URL=jdbc:postgresql:...) it runs pg_dump "
                + "in its custom format (one snapshot too) and reads the dump back with pg_restore --list; the "
                + "password goes to pg_dump in its environment, never on its command line.")
public final class BackupCommand extends DatabaseFileCommand {
    @Option(names = "--force", description = "Replace FILE if it exists (only once the new copy is complete and checked)")
    boolean force;
    @Parameters(paramLabel = "FILE", description = "Where to write the backup; must not exist unless --force")
    Path file;

    @Override
    Result run(DatabaseBackup backups, SqliteFile database) {
        DatabaseBackup.BackupReport report = backups.backup(database, file, force);
        return new Result(report.outcome(), report.message());
    }

    @Override
    Result run(PostgresBackup backups, String url, DatabaseLogin login) {
        DatabaseBackup.BackupReport report = backups.backup(url, login, file, force);
        return new Result(report.outcome(), report.message());
    }
}
