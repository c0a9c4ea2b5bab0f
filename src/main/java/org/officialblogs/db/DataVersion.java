package org.officialblogs.db;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The version of what the pages show, one number in the database (table data_version): every write that changes
 * what a page or the read API shows raises it in its own transaction ({@link #bump}), so anything rendered or
 * derived from the data as of one version (a cached page, an ETag) is stale once {@link #current()} differs, whichever
 * node or process wrote.
 *
 * <p>Raised by: the metrics recompute (after every crawl of a blog, archive read and the nightly pass) and every
 * registry write (officials, blogs, sources, aliases: moderators' edits, approvals, imports, discovery's approved
 * candidates, Wikidata enrichment). Crawled posts and comments reach the pages with the recompute that follows each
 * crawl.
 *
 * <p>Every page request asks for the version, so the number last read is kept: a write committed in this process
 * makes it stale at once, and a write by another process or node is seen at most {@link #OTHERS_WRITES_NANOS}
 * later. Reading the row on every request (a read transaction of its own, on a pooled connection) cost the site a
 * seventh of its processor time while a crawl wrote.
 */
public final class DataVersion {

    /** How long a version read from the database stands for writes made by other processes and nodes. */
    static final long OTHERS_WRITES_NANOS = 250_000_000L;

    /**
     * Versions raised by commits in this process, on any database: a commit here makes every kept version stale,
     * which is too often when a process opens several databases (tests), never too seldom.
     */
    private static final AtomicLong RAISED_HERE = new AtomicLong();

    /** A version read from the database, with the commits made here before it was read and when that was. */
    private record Seen(long version, long raisedHere, long readAtNanos) {}

    private final Jdbi jdbi;
    private final LongSupplier nanoTime;
    private volatile Seen seen;

    public DataVersion(Jdbi jdbi) {
        this(jdbi, System::nanoTime);
    }

    DataVersion(Jdbi jdbi, LongSupplier nanoTime) {
        this.jdbi = jdbi;
        this.nanoTime = nanoTime;
    }

    /**
     * The version now: the one last read while no commit here has raised it since and it is younger than
     * {@link #OTHERS_WRITES_NANOS}, else read again. Asked before the data it stands for is read, so a write landing
     * in between makes what is rendered stale, never hidden.
     */
    public long current() {
        // what was committed here, and when, is taken before the read: a commit racing the read makes it stale
        long raised = RAISED_HERE.get();
        long now = nanoTime.getAsLong();
        Seen last = seen;
        if (last != null && last.raisedHere() == raised && now - last.readAtNanos() < OTHERS_WRITES_NANOS) {
            return last.version();
        }
        long version = jdbi.withHandle(DataVersion::read);
        seen = new Seen(version, raised, now);
        return version;
    }

    /** The version as seen inside the caller's transaction. */
    public static long read(Handle h) {
        // plain JDBC on the handle's connection: every page request reads this first, and JDBI's mapper look-up and
        // statement set-up cost more than SQLite's read itself (8 % of request CPU in a flight recording)
        try (java.sql.PreparedStatement s = h.getConnection().prepareStatement("SELECT version FROM data_version WHERE id = 1");
             java.sql.ResultSet rs = s.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("data_version has no row 1: the database was not migrated");
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the data version: " + e.getMessage(), e);
        }
    }

    /**
     * Raises the version inside the caller's write transaction, so it commits (or rolls back) with the write it
     * announces. Several bumps in one transaction are as good as one.
     */
    public static void bump(Handle h) {
        h.createUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1").execute();
        if (h.isInTransaction()) h.afterCommit(RAISED_HERE::incrementAndGet);
        else RAISED_HERE.incrementAndGet(); // committed on its own, already
    }
}
