package org.officialblogs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.db.Database;
import org.officialblogs.ops.DatabaseBackup;
import org.officialblogs.ops.SqliteFile;

class PreparedSeedTest {

    @TempDir
    Path dir;

    @Test
    void theNameFollowsTheSeedItWasMadeFrom() {
        byte[] seed = "name,country\nA,DE\n".getBytes(StandardCharsets.UTF_8);
        String name = PreparedSeed.fileName(seed);
        assertThat(name).matches("official-blogs-seed-[0-9a-f]{16}\\.db");
        assertThat(PreparedSeed.fileName(seed.clone())).isEqualTo(name);
        assertThat(PreparedSeed.fileName("name,country\nB,DE\n".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(name);
    }

    @Test
    void aNewDatabaseCopiedFromThePreparedOneHoldsTheSeedAsAnImportWould() throws Exception {
        Path imported = dir.resolve("imported.db");
        long officials;
        Map<String, Long> byStatus;
        try (Database db = Database.open("jdbc:sqlite:" + imported)) {
            RegistryDao dao = new RegistryDao(db.jdbi());
            new SeedLoader(dao, new RegistryImporter(new RegistryService(dao, Clock.systemUTC()))).loadIfEmpty()
                    .orElseThrow();
            officials = dao.countOfficials();
            byStatus = dao.countBlogsByStatus();
        }
        Path folder = Files.createDirectories(dir.resolve("build"));
        Path prepared = folder.resolve(PreparedSeed.fileName(SeedLoader.bundledSeed()));
        assertThat(new DatabaseBackup(Clock.systemUTC()).backup(new SqliteFile(imported), prepared, false).outcome())
                .isEqualTo(DatabaseBackup.Outcome.DONE);
        assertThat(PreparedSeed.in(folder)).contains(prepared);

        Path fresh = dir.resolve("data/officialblogs.db");
        assertThat(PreparedSeed.copyIfNew(prepared, fresh)).isTrue();
        try (Database db = Database.open("jdbc:sqlite:" + fresh)) {
            RegistryDao dao = new RegistryDao(db.jdbi());
            SeedLoader seed = new SeedLoader(dao, new RegistryImporter(new RegistryService(dao, Clock.systemUTC())));
            assertThat(seed.loadIfEmpty()).isEmpty(); // already there
            assertThat(dao.countOfficials()).isEqualTo(officials);
            assertThat(dao.countBlogsByStatus()).isEqualTo(byStatus);
        }
        try (var files = Files.list(fresh.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws Exception {
        Path prepared = Files.writeString(dir.resolve("prepared.db"), "prepared");
        Path database = Files.writeString(dir.resolve("officialblogs.db"), "the operator's data");
        assertThat(PreparedSeed.copyIfNew(prepared, database)).isFalse();
        assertThat(Files.readString(database)).isEqualTo("the operator's data");

        // a database whose main file is gone but whose write-ahead log remains is not new either
        Path other = dir.resolve("other.db");
        Files.writeString(dir.resolve("other.db-wal"), "log");
        assertThat(PreparedSeed.copyIfNew(prepared, other)).isFalse();
        assertThat(other).doesNotExist();
    }

    @Test
    void aFolderWithoutThisSeedsDatabaseOffersNone() throws Exception {
        Files.writeString(dir.resolve("official-blogs-seed-0000000000000000.db"), "another seed's");
        assertThat(PreparedSeed.in(dir)).isEmpty();
        PreparedSeed.removeOld(dir);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
