package org.officialblogs.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.TestDatabases;
import org.officialblogs.metrics.MetricsFixture;
import org.officialblogs.metrics.MetricsService;
import org.officialblogs.metrics.MetricsSettings;
import org.officialblogs.metrics.MetricsStore;

/**
 * The data version rises with every committed write to what the pages show, and only with those; a commit in this
 * process is seen at once, another process's within {@link DataVersion#OTHERS_WRITES_NANOS}.
 */
class DataVersionTest {

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void registryWritesAndRecomputesRaiseItAndARolledBackWriteDoesNot() {
        DataVersion version = db.dataVersion();
        long start = version.current();

        MetricsFixture fixture = new MetricsFixture(db);
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        long blog = fixture.blog("Ann Example", "US", "https://ann.example.org/");
        long afterImport = version.current();
        assertThat(afterImport).as("a registry entry was added").isGreaterThan(start);

        // the crawler's own writes (posts, crawl state) reach the pages with the recompute that follows them
        fixture.crawled(blog, now.minus(Duration.ofHours(1)));
        fixture.posts(blog, List.of(now.minus(Duration.ofDays(1))), List.of());
        assertThat(version.current()).isEqualTo(afterImport);
        new MetricsService(new MetricsStore(db.jdbi(), MetricsSettings.defaults()), MetricsSettings.defaults()).recompute(blog, now);
        long afterRecompute = version.current();
        assertThat(afterRecompute).isGreaterThan(afterImport);

        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            DataVersion.bump(h);
            assertThat(DataVersion.read(h)).as("seen inside the transaction").isEqualTo(afterRecompute + 1);
            throw new IllegalStateException("the write fails");
        })).hasMessage("the write fails");
        assertThat(version.current()).as("rolled back with the write").isEqualTo(afterRecompute);
    }

    @Test
    void anotherConnectionPoolOnTheSameDatabaseSeesTheNewVersionAtOnce() {
        try (Database other = Database.open(db.url())) {
            long before = other.dataVersion().current();
            db.jdbi().useTransaction(DataVersion::bump);
            assertThat(other.dataVersion().current()).isEqualTo(before + 1);
        }
    }

    @Test
    void aWriteOfAnotherProcessIsSeenOnceTheVersionReadIsOld() throws Exception {
        AtomicLong clock = new AtomicLong();
        DataVersion version = new DataVersion(db.jdbi(), clock::get);
        long before = version.current();

        // another process: its own connection, and a commit this process is not told of
        try (Connection other = DriverManager.getConnection(db.url()); Statement s = other.createStatement()) {
            s.executeUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1");
        }
        clock.addAndGet(DataVersion.OTHERS_WRITES_NANOS - 1);
        assertThat(version.current()).as("the version read a moment ago still stands").isEqualTo(before);
        clock.addAndGet(1);
        assertThat(version.current()).as("read again once it is old").isEqualTo(before + 1);
    }

    @Test
    void aCommitInThisProcessIsSeenAtOnceInATransactionOrOnItsOwn() {
        AtomicLong clock = new AtomicLong();
        DataVersion version = new DataVersion(db.jdbi(), clock::get);
        long before = version.current();

        db.jdbi().useTransaction(DataVersion::bump);
        assertThat(version.current()).isEqualTo(before + 1);
        db.jdbi().useHandle(DataVersion::bump);
        assertThat(version.current()).isEqualTo(before + 2);
        db.writer().useTransaction(DataVersion::bump);
        assertThat(version.current()).as("through the database's one writer").isEqualTo(before + 3);
    }

    @Test
    void aBumpUncommittedYetIsNotTakenForCommitted() throws Exception {
        AtomicLong clock = new AtomicLong();
        DataVersion version = new DataVersion(db.jdbi(), clock::get);
        long before = version.current();
        db.jdbi().useTransaction(h -> {
            DataVersion.bump(h);
            // asked while the write is still open: nothing committed here yet, so the version kept stands
            assertThat(version.current()).isEqualTo(before);
        });
        assertThat(version.current()).as("the commit made the version kept stale").isEqualTo(before + 1);
    }
}
