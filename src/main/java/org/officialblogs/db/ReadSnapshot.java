package org.officialblogs.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Several reads that make one answer (a page's data), run on one connection in one read transaction: they see one
 * state of the database, not a state per statement, and on SQLite they take its read lock once instead of once per
 * statement. On SQLite every statement outside a transaction begins and ends a transaction of its own, and in WAL
 * mode that is a read mark taken and given back in the shared-memory index: under a page load the data of a profile
 * (about a dozen statements) spent a good part of its native time there.
 *
 * <p>Only reads belong inside: the transaction is SQLite's deferred one (no write lock is ever asked for), begun
 * with plain SQL on a connection the driver keeps in auto-commit, so a write transaction started inside would fail.
 * Inside a transaction that is already open, or a snapshot of this thread's, the reads simply join it. On
 * PostgreSQL the reads run as they would without it: each statement in its own transaction, as elsewhere in the app.
 */
public final class ReadSnapshot {

    private final Jdbi jdbi;
    private final boolean ownTransaction;
    /** This thread's open snapshot: JDBI hands a nested call the same handle, so it joins the snapshot. */
    private final ThreadLocal<Boolean> open = ThreadLocal.withInitial(() -> false);

    ReadSnapshot(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.ownTransaction = dialect == Dialect.SQLITE;
    }

    /** Runs {@code reads} in one read transaction and returns what they return. */
    public <T> T read(HandleCallback<T, RuntimeException> reads) {
        return jdbi.withHandle(h -> {
            if (!ownTransaction || open.get() || h.isInTransaction()) {
                return reads.withHandle(h);
            }
            h.execute("BEGIN DEFERRED");
            open.set(true);
            T result;
            try {
                result = reads.withHandle(h);
            } catch (RuntimeException | Error e) {
                end(h, "ROLLBACK", e);
                throw e;
            }
            end(h, "COMMIT", null);
            return result;
        });
    }

    /**
     * Ends the transaction. A connection may not go back to the pool inside one (the next borrower's reads would
     * all see this old state), so when COMMIT fails ROLLBACK is tried too; what failed first is what is thrown.
     */
    private void end(Handle h, String how, Throwable failed) {
        open.set(false);
        try {
            h.execute(how);
        } catch (RuntimeException e) {
            if (failed != null) {
                failed.addSuppressed(e);
                return;
            }
            try {
                h.execute("ROLLBACK");
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }
}
