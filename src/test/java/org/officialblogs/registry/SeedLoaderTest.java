package org.officialblogs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;

class SeedLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theSeedLoadsCompletelyAndLoadingAgainChangesNothing() {
        RegistryDao dao = new RegistryDao(TestDatabases.fresh(dir).jdbi());
        RegistryImporter importer = new RegistryImporter(new RegistryService(dao, Clock.systemUTC()));
        SeedLoader seed = new SeedLoader(dao, importer);

        RegistryImporter.Report first = seed.loadIfEmpty().orElseThrow();
        assertThat(first.rejected()).isEmpty();
        assertThat(first.added()).isGreaterThan(100);
        long officials = dao.countOfficials();
        var byStatus = dao.countBlogsByStatus();
        assertThat(byStatus.get("lead")).isPositive();
        assertThat(byStatus.get("active")).isPositive();

        assertThat(seed.loadIfEmpty()).isEmpty();
        // even an explicit second import of the same file is idempotent
        RegistryImporter.Report again = importer.importCsv(SeedLoader.bundledSeed(), Origin.SEED, SeedLoader.RESOURCE);
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.rejected()).isEmpty();
        assertThat(dao.countOfficials()).isEqualTo(officials);
        assertThat(dao.countBlogsByStatus()).isEqualTo(byStatus);
    }

    @Test
    void everySeedEntryHasASourceAndAValidCountry() {
        RegistryDao dao = new RegistryDao(TestDatabases.fresh(dir).jdbi());
        new SeedLoader(dao, new RegistryImporter(new RegistryService(dao, Clock.systemUTC()))).loadIfEmpty();
        int withoutSource = dao.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM official o WHERE NOT EXISTS (SELECT 1 FROM source s WHERE s.official_id = o.id)")
                .mapTo(Integer.class).one());
        assertThat(withoutSource).isZero();
        java.util.List<String> countries = dao.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT country FROM official")
                .mapTo(String.class).list());
        assertThat(countries)
                .allSatisfy(c -> assertThat(Countries.isValid(c)).as(c).isTrue());
    }
}
