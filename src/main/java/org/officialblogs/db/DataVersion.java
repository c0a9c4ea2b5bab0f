package org.officialblogs.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The version of what the pages show, one number in the database (table data_version): every write that changes
 * what a page or the read API shows raises it in its own transaction ({@link #bump}), so anything rendered or
 * derived from the data as of one version (a cached page, an ETag) is stale once {@link #current()} differs, whichever
 * node or process wrote. Reading it is one primary-key read; nothing is kept in this process, so there is no
 * staleness beyond a request's own.
 *
 * <p>Raised by: the metrics recompute (after every crawl of a blog, archive read and the nightly pass) and every
 * registry write (officials, blogs, sources, aliases: moderators' edits, approvals, imports, discovery's approved
 * candidates, Wikidata enrichment). Crawled posts and comments reach the pages with the recompute that follows each
 * crawl.
 */
public final class DataVersion {

    private final Jdbi jdbi;

    public DataVersion(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The version now: read before the data it stands for, so a write landing in between makes it stale, never hidden. */
    public long current() {
        return jdbi.withHandle(DataVersion::read);
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
    }
}
