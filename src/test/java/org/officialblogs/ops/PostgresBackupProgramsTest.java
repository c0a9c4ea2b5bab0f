package org.officialblogs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.db.DatabaseLogin;

/** Without PostgreSQL's client programs, backup and restore say in one line what to install, and touch nothing. */
class PostgresBackupProgramsTest {

    @TempDir
    Path dir;

    @Test
    void missingProgramsAreNamedWithWhatToInstall() {
        PostgresBackup none = new PostgresBackup(List.of(dir));
        String url = "jdbc:postgresql://127.0.0.1:5/ob?user=ob&password=secret";

        DatabaseBackup.BackupReport backup = none.backup(url, DatabaseLogin.NONE, dir.resolve("b.dump"), false);
        DatabaseBackup.RestoreReport restore = none.restore(dir.resolve("b.dump"), url, DatabaseLogin.NONE);

        assertThat(backup.outcome()).isEqualTo(DatabaseBackup.Outcome.FAILED);
        assertThat(backup.message()).isEqualTo("Cannot back up a PostgreSQL database here: pg_dump was not found on PATH or"
                + " under /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs (Debian: apt-get install"
                + " postgresql-client, the server's major version or newer), or use your platform's own backups of the database.");
        assertThat(restore.outcome()).isEqualTo(DatabaseBackup.Outcome.FAILED);
        assertThat(restore.message()).startsWith("Cannot restore a PostgreSQL database here: pg_restore was not found").doesNotContain("\n");
        assertThat(dir.resolve("b.dump")).doesNotExist();
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        assertThat(PostgresBackup.masked("jdbc:postgresql://h/db?user=ob&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=ob&password=***&ssl=true");
    }
}
