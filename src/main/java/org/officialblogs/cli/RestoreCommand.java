package org.officialblogs.cli;

import java.nio.file.Path;
import org.officialblogs.db.DatabaseLogin;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.PostgresBackup;
import org.officialblogs.ops.SqliteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restore FILE}: the database replaced by a checked backup. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the database with a backup made by `backup`. Stop `serve` first: restore refuses "
                + "while another process has the database open. The backup is checked (integrity_check, "
                + "migration history) before anything changes; the replaced database is kept beside it. On "
                + "PostgreSQL it takes a pg_dump custom-format file (from `backup`), refuses while other clients "
                + "are connected, and runs pg_restore --clean in one transaction: all of it or nothing.")
public final class RestoreCommand extends DatabaseFileCommand {
    @Parameters(paramLabel = "FILE", description = "The backup file")
    Path file;

    @Override
    Result run(DatabaseBackup backups, SqliteFile database) {
        DatabaseBackup.RestoreReport report = backups.restore(file, database);
        return new Result(report.outcome(), report.message());
    }

    @Override
    Result run(PostgresBackup backups, String url, DatabaseLogin login) {
        DatabaseBackup.RestoreReport report = backups.restore(file, url, login);
        return new Result(report.outcome(), report.message());
    }
}
